import type { DomainEvent } from '../shared/defineEvent.js';
import { authorize } from './authorize.js';
import type { CaseEvent } from './events.js';
import { activeCase } from './guards.js';
import type { CaseState } from './state.js';
import { SUPPORT_COMMANDS } from './supportCommands.js';
import type { CommandMeta } from '../shared/command.js';

const byType = new Map(SUPPORT_COMMANDS.map((definition) => [definition.type as string, definition]));

/**
 * Support measures share one rule set: the person has reported in, the case is the actor's, and the
 * actor's role is one that may record that measure.
 */
export function recordSupport(
  command: { type: string; data: unknown; meta: CommandMeta },
  state: CaseState,
): CaseEvent[] {
  const definition = byType.get(command.type);
  if (!definition) throw new TypeError(`not a support command: ${command.type}`);
  activeCase(state);
  authorize(command.meta, definition.event.emittedBy);
  const event: DomainEvent = { type: definition.event.type, data: command.data };
  return [event as CaseEvent];
}
