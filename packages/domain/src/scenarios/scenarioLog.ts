import type { ContextLoader } from '../catalogue/aggregate.js';
import { AGGREGATES as RUNNABLE, type AggregateStates } from '../catalogue/aggregates.js';
import { validateEvent } from '../catalogue/registry.js';
import type { DossierCommand } from '../dossier/commands.js';
import type { DossierState } from '../dossier/dossier.js';
import type { OversightCommand, OversightState } from '../oversight/oversight.js';
import type { PlanCommand, PlanState } from '../plan/plan.js';
import type { CaseCommand } from '../reintegration/caseCommands.js';
import type { LoanListCommand, LoanListState } from '../reintegration/loanList.js';
import type { CaseState } from '../reintegration/state.js';
import type { VbspRateCommand, VbspRatesState } from '../reintegration/vbspRates.js';
import type { ReportCommand, ReportState } from '../report/report.js';
import type { RoundCommand } from '../round/commands.js';
import type { RoundState } from '../round/round.js';
import type { DomainEvent } from '../shared/defineEvent.js';
import type { TaskCommand, TaskState } from '../task/task.js';
import { logLoader } from './logLoader.js';

interface Aggregate<C, S> {
  context?(command: C, state: S, loader: ContextLoader<AggregateStates>): Promise<unknown>;
  decide(command: C, state: S, context: unknown): DomainEvent[];
  evolve(state: S, event: DomainEvent): S;
  initial: S;
}

export interface Kinds {
  case: Aggregate<CaseCommand, CaseState>;
  plan: Aggregate<PlanCommand, PlanState>;
  task: Aggregate<TaskCommand, TaskState>;
  report: Aggregate<ReportCommand, ReportState>;
  oversight: Aggregate<OversightCommand, OversightState>;
  round: Aggregate<RoundCommand, RoundState>;
  dossier: Aggregate<DossierCommand, DossierState>;
  'loan-list': Aggregate<LoanListCommand, LoanListState>;
  'vbsp-rates': Aggregate<VbspRateCommand, VbspRatesState>;
}
export type Kind = keyof Kinds;
export type CommandOfKind<K extends Kind> = Parameters<Kinds[K]['decide']>[0];
export type StateOfKind<K extends Kind> = Kinds[K]['initial'];

// The service registry, typed per kind for scenarios.
const AGGREGATES = RUNNABLE as unknown as Kinds;

/**
 * An in-memory log of many streams, each folded with its aggregate's evolve, for scenarios that
 * cross aggregates. A command is decided as the handler decides it: its context is loaded from
 * this log, never taken from the command. Every event a decider returns is read back through its
 * published schema, as a store would, so a decider that emits malformed data fails the scenario.
 */
export function scenarioLog() {
  const streams = new Map<string, DomainEvent[]>();
  const loader = logLoader(streams);
  function state<K extends Kind>(kind: K, id: string): StateOfKind<K> {
    const aggregate = AGGREGATES[kind] as Aggregate<CommandOfKind<K>, StateOfKind<K>>;
    return (streams.get(`${kind}-${id}`) ?? []).reduce((s, e) => aggregate.evolve(s, e), aggregate.initial);
  }
  return {
    state,
    async run<K extends Kind>(kind: K, id: string, command: CommandOfKind<K>): Promise<DomainEvent[]> {
      const aggregate = AGGREGATES[kind] as Aggregate<CommandOfKind<K>, StateOfKind<K>>;
      const current = state(kind, id);
      const context = aggregate.context ? await aggregate.context(command, current, loader) : undefined;
      const events = aggregate.decide(command, current, context);
      events.forEach(validateEvent);
      streams.set(`${kind}-${id}`, [...(streams.get(`${kind}-${id}`) ?? []), ...events]);
      return events;
    },
    events(kind: Kind, id: string): readonly DomainEvent[] {
      return streams.get(`${kind}-${id}`) ?? [];
    },
    all(): DomainEvent[] {
      return [...streams.values()].flat();
    },
  };
}

/** Where a scenario script runs its commands: an in-memory log in tests, the store in a seed. */
export interface ScenarioRunner {
  run<K extends Kind>(kind: K, id: string, command: CommandOfKind<K>): Promise<unknown>;
  state<K extends Kind>(kind: K, id: string): Promise<StateOfKind<K>>;
}

/** A scenario log as a runner, for scripts shared by the scenario tests and the demo seed. */
export function runnerOf(log: ReturnType<typeof scenarioLog>): ScenarioRunner {
  return {
    run: async (kind, id, command) => log.run(kind, id, command),
    state: async (kind, id) => log.state(kind, id),
  };
}
