import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { RoundCommand } from './commands.js';
import type { RoundEvent } from './events.js';
import { decideRound, evolveRound, initialRoundState, type RoundState } from './round.js';

/** Given/when/then over the round's decider. */
export const givenRound = givenWhenThen<RoundCommand, RoundEvent, RoundState>({
  decide: (c, s) => decideRound(c, s),
  evolve: evolveRound,
  initialState: initialRoundState,
});

/** A round command sent from `unit` on 01/08/2024 (09:00 in Hanoi), by the sub-committee unless said. */
export const commandFrom =
  (unit: string) =>
  (type: RoundCommand['type'], data: unknown, role: Role = 'amnesty-subcommittee'): RoundCommand =>
    ({ type, data, meta: { actor: 'u-1', role, unit, now: '2024-08-01T02:00:00Z' } }) as RoundCommand;
