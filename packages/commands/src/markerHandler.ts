import { AGGREGATES } from '@dacxa/domain';
import {
  handleCommand,
  type CommandDeps,
  type CommandResult,
  type IncomingCommand,
} from './handleCommand.js';

/** The aggregates the deadline sweeps mark (their markers are the `system` role's commands). */
export type MarkedKind = 'task' | 'report' | 'case';

/**
 * The deadline scheduler's way to record a marker: through the one command handler, as every
 * transport records a command, so its schema, policy and idempotency apply as they do to a person's.
 */
export function markerHandler(deps: CommandDeps) {
  return (kind: MarkedKind, command: IncomingCommand): Promise<CommandResult> =>
    kind === 'task'
      ? handleCommand(deps, 'task', AGGREGATES.task, command)
      : kind === 'report'
        ? handleCommand(deps, 'report', AGGREGATES.report, command)
        : handleCommand(deps, 'case', AGGREGATES.case, command);
}
