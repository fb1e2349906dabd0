import { AGGREGATES } from '@dacxa/domain';
import {
  handleCommand,
  type CommandDeps,
  type CommandResult,
  type IncomingCommand,
} from './handleCommand.js';

/** The aggregates the deadline sweeps mark (their markers are the `system` role's commands). */
export type MarkedKind = 'task' | 'report' | 'case' | 'dossier' | 'oversight' | 'round';

/**
 * The deadline scheduler's way to record a marker: through the one command handler, as every
 * transport records a command, so its schema, policy and idempotency apply as they do to a person's.
 */
export function markerHandler(deps: CommandDeps) {
  return (kind: MarkedKind, command: IncomingCommand): Promise<CommandResult> => {
    switch (kind) {
      case 'task':
        return handleCommand(deps, 'task', AGGREGATES.task, command);
      case 'report':
        return handleCommand(deps, 'report', AGGREGATES.report, command);
      case 'case':
        return handleCommand(deps, 'case', AGGREGATES.case, command);
      case 'dossier':
        return handleCommand(deps, 'dossier', AGGREGATES.dossier, command);
      case 'oversight':
        return handleCommand(deps, 'oversight', AGGREGATES.oversight, command);
      case 'round':
        return handleCommand(deps, 'round', AGGREGATES.round, command);
    }
  };
}
