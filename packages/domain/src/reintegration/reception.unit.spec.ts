import { describe, expect, it } from 'vitest';
import { CASE_RULES } from './rules.js';
import { CASE_ID, COMMUNE, PERSON, as, command, doc, given, historyUpTo } from './testing.js';

const notice = {
  caseId: CASE_ID,
  person: PERSON,
  source: 'AMNESTY' as const,
  communeCode: COMMUNE,
  releaseDate: '2025-09-01',
  reportBy: '2025-09-10',
  receivedOn: '2025-08-28',
  notice: doc('215/TB-TG', '2025-08-28'),
};

describe('a case before the notice', () => {
  it('opens on the release notice, due for residence checks in 3 working days over National Day', () => {
    given()
      .when(command('ReceiveReleaseNotice', notice, as('commune-police')))
      .then([
        {
          type: 'ReleaseNoticeReceived',
          data: {
            ...notice,
            verifyBy: '2025-09-04',
            deadlines: [
              {
                rule: 'case.verify-residence',
                from: notice.receivedOn,
                calendarVersion: 'built-in-2026-12',
                provisional: false,
              },
            ],
          },
        },
      ]);
  });

  it('flags a sentence’s end notified less than two months ahead (LTHAHS19 46(1)), not an amnesty', () => {
    const expiry = { ...notice, source: 'EXPIRY' as const, releaseDate: '2025-10-15' };
    given()
      .when(command('ReceiveReleaseNotice', expiry, as('commune-police')))
      .then((e) => expect(e[0]?.data).toMatchObject({ lateNotice: true }));
    given()
      .when(command('ReceiveReleaseNotice', { ...expiry, receivedOn: '2025-08-14' }, as('commune-police')))
      .then((e) => expect(e[0]?.data).not.toHaveProperty('lateNotice'));
    given()
      .when(command('ReceiveReleaseNotice', notice, as('commune-police')))
      .then((e) => expect(e[0]?.data).not.toHaveProperty('lateNotice'));
  });

  it('refuses the procuracy, which only records findings', () => {
    given()
      .when(command('ReceiveReleaseNotice', notice, as('procuracy', 'vks-hai-phong')))
      .thenRefuses(CASE_RULES.oversightReadOnly);
  });

  it('refuses anything but a notice on a case that does not exist', () => {
    given()
      .when(
        command(
          'LogVisit',
          { visitedOn: '2025-09-05', place: 'HOME', findings: 'x', concerns: [] },
          as('commune-police'),
        ),
      )
      .thenRefuses(CASE_RULES.noCase);
  });
});

describe('an expected case', () => {
  const expected = historyUpTo('expected');

  it('verifies the residence once', () => {
    const verify = command(
      'VerifyResidence',
      {
        address: { communeCode: COMMUNE, village: 'Thôn 3' },
        verifiedOn: '2025-08-29',
        familyContacted: true,
      },
      as('commune-police'),
    );
    const events = given(expected)
      .when(verify)
      .then((e) => expect(e[0]?.type).toBe('ResidenceVerified'));
    given([...expected, ...events])
      .when(verify)
      .thenRefuses(CASE_RULES.residenceAlreadySettled);
  });

  it('reports a mismatch to the facility instead, with the commune chair signing', () => {
    given(expected)
      .when(
        command(
          'ReportResidenceMismatch',
          {
            reportedOn: '2025-08-29',
            reportedTo: 'trai-giam-x',
            reason: 'Không có nhà tại địa chỉ',
            report: doc('03/BC', '2025-08-29', 'HCD-03'),
          },
          as('commune-chair'),
        ),
      )
      .then((e) => expect(e[0]?.type).toBe('ResidenceMismatchReported'));
  });

  it('refuses a visit before the person has reported in', () => {
    given(expected)
      .when(
        command(
          'LogVisit',
          { visitedOn: '2025-09-02', place: 'HOME', findings: 'Chưa về', concerns: [] },
          as('commune-police'),
        ),
      )
      .thenRefuses(CASE_RULES.beforeReception);
  });

  it('receives the person, marking a late report and computing the file and proposal due dates', () => {
    given(expected)
      .when(
        command(
          'ReceivePerson',
          {
            reportedOn: '2025-09-12',
            certificate: doc('GCN-1', '2025-09-01'),
            reportBy: '2025-09-10',
            minutes: doc('01/BB', '2025-09-12', 'HCD-05'),
            commitmentSigned: true,
          },
          as('commune-police'),
        ),
      )
      .then((e) =>
        expect(e[0]?.data).toMatchObject({
          late: true,
          fileDueBy: '2025-09-19',
          supervisorDueBy: '2025-09-17',
        }),
      );
  });

  it('marks the reporting deadline missed only after it has passed, then lets the chair escalate', () => {
    given(expected)
      .when(command('MarkReportingDeadlineMissed', { detectedOn: '2025-09-10' }, as('system')))
      .thenRefuses(CASE_RULES.deadlineNotPassed);
    const missed = given(expected)
      .when(command('MarkReportingDeadlineMissed', { detectedOn: '2025-09-11' }, as('system')))
      .then([{ type: 'ReportingDeadlineMissed', data: { dueDate: '2025-09-10', detectedOn: '2025-09-11' } }]);
    const escalate = command(
      'EscalateNonReporting',
      {
        whereabouts: 'UNKNOWN',
        escalatedTo: 'ca-tinh-thahs',
        escalatedOn: '2025-09-12',
        report: doc('04/BC', '2025-09-12', 'HCD-04'),
      },
      as('commune-chair'),
    );
    given(expected).when(escalate).thenRefuses(CASE_RULES.deadlineNotPassed);
    given([...expected, ...missed])
      .when(escalate)
      .then((e) => expect(e[0]?.type).toBe('NonReportingEscalated'));
  });
});

