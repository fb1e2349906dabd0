import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { CaseCommand } from './caseCommands.js';
import { decideCase } from './decide.js';
import type { CaseEvent } from './events.js';
import { evolveCase } from './evolve.js';
import { initialCaseState, type CaseState } from './state.js';

// Invented people and places only: no real person appears in tests or demo data.
export const COMMUNE = 'xa-an-khanh';
export const CASE_ID = '0192f5c4-0000-7000-8000-000000000001';
export const PERSON = {
  personId: '0192f5c4-0000-7000-8000-0000000000aa',
  fullName: 'Người Giả Định Một',
  birthDate: '1990-01-01',
};
export const SUPERVISOR = {
  kind: 'PERSON',
  ref: 'u-truong-thon-3',
  name: 'Trưởng thôn 3 (giả định)',
} as const;

/** Command metadata for a role acting for a unit (the test commune by default). */
export function as(role: Role, unit: string = COMMUNE, actor = `u-${role}`): CommandMeta {
  return { actor, role, unit, now: '2025-09-05T02:00:00Z' };
}

/** A typed command, so tests read as the domain speaks. */
export function command<T extends CaseCommand['type']>(
  type: T,
  data: Extract<CaseCommand, { type: T }>['data'],
  meta: CommandMeta,
): CaseCommand {
  return { type, data, meta } as CaseCommand;
}

export const given = givenWhenThen<CaseCommand, CaseEvent, CaseState>({
  decide: (c, s) => decideCase(c, s),
  evolve: evolveCase,
  initialState: initialCaseState,
});

const doc = (number: string, date: string, form?: string) => ({ number, date, ...(form ? { form } : {}) });

/** A case's history up to each stage, built through the decider itself so fixtures stay valid. */
export function historyUpTo(stage: 'expected' | 'received' | 'proposed' | 'supervised'): CaseEvent[] {
  const events: CaseEvent[] = [];
  const run = (c: CaseCommand): void => {
    events.push(...decideCase(c, events.reduce(evolveCase, initialCaseState)));
  };
  run(
    command(
      'ReceiveReleaseNotice',
      {
        caseId: CASE_ID,
        person: PERSON,
        source: 'AMNESTY',
        communeCode: COMMUNE,
        releaseDate: '2025-09-01',
        reportBy: '2025-09-10',
        receivedOn: '2025-08-29',
        notice: doc('215/TB-TG', '2025-08-29'),
      },
      as('commune-police'),
    ),
  );
  if (stage === 'expected') return events;
  run(
    command(
      'ReceivePerson',
      {
        reportedOn: '2025-09-03',
        certificate: doc('1693-0042/GCN', '2025-09-01'),
        reportBy: '2025-09-10',
        minutes: doc('01/BB-CA', '2025-09-03', 'HCD-05'),
        commitmentSigned: true,
      },
      as('commune-police'),
    ),
  );
  if (stage === 'received') return events;
  run(
    command(
      'ProposeSupervisor',
      { supervisor: SUPERVISOR, proposedOn: '2025-09-04', proposal: doc('02/BC-CA', '2025-09-04', 'HCD-06') },
      as('commune-police'),
    ),
  );
  run(
    command(
      'GiveFrontSupervisorOpinion',
      {
        supervisor: SUPERVISOR,
        agrees: true,
        givenOn: '2025-09-04',
        document: doc('05/MTTQ', '2025-09-04'),
      },
      as('fatherland-front', `${COMMUNE}/mat-tran`),
    ),
  );
  if (stage === 'proposed') return events;
  run(
    command(
      'AssignSupervisor',
      {
        supervisor: SUPERVISOR,
        decision: doc('15/QĐ-UBND', '2025-09-05', 'HCD-07'),
        decidedOn: '2025-09-05',
      },
      as('commune-chair'),
    ),
  );
  return events;
}

export { doc };
