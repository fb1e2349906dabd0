import { validateEvent } from '../catalogue/registry.js';
import type { DossierCommand } from '../dossier/commands.js';
import { decideDossier } from '../dossier/decideDossier.js';
import { evolveDossier, initialDossierState, type DossierState } from '../dossier/dossier.js';
import type { RoundCommand } from '../round/commands.js';
import { decideRound, evolveRound, initialRoundState, type RoundState } from '../round/round.js';
import {
  decideOversight,
  evolveOversight,
  initialOversightState,
  type OversightCommand,
  type OversightState,
} from '../oversight/oversight.js';
import { decidePlan, evolvePlan, initialPlanState, type PlanCommand, type PlanState } from '../plan/plan.js';
import type { CaseCommand } from '../reintegration/caseCommands.js';
import { decideCase } from '../reintegration/decide.js';
import { evolveCase } from '../reintegration/evolve.js';
import { initialCaseState, type CaseState } from '../reintegration/state.js';
import {
  decideReport,
  evolveReport,
  initialReportState,
  type ReportCommand,
  type ReportState,
} from '../report/report.js';
import type { DomainEvent } from '../shared/defineEvent.js';
import { decideTask, evolveTask, initialTaskState, type TaskCommand, type TaskState } from '../task/task.js';

interface Aggregate<C, S> {
  decide(command: C, state: S): DomainEvent[];
  evolve(state: S, event: DomainEvent): S;
  initial: S;
}

interface Kinds {
  case: Aggregate<CaseCommand, CaseState>;
  plan: Aggregate<PlanCommand, PlanState>;
  task: Aggregate<TaskCommand, TaskState>;
  report: Aggregate<ReportCommand, ReportState>;
  oversight: Aggregate<OversightCommand, OversightState>;
  round: Aggregate<RoundCommand, RoundState>;
  dossier: Aggregate<DossierCommand, DossierState>;
}
type Kind = keyof Kinds;
type CommandOfKind<K extends Kind> = Parameters<Kinds[K]['decide']>[0];
type StateOfKind<K extends Kind> = Kinds[K]['initial'];

// Each evolve takes only its own aggregate's events; a scenario stream holds only those.
const AGGREGATES = {
  case: {
    decide: (c: CaseCommand, s: CaseState) => decideCase(c, s),
    evolve: evolveCase,
    initial: initialCaseState,
  },
  plan: { decide: decidePlan, evolve: evolvePlan, initial: initialPlanState },
  task: { decide: decideTask, evolve: evolveTask, initial: initialTaskState },
  report: { decide: decideReport, evolve: evolveReport, initial: initialReportState },
  oversight: {
    decide: (c: OversightCommand, s: OversightState) => decideOversight(c, s),
    evolve: evolveOversight,
    initial: initialOversightState,
  },
  round: {
    decide: (c: RoundCommand, s: RoundState) => decideRound(c, s),
    evolve: evolveRound,
    initial: initialRoundState,
  },
  dossier: {
    decide: (c: DossierCommand, s: DossierState) => decideDossier(c, s),
    evolve: evolveDossier,
    initial: initialDossierState,
  },
} as unknown as Kinds;

/**
 * An in-memory log of many streams, each folded with its aggregate's evolve, for scenarios that
 * cross aggregates. Every event a decider returns is read back through its published schema, as
 * a store would, so a decider that emits malformed data fails the scenario.
 */
export function scenarioLog() {
  const streams = new Map<string, DomainEvent[]>();
  function state<K extends Kind>(kind: K, id: string): StateOfKind<K> {
    const aggregate = AGGREGATES[kind] as Aggregate<CommandOfKind<K>, StateOfKind<K>>;
    return (streams.get(`${kind}-${id}`) ?? []).reduce((s, e) => aggregate.evolve(s, e), aggregate.initial);
  }
  return {
    state,
    run<K extends Kind>(kind: K, id: string, command: CommandOfKind<K>): DomainEvent[] {
      const aggregate = AGGREGATES[kind] as Aggregate<CommandOfKind<K>, StateOfKind<K>>;
      const events = aggregate.decide(command, state(kind, id));
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