describe('a received case', () => {
  const received = historyUpTo('received');

  it('refuses a second reception', () => {
    given(received)
      .when(
        command(
          'ReceivePerson',
          {
            reportedOn: '2025-09-04',
            certificate: doc('GCN-1', '2025-09-01'),
            minutes: doc('02/BB', '2025-09-04'),
            commitmentSigned: true,
          },
          as('commune-police'),
        ),
      )
      .thenRefuses(CASE_RULES.alreadyReceived);
  });

  it('opens the management file once, late after 5 working days', () => {
    const open = command(
      'OpenManagementFile',
      { fileNo: 'NV-01/2025', openedOn: '2025-09-11' },
      as('commune-police'),
    );
    const events = given(received)
      .when(open)
      .then([
        { type: 'ManagementFileOpened', data: { fileNo: 'NV-01/2025', openedOn: '2025-09-11', late: true } },
      ]);
    given([...received, ...events])
      .when(open)
      .thenRefuses(CASE_RULES.fileAlreadyOpen);
  });

  it('lets a village head of the commune log a visit, and not one of another commune', () => {
    const visit = {
      visitedOn: '2025-09-20',
      place: 'HOME' as const,
      findings: 'Đã có việc làm thời vụ',
      concerns: [],
    };
    given(received)
      .when(command('LogVisit', visit, as('village-head', `${COMMUNE}/thon-3`)))
      .then((e) => expect(e[0]?.data).toMatchObject({ visitorRole: 'village-head' }));
  });
});

describe('a person who reports in at another commune than the certificate names', () => {
  const arrival = (lawfulResidence: boolean) =>
    command(
      'AcceptArrivalFromOtherCommune',
      {
        caseId: CASE_ID,
        person: PERSON,
        source: 'AMNESTY',
        communeCode: 'phuong-le-chan',
        originalCommune: COMMUNE,
        releaseDate: '2025-09-01',
        lawfulResidence,
        reportedOn: '2025-09-04',
        certificate: doc('GCN-9', '2025-09-01'),
        minutes: doc('09/BB', '2025-09-04', 'HCD-05'),
      },
      as('commune-police', 'phuong-le-chan/cong-an'),
    );

  it('is taken on, already received, where they lawfully reside', () => {
    given()
      .when(arrival(true))
      .then((e) =>
        expect(e[0]?.data).toMatchObject({
          communeCode: 'phuong-le-chan',
          originalCommune: COMMUNE,
          supervisorDueBy: '2025-09-09',
        }),
      );
  });

  it('is refused where they do not lawfully reside', () => {
    given().when(arrival(false)).thenRefuses(CASE_RULES.notLawfulResidence);
  });
});

describe('case refusals', () => {
  it('refuses a second notice for the same case', () => {
    given(historyUpTo('expected'))
      .when(command('ReceiveReleaseNotice', notice, as('commune-police')))
      .thenRefuses(CASE_RULES.caseExists);
  });
});

describe('a case opened by the certificate itself (LĐX 18(1))', () => {
  const ROUND = '0192f5c4-0000-7000-8000-0000000000bb';
  const system = {
    actor: 'dacxa-scheduler',
    role: 'system',
    unit: 'he-thong',
    now: '2025-09-01T02:00:00Z',
  } as const;

  it('lets the system open the expected case from an amnesty certificate of a round', () => {
    given()
      .when(command('ReceiveReleaseNotice', { ...notice, roundId: ROUND }, system))
      .then([
        {
          type: 'ReleaseNoticeReceived',
          data: {
            ...notice,
            roundId: ROUND,
            verifyBy: '2025-09-04',
            deadlines: [
              {
                rule: 'case.verify-residence',
                from: notice.receivedOn,
                calendarVersion: 'built-in-2026-12',
                provisional: false,
              },
            ],
          },
        },
      ]);
  });

  it('refuses the system a notice with no round, or of a sentence served in full', () => {
    given()
      .when(command('ReceiveReleaseNotice', notice, system))
      .thenRefuses(CASE_RULES.noticeBySystemFromCertificate);
    given()
      .when(command('ReceiveReleaseNotice', { ...notice, roundId: ROUND, source: 'EXPIRY' }, system))
      .thenRefuses(CASE_RULES.noticeBySystemFromCertificate);
  });

  it('refuses a person who is not commune police, the facility that issued the certificate included', () => {
    given()
      .when(
        command('ReceiveReleaseNotice', { ...notice, roundId: ROUND }, as('facility-warden', 'trai-giam-x')),
      )
      .thenRefuses(CASE_RULES.roleNotAllowed);
    given()
      .when(command('ReceiveReleaseNotice', { ...notice, roundId: ROUND }, as('commune-chair')))
      .thenRefuses(CASE_RULES.roleNotAllowed);
  });
});
