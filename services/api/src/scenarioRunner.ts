import {
  createContextLoader,
  handleCommand,
  type CommandDeps,
  type CommandResult,
  type IncomingCommand,
} from '@dacxa/commands';
import { AGGREGATES, type AggregateKind, type Command } from '@dacxa/domain';
import type { ScenarioRunner } from '@dacxa/domain/scenarios';

type Handlers = { [K in AggregateKind]: (incoming: IncomingCommand) => Promise<CommandResult> };

/**
 * Runs the domain's scenario scripts through the command handler, as the API would: the same
 * schemas, policy and context. The demo seed records its data this way.
 */
/** A command the seed recorded: where, what and as whom (for tests that replay or vary it). */
export interface SeededCommand {
  kind: AggregateKind;
  id: string;
  command: Command;
}

export function scenarioRunner(
  deps: CommandDeps,
  onCommand: (seeded: SeededCommand) => void,
): ScenarioRunner {
  const handlers: Handlers = {
    case: (i) => handleCommand(deps, 'case', AGGREGATES.case, i),
    plan: (i) => handleCommand(deps, 'plan', AGGREGATES.plan, i),
    task: (i) => handleCommand(deps, 'task', AGGREGATES.task, i),
    report: (i) => handleCommand(deps, 'report', AGGREGATES.report, i),
    oversight: (i) => handleCommand(deps, 'oversight', AGGREGATES.oversight, i),
    round: (i) => handleCommand(deps, 'round', AGGREGATES.round, i),
    dossier: (i) => handleCommand(deps, 'dossier', AGGREGATES.dossier, i),
    'org-units': (i) => handleCommand(deps, 'org-units', AGGREGATES['org-units'], i),
    calendar: (i) => handleCommand(deps, 'calendar', AGGREGATES.calendar, i),
    correction: (i) => handleCommand(deps, 'correction', AGGREGATES.correction, i),
    'subject-request': (i) => handleCommand(deps, 'subject-request', AGGREGATES['subject-request'], i),
    'loan-list': (i) => handleCommand(deps, 'loan-list', AGGREGATES['loan-list'], i),
    'vbsp-rates': (i) => handleCommand(deps, 'vbsp-rates', AGGREGATES['vbsp-rates'], i),
    'establishment-loan': (i) =>
      handleCommand(deps, 'establishment-loan', AGGREGATES['establishment-loan'], i),
    breach: (i) => handleCommand(deps, 'breach', AGGREGATES.breach, i),
  };
  return {
    async run(kind, id, command: Command) {
      const { actor, role, unit, now } = command.meta;
      const result = await handlers[kind]({
        type: command.type,
        id,
        data: command.data,
        meta: { actor, role, unit, now },
      });
      onCommand({ kind, id, command });
      return result;
    },
    async state(kind, id) {
      return (await createContextLoader(deps.store, deps.sealer, deps.grants).load(kind, id)).state;
    },
  };
}
