import { describe, expect, it } from 'vitest';
import { evolveCase } from './evolve.js';
import { FRONT_RULES } from './frontOpinion.js';
import { CASE_RULES } from './rules.js';
import { initialCaseState } from './state.js';
import type { SupervisorRef } from './values.js';
import { COMMUNE, SUPERVISOR, as, command, doc, given, historyUpTo } from './testing.js';

const assign = (supervisor: SupervisorRef = SUPERVISOR) =>
  command(
    'AssignSupervisor',
    { supervisor, decision: doc('15/QĐ-UBND', '2025-09-05', 'HCD-07'), decidedOn: '2025-09-05' },
    as('commune-chair'),
  );
const otherPerson = { kind: 'PERSON', ref: 'u-hoi-phu-nu', name: 'Hội viên Hội Phụ nữ (giả định)' } as const;

describe('supervisor assignment', () => {
  it('refuses the chair’s decision before the commune’s Front has agreed to the person (TT10 10(1))', () => {
    const proposed = historyUpTo('received');
    given(proposed)
      .when(
        command(
          'ProposeSupervisor',
          {
            supervisor: SUPERVISOR,
            proposedOn: '2025-09-04',
            proposal: doc('02/BC', '2025-09-04', 'HCD-06'),
          },
          as('commune-police'),
        ),
      )
      .then((events) =>
        given([...proposed, ...events])
          .when(assign())
          .thenRefuses(FRONT_RULES.frontAgreementNeeded),
      );
  });

  it('lets commune police propose, late after 3 working days', () => {
    given(historyUpTo('received'))
      .when(
        command(
          'ProposeSupervisor',
          {
            supervisor: SUPERVISOR,
            proposedOn: '2025-09-09',
            proposal: doc('02/BC', '2025-09-09', 'HCD-06'),
          },
          as('commune-police'),
        ),
      )
      .then((e) => expect(e[0]?.data).toMatchObject({ late: true }));
  });

  it('gives the chair 3 working days from the proposal to decide (TT10 10(2))', () => {
    // Proposed Thursday 04/09/2025: Friday, Monday, Tuesday (01–02/09 are behind it).
    given(historyUpTo('received'))
      .when(
        command(
          'ProposeSupervisor',
          {
            supervisor: SUPERVISOR,
            proposedOn: '2025-09-04',
            proposal: doc('02/BC', '2025-09-04', 'HCD-06'),
          },
          as('commune-police'),
        ),
      )
      .then((e) =>
        expect(e[0]?.data).toMatchObject({
          decisionDueBy: '2025-09-09',
          deadlines: [{ rule: 'case.supervisor-decision', from: '2025-09-04' }],
        }),
      );
  });

  it('lets only the commune chair decide, and only on a proposal for that supervisor', () => {
    given(historyUpTo('proposed'))
      .when({ ...assign(), meta: as('commune-police') })
      .thenRefuses(CASE_RULES.onlyChairDecidesSupervisor);
    given(historyUpTo('received')).when(assign()).thenRefuses(CASE_RULES.noProposal);
    given(historyUpTo('proposed')).when(assign(otherPerson)).thenRefuses(CASE_RULES.noProposal);
    given(historyUpTo('proposed'))
      .when(assign())
      .then((e) => expect(e[0]?.type).toBe('SupervisorAssigned'));
  });

  it('lets a deputy chair decide for the chair, recorded as signed “KT. Chủ tịch”', () => {
    given(historyUpTo('proposed'))
      .when({ ...assign(), meta: as('commune-deputy-chair') })
      .then((e) => expect(e[0]?.data).toMatchObject({ signedAs: 'KT_CHU_TICH' }));
    given(historyUpTo('proposed'))
      .when(assign())
      .then((e) => expect(e[0]?.data).toMatchObject({ signedAs: 'CHU_TICH' }));
  });

  it('keeps exactly one supervisor: a second assignment is refused, a replacement names the previous one', () => {
    const supervised = historyUpTo('supervised');
    given(supervised).when(assign()).thenRefuses(CASE_RULES.supervisorAlreadyAssigned);
    given(supervised)
      .when(
        command(
          'ReplaceSupervisor',
          {
            supervisor: otherPerson,
            reason: 'Chuyển công tác',
            decision: doc('20/QĐ-UBND', '2025-10-01', 'HCD-07'),
            decidedOn: '2025-10-01',
          },
          as('commune-chair'),
        ),
      )
      .then((e) => expect(e[0]?.data).toMatchObject({ previous: SUPERVISOR, supervisor: otherPerson }));
  });
});

