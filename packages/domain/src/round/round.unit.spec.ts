import { describe, expect, it } from 'vitest';
import type { RoundCommand } from './commands.js';
import type { RoundEvent } from './events.js';
import { KNOWN_ROUNDS } from './knownRounds.js';
import { commandFrom, givenRound } from './testing.js';
import { ROUND_RULES, decideRound, evolveRound, initialRoundState } from './round.js';

const given = givenRound;
const C = commandFrom('ca-tinh');
const ROUND = '0192f5c4-0000-7000-8000-0000000001a0';
const LIST = '0192f5c4-0000-7000-8000-0000000001a1';
const decided = given()
  .when(
    C('RecordRoundDecision', {
      roundId: ROUND,
      province: 'tp-hai-phong',
      decision: { number: '758/2024/QĐ-CTN', date: '2024-07-30' },
      occasion: 'Quốc khánh 2024',
      amnestyDate: '2024-10-01',
      parameters: KNOWN_ROUNDS['2024']!.parameters,
    }),
  )
  .then(() => undefined);
const run = (events: RoundEvent[], ...commands: RoundCommand[]): RoundEvent[] =>
  commands.reduce<RoundEvent[]>(
    (all, c) => [...all, ...decideRound(c, all.reduce(evolveRound, initialRoundState))],
    events,
  );

describe('amnesty rounds', () => {
  it('record the Government’s proposal with how many days ahead of the amnesty it came (≥ 60 by law)', () => {
    given()
      .when(
        C('RecordAmnestyProposal', {
          roundId: ROUND,
          province: 'tp-hai-phong',
          occasion: 'Quốc khánh',
          amnestyDate: '2024-10-01',
          submittedOn: '2024-07-15',
        }),
      )
      .then((e) => expect(e[0]?.data).toMatchObject({ daysBeforeAmnesty: 78, marginShort: false }));
    // Recorded as the Government acted, and flagged: the system does not refuse another body's act.
    given()
      .when(
        C('RecordAmnestyProposal', {
          roundId: ROUND,
          province: 'tp-hai-phong',
          occasion: 'Quốc khánh',
          amnestyDate: '2024-10-01',
          submittedOn: '2024-08-15',
        }),
      )
      .then((e) => expect(e[0]?.data).toMatchObject({ daysBeforeAmnesty: 47, marginShort: true }));
  });

  it('let a warden or a court record only their facility’s acts, never the President’s or the Government’s', () => {
    const decision = {
      roundId: ROUND,
      province: 'tp-hai-phong',
      decision: { number: '758/2024/QĐ-CTN', date: '2024-07-30' },
      occasion: 'Quốc khánh 2024',
      amnestyDate: '2024-10-01',
      parameters: KNOWN_ROUNDS['2024']!.parameters,
    };
    for (const role of ['facility-warden', 'court'] as const)
      given()
        .when(C('RecordRoundDecision', decision, role))
        .thenRefuses(ROUND_RULES.recorder);
    given()
      .when(C('RecordRoundDecision', decision, 'provincial-police'))
      .then((e) => expect(e[0]?.type).toBe('AmnestyRoundDecided'));
    const announced = run(decided, C('RecordRoundAnnouncement', { announcedOn: '2024-07-31' }));
    given(announced)
      .when(
        C(
          'PostRoundDecisionAtFacility',
          { facilityId: 'trai-giam-x', postedOn: '2024-08-09' },
          'provincial-police',
        ),
      )
      .thenRefuses(ROUND_RULES.recorder);
  });

  it('give each facility 10 days from posting the decision to compile its lists (LĐX 15(2))', () => {
    const announced = run(decided, C('RecordRoundAnnouncement', { announcedOn: '2024-07-31' }));
    const posted = run(
      announced,
      C(
        'PostRoundDecisionAtFacility',
        { facilityId: 'trai-giam-x', postedOn: '2024-08-09' },
        'facility-warden',
      ),
    ).slice(announced.length);
    // 19/08/2024 is a Monday: no day off to move it from.
    expect(posted[0]?.data).toMatchObject({
      listsDueBy: '2024-08-19',
      deadlines: [{ rule: 'round.facility-list', from: '2024-08-09' }],
    });
  });

  it('take nothing before the President’s decision, and lists only after the decision is posted at the facility', () => {
    given()
      .when(C('RecordRoundAnnouncement', { announcedOn: '2024-07-31' }))
      .thenRefuses(ROUND_RULES.notDecided);
    given(decided)
      .when(
        C(
          'PostRoundDecisionAtFacility',
          { facilityId: 'trai-giam-x', postedOn: '2024-08-09' },
          'facility-warden',
        ),
      )
      .thenRefuses(ROUND_RULES.notAnnounced);
    given(decided)
      .when(
        C(
          'PostProposalList',
          {
            listId: LIST,
            facilityId: 'trai-giam-x',
            kind: 'ELIGIBLE',
            dossierIds: [],
            postedOn: '2024-08-19',
          },
          'facility-warden',
        ),
      )
      .thenRefuses(ROUND_RULES.notPosted);
  });

  it('send lists to appraisal only after the procuracy was notified, and grant only what the Council approved after the Office’s review', () => {
    const posted = run(
      decided,
      C('RecordRoundAnnouncement', { announcedOn: '2024-07-31' }),
      C(
        'PostRoundDecisionAtFacility',
        { facilityId: 'trai-giam-x', postedOn: '2024-08-09' },
        'facility-warden',
      ),
      C(
        'CompileProposalList',
        {
          listId: LIST,
          facilityId: 'trai-giam-x',
          kind: 'ELIGIBLE',
          dossierIds: [ROUND],
          compiledOn: '2024-08-18',
        },
        'facility-warden',
      ),
      C(
        'PostProposalList',
        {
          listId: LIST,
          facilityId: 'trai-giam-x',
          kind: 'ELIGIBLE',
          dossierIds: [ROUND],
          postedOn: '2024-08-19',
        },
        'facility-warden',
      ),
    );
    expect(posted.at(-1)?.data).toMatchObject({ complaintsCloseOn: '2024-08-26' });
    const send = C(
      'SendListsToAppraisal',
      { listIds: [LIST], teamId: ROUND, sentOn: '2024-08-27' },
      'facility-warden',
    );
    given(posted).when(send).thenRefuses(ROUND_RULES.procuracyFirst);
    const appraised = run(
      posted,
      C(
        'NotifyProcuracyOfList',
        { listId: LIST, procuracyUnit: 'vks-tinh', sentOn: '2024-08-20' },
        'facility-warden',
      ),
      send,
      C('RecordAppraisalMinutes', {
        teamId: ROUND,
        eligible: [ROUND],
        ineligible: [],
        minutes: { number: '01/BB-TĐ', date: '2024-09-05' },
      }),
    );
    const approve = C('RecordCouncilApproval', { meetingOn: '2024-09-20', approved: [ROUND], rejected: [] });
    given(appraised).when(approve).thenRefuses(ROUND_RULES.notWithCouncil);
    const approved = run(
      appraised,
      C(
        'SendFinalListsToCouncil',
        { eligible: [ROUND], ineligible: [], sentOn: '2024-09-06' },
        'facility-warden',
      ),
      approve,
    );
    const grant = (granted: string[]) =>
      C('RecordGrantDecision', {
        decision: { number: '957/QĐ-CTN', date: '2024-09-29' },
        effectiveFrom: '2024-10-01',
        granted,
      });
    given(approved)
      .when(grant([ROUND]))
      .thenRefuses(ROUND_RULES.officeFirst);
    const reviewed = run(
      approved,
      C('RecordPresidentialOfficeReview', { reviewedOn: '2024-09-25', issues: [] }),
    );
    given(reviewed)
      .when(grant([ROUND, LIST]))
      .thenRefuses(ROUND_RULES.notApproved);
    given(reviewed)
      .when(grant([ROUND]))
      .then((e) => expect(e).toHaveLength(1));
  });
});

