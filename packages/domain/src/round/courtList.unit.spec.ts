import { describe, expect, it } from 'vitest';
import { foldDeadlineLedger, type DeadlineLedger } from '../calendar/deadlineLedger.js';
import type { Role } from '../shared/roles.js';
import type { RoundCommand } from './commands.js';
import type { RoundEvent } from './events.js';
import { KNOWN_ROUNDS } from './knownRounds.js';
import { commandFrom, givenRound } from './testing.js';
import { ROUND_RULES, decideRound, evolveRound, initialRoundState } from './round.js';

const given = givenRound;
const C = commandFrom('toa-an-tinh');
const ROUND = '0192f5c4-0000-7000-8000-0000000002a0';
const LIST = '0192f5c4-0000-7000-8000-0000000002a1';
const COURT = 'toa-an-tinh';
const run = (events: RoundEvent[], ...commands: RoundCommand[]): RoundEvent[] =>
  commands.reduce<RoundEvent[]>(
    (all, c) => [...all, ...decideRound(c, all.reduce(evolveRound, initialRoundState))],
    events,
  );
const announced = run(
  [],
  C('RecordRoundDecision', {
    roundId: ROUND,
    province: 'tp-hai-phong',
    decision: { number: '758/2024/QĐ-CTN', date: '2024-07-30' },
    occasion: 'Quốc khánh 2024',
    amnestyDate: '2024-10-01',
    parameters: KNOWN_ROUNDS['2024']!.parameters,
  }),
  C('RecordRoundAnnouncement', { announcedOn: '2024-07-31' }),
);
const notify = (postedOn: string) =>
  C('PostRoundDecisionAtFacility', { facilityId: COURT, postedOn }, 'court');
const compile = (facilityId: string, role: Role) =>
  C(
    'CompileProposalList',
    { listId: LIST, facilityId, kind: 'ELIGIBLE', dossierIds: [], compiledOn: '2024-08-14' },
    role,
  );

describe('the provincial court’s list of suspended persons (LĐX 15(3))', () => {
  it('is due 15 days after the announcement, however late the court notifies them, and its list meets it', () => {
    const notified = given(announced)
      .when(notify('2024-08-09'))
      .then((e) =>
        expect(e[0]).toMatchObject({
          type: 'RoundDecisionNotifiedToSuspended',
          data: {
            facilityId: COURT,
            notifiedOn: '2024-08-09',
            announcedOn: '2024-07-31',
            listsDueBy: '2024-08-15',
            deadlines: [{ rule: 'round.court-list', from: '2024-07-31' }],
          },
        }),
      );
    const ledger = (events: RoundEvent[]): DeadlineLedger =>
      events.reduce<DeadlineLedger>((l, e) => foldDeadlineLedger(l, e), {});
    expect(ledger([...announced, ...notified])).toEqual({ [`round.court-list/${COURT}`]: 'open' });
    const listed = run([...announced, ...notified], compile(COURT, 'court'));
    expect(ledger(listed)).toEqual({ [`round.court-list/${COURT}`]: 'met' });
  });

  it('is compiled by the court only for the people it notified, and a facility’s only by the facility', () => {
    given(announced).when(compile(COURT, 'court')).thenRefuses(ROUND_RULES.courtListsSuspendedOnly);
    const both = run(
      announced,
      notify('2024-08-02'),
      C(
        'PostRoundDecisionAtFacility',
        { facilityId: 'trai-giam-x', postedOn: '2024-08-09' },
        'facility-warden',
      ),
    );
    // A court lists no prisoners; a warden lists nobody under the court's suspension.
    given(both).when(compile('trai-giam-x', 'court')).thenRefuses(ROUND_RULES.courtListsSuspendedOnly);
    given(both).when(compile(COURT, 'facility-warden')).thenRefuses(ROUND_RULES.notPosted);
    given(both)
      .when(compile(COURT, 'court'))
      .then((e) => expect(e[0]?.type).toBe('ProposalListCompiled'));
  });

  it('is notified by the court alone, for itself, and only after the announcement', () => {
    given(announced.slice(0, 1)).when(notify('2024-08-02')).thenRefuses(ROUND_RULES.notAnnounced);
    given(announced)
      .when(C('PostRoundDecisionAtFacility', { facilityId: 'trai-giam-x', postedOn: '2024-08-02' }, 'court'))
      .thenRefuses(ROUND_RULES.courtOwnUnit);
    given(announced)
      .when(
        C(
          'RecordRoundGuidance',
          { guidance: { number: '88/HD-HĐTVĐX', date: '2024-08-02' }, milestones: [] },
          'court',
        ),
      )
      .thenRefuses(ROUND_RULES.recorder);
  });
});