describe('a supervised case', () => {
  const supervised = historyUpTo('supervised');
  const report = (quarter: string, submittedOn: string, actor: string = SUPERVISOR.ref) =>
    command(
      'SubmitQuarterlyReport',
      { quarter, submittedOn, narrative: 'Chấp hành tốt' },
      as('supervisor', COMMUNE, actor),
    );

  it('takes the quarterly report from the assigned supervisor, late after day 5 of the next quarter', () => {
    given(supervised)
      .when(report('2025-Q3', '2025-10-03'))
      .then((e) => expect(e[0]?.data).toMatchObject({ dueBy: '2025-10-06', late: false }));
    given(supervised)
      .when(report('2025-Q3', '2025-10-08'))
      .then((e) => expect(e[0]?.data).toMatchObject({ late: true }));
  });

  it('refuses a repeat report, or one before the quarter ends', () => {
    given(supervised).when(report('2025-Q4', '2025-12-20')).thenRefuses(CASE_RULES.quarterNotEnded);
    const first = given(supervised)
      .when(report('2025-Q3', '2025-10-03'))
      .then(() => undefined);
    given([...supervised, ...first])
      .when(report('2025-Q3', '2025-10-04'))
      .thenRefuses(CASE_RULES.quarterReported);
  });

  it('refuses a quarterly report before any supervisor is assigned', () => {
    given(historyUpTo('received')).when(report('2025-Q3', '2025-10-03')).thenRefuses(CASE_RULES.noSupervisor);
  });

  it('lets the assigned supervisor log a visit', () => {
    given(supervised)
      .when(
        command(
          'LogVisit',
          { visitedOn: '2025-10-10', place: 'WORKPLACE', findings: 'Làm việc ổn định', concerns: [] },
          as('supervisor', COMMUNE, SUPERVISOR.ref),
        ),
      )
      .then((e) => expect(e[0]).toMatchObject({ type: 'VisitLogged', data: { visitorRole: 'supervisor' } }));
  });

  it('keeps group D for detention: refused while free, required while detained, and kept on file', () => {
    const classify = (group: 'A' | 'D') =>
      command(
        'ClassifyPerson',
        { group, quarter: '2025-Q3', classifiedOn: '2025-10-02' },
        as('commune-police'),
      );
    given(supervised).when(classify('D')).thenRefuses(CASE_RULES.groupD);
    const detained = given(supervised)
      .when(
        command('RecordDetention', { facilityType: 'DETENTION', from: '2025-10-15' }, as('commune-police')),
      )
      .then(() => undefined);
    given([...supervised, ...detained])
      .when(classify('A'))
      .thenRefuses(CASE_RULES.groupD);
    given([...supervised, ...detained])
      .when(classify('D'))
      .then((e) => expect(e[0]?.type).toBe('PersonClassified'));
    given([...supervised, ...detained])
      .when(
        command('RecordDetention', { facilityType: 'DETENTION', from: '2025-10-16' }, as('commune-police')),
      )
      .thenRefuses(CASE_RULES.detention);
    given(supervised)
      .when(command('RecordReturnFromDetention', { returnedOn: '2025-11-01' }, as('commune-police')))
      .thenRefuses(CASE_RULES.detention);
    // Back home, group D no longer holds: the person waits to be classified again.
    const returned = given([...supervised, ...detained])
      .when(command('RecordReturnFromDetention', { returnedOn: '2025-11-01' }, as('commune-police')))
      .then(() => undefined);
    const after = [...supervised, ...detained, ...returned].reduce(evolveCase, initialCaseState);
    expect(after).toMatchObject({ detained: false, group: null });
  });

  it('records supports by the roles that provide them, and refuses others', () => {
    given(supervised)
      .when(
        command(
          'ReferToJob',
          { on: '2025-09-20', employmentCentre: 'TT DVVL Hải Phòng', employer: 'HTX Rau sạch (giả định)' },
          as('commune-culture-office'),
        ),
      )
      .then((e) => expect(e[0]?.type).toBe('JobReferralMade'));
    given(supervised)
      .when(
        command(
          'GrantSocialAssistance',
          { on: '2025-09-20', measure: 'Trợ cấp khó khăn' },
          as('commune-police'),
        ),
      )
      .thenRefuses(CASE_RULES.roleNotAllowed);
    given(supervised)
      .when(command('IssueIdentityCard', { on: '2025-09-20' }, as('fatherland-front', 'mttq-an-khanh')))
      .thenRefuses(CASE_RULES.oversightReadOnly);
  });

  it('lets the commune economic office record its guidance on land and farming, and nobody else', () => {
    const supervised = historyUpTo('supervised');
    const guidance = {
      on: '2025-09-22',
      area: 'LAND' as const,
      measure: 'Hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất',
    };
    given(supervised)
      .when(command('RecordLivelihoodSupport', guidance, as('commune-economic-office')))
      .then((e) => expect(e[0]?.type).toBe('LivelihoodSupportGiven'));
    given(supervised)
      .when(command('RecordLivelihoodSupport', guidance, as('commune-culture-office')))
      .thenRefuses(CASE_RULES.roleNotAllowed);
  });
});