describe('the province of a round', () => {
  const proposal = (province: string) =>
    C('RecordAmnestyProposal', {
      roundId: ROUND,
      province,
      occasion: 'Quốc khánh',
      amnestyDate: '2024-10-01',
      submittedOn: '2024-07-15',
    });
  const decision = (province: string) =>
    C('RecordRoundDecision', {
      roundId: ROUND,
      province,
      decision: { number: '758/2024/QĐ-CTN', date: '2024-07-30' },
      occasion: 'Quốc khánh 2024',
      amnestyDate: '2024-10-01',
      parameters: KNOWN_ROUNDS['2024']!.parameters,
    });

  it('is named by the event that opens the stream, the proposal or the decision', () => {
    const byProposal = run([], proposal('tp-hai-phong'));
    expect(byProposal.reduce(evolveRound, initialRoundState).province).toBe('tp-hai-phong');
    expect(decided.reduce(evolveRound, initialRoundState).province).toBe('tp-hai-phong');
    expect(run(byProposal, decision('tp-hai-phong')).reduce(evolveRound, initialRoundState)).toMatchObject({
      province: 'tp-hai-phong',
      decided: { amnestyDate: '2024-10-01' },
    });
  });

  it('is one per stream: another province’s proposal or decision is refused', () => {
    given(run([], proposal('tp-hai-phong')))
      .when(decision('tp-ha-noi'))
      .thenRefuses(ROUND_RULES.otherProvince);
    given(decided).when(proposal('tp-ha-noi')).thenRefuses(ROUND_RULES.otherProvince);
  });
});

describe('round refusals', () => {
  it('take records only from the amnesty bodies, one decision, known lists, and minutes only after appraisal', () => {
    given()
      .when(C('RecordRoundAnnouncement', { announcedOn: '2024-07-31' }, 'commune-police'))
      .thenRefuses(ROUND_RULES.recorder);
    given(decided)
      .when(
        C('RecordRoundDecision', {
          roundId: ROUND,
          province: 'tp-hai-phong',
          decision: { number: 'x', date: '2024-07-30' },
          occasion: 'x',
          amnestyDate: '2024-10-01',
          parameters: KNOWN_ROUNDS['2024']!.parameters,
        }),
      )
      .thenRefuses(ROUND_RULES.decided);
    given(decided)
      .when(
        C(
          'NotifyProcuracyOfList',
          { listId: LIST, procuracyUnit: 'vks', sentOn: '2024-08-20' },
          'facility-warden',
        ),
      )
      .thenRefuses(ROUND_RULES.unknownList);
    given(decided)
      .when(
        C('RecordAppraisalMinutes', {
          teamId: ROUND,
          eligible: [],
          ineligible: [],
          minutes: { number: '1', date: '2024-09-05' },
        }),
      )
      .thenRefuses(ROUND_RULES.notAppraised);
  });
});
