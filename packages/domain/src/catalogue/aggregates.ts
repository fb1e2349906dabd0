import { DOSSIER_COMMANDS, type DossierCommand } from '../dossier/commands.js';
import { decideDossier } from '../dossier/decideDossier.js';
import { evolveDossier, initialDossierState, type DossierState } from '../dossier/dossier.js';
import { ORG_UNIT_COMMANDS, decideOrgUnits, type OrgUnitCommand } from '../orgUnits/orgUnits.js';
import { evolveOrgUnits, initialOrgUnitsState, type OrgUnitsState } from '../orgUnits/registry.js';
import {
  OVERSIGHT_COMMANDS,
  decideOversight,
  evolveOversight,
  initialOversightState,
  type OversightCommand,
  type OversightState,
} from '../oversight/oversight.js';
import {
  GrantCommendation,
  IssuePlan,
  ProposeCommendation,
  decidePlan,
  evolvePlan,
  initialPlanState,
  type PlanCommand,
  type PlanState,
} from '../plan/plan.js';
import { CASE_COMMANDS, type CaseCommand } from '../reintegration/caseCommands.js';
import { decideCase } from '../reintegration/decide.js';
import { evolveCase } from '../reintegration/evolve.js';
import { initialCaseState, type CaseState } from '../reintegration/state.js';
import {
  REPORT_COMMANDS,
  decideReport,
  evolveReport,
  initialReportState,
  type ReportCommand,
  type ReportState,
} from '../report/report.js';
import { ROUND_COMMANDS, type RoundCommand } from '../round/commands.js';
import { decideRound, evolveRound, initialRoundState, type RoundState } from '../round/round.js';
import type { CommandDefinition } from '../shared/command.js';
import type { DomainEvent, Labels } from '../shared/defineEvent.js';
import {
  TASK_COMMANDS,
  decideTask,
  evolveTask,
  initialTaskState,
  type TaskCommand,
  type TaskState,
} from '../task/task.js';

/**
 * Who may read a stream: the units whose subtrees hold it, or `province` for a round's work, which
 * the province's amnesty bodies and oversight read whole.
 */
export type Holders = readonly string[] | 'province';

/** One kind of aggregate, as a service runs it: its stream, commands, decider and fold. */
export interface Aggregate<C = unknown, S = unknown> {
  kind: string;
  label: Labels;
  /** The field of a command's data naming the aggregate, checked against the id in the address. */
  idField: string | null;
  commands: readonly CommandDefinition[];
  initial: S;
  decide(command: C, state: S): DomainEvent[];
  evolve(state: S, event: DomainEvent): S;
  /** Whose personal data the stream's events carry (their sealing key), if anyone's. */
  subject(command: C, state: S): string | undefined;
  holders(state: S): Holders;
}

const define = <C, S>(aggregate: Aggregate<C, S>): Aggregate => aggregate;

/** Every aggregate a service runs commands on, by kind; the stream of `id` is `${kind}-${id}`. */
export const AGGREGATES = {
  case: define<CaseCommand, CaseState>({
    kind: 'case',
    label: { vi: 'Hồ sơ tái hòa nhập', en: 'Reintegration case' },
    idField: 'caseId',
    commands: CASE_COMMANDS,
    initial: initialCaseState,
    decide: (command, state) => decideCase(command, state),
    evolve: (state, event) => evolveCase(state, event as never),
    subject: (command, state) =>
      state.status === 'none'
        ? (command.data as { person?: { personId: string } }).person?.personId
        : state.personId,
    holders: (state) => (state.status === 'none' ? [] : [state.communeCode]),
  }),
  plan: define<PlanCommand, PlanState>({
    kind: 'plan',
    label: { vi: 'Kế hoạch', en: 'Plan' },
    idField: 'planId',
    commands: [IssuePlan, ProposeCommendation, GrantCommendation],
    initial: initialPlanState,
    decide: decidePlan,
    evolve: (state, event) => evolvePlan(state, event as never),
    subject: () => undefined,
    holders: (state) => (state.status === 'none' ? [] : [state.issuerUnit, state.reportChannel]),
  }),
  task: define<TaskCommand, TaskState>({
    kind: 'task',
    label: { vi: 'Nhiệm vụ', en: 'Task' },
    idField: 'taskId',
    commands: TASK_COMMANDS,
    initial: initialTaskState,
    decide: decideTask,
    evolve: (state, event) => evolveTask(state, event as never),
    subject: () => undefined,
    holders: (state) => (state.status === 'none' ? [] : [state.leadUnit, ...state.coordinatingUnits]),
  }),
  report: define<ReportCommand, ReportState>({
    kind: 'report',
    label: { vi: 'Báo cáo', en: 'Report' },
    idField: 'reportId',
    commands: REPORT_COMMANDS,
    initial: initialReportState,
    decide: decideReport,
    evolve: (state, event) => evolveReport(state, event as never),
    subject: () => undefined,
    holders: (state) =>
      state.status === 'none'
        ? []
        : [state.reportingUnit, state.recipientUnit, ...(state.channelUnit ? [state.channelUnit] : [])],
  }),
  oversight: define<OversightCommand, OversightState>({
    kind: 'oversight',
    label: { vi: 'Giám sát, kiến nghị', en: 'Oversight matter' },
    idField: 'matterId',
    commands: OVERSIGHT_COMMANDS,
    initial: initialOversightState,
    decide: (command, state) => decideOversight(command, state),
    evolve: (state, event) => evolveOversight(state, event as never),
    subject: () => undefined,
    holders: (state) => (state.status === 'none' ? [] : [state.bodyUnit]),
  }),
  round: define<RoundCommand, RoundState>({
    kind: 'round',
    label: { vi: 'Đợt đặc xá', en: 'Amnesty round' },
    idField: 'roundId',
    commands: ROUND_COMMANDS,
    initial: initialRoundState,
    decide: (command, state) => decideRound(command, state),
    evolve: (state, event) => evolveRound(state, event as never),
    subject: () => undefined,
    holders: () => 'province',
  }),
  dossier: define<DossierCommand, DossierState>({
    kind: 'dossier',
    label: { vi: 'Hồ sơ đề nghị đặc xá', en: 'Amnesty dossier' },
    idField: 'dossierId',
    commands: DOSSIER_COMMANDS,
    initial: initialDossierState,
    decide: (command, state) => decideDossier(command, state),
    evolve: (state, event) => evolveDossier(state, event as never),
    subject: (command, state) =>
      state.status === 'none'
        ? (command.data as { person?: { personId: string } }).person?.personId
        : state.person.personId,
    holders: () => 'province',
  }),
  'org-units': define<OrgUnitCommand, OrgUnitsState>({
    kind: 'org-units',
    label: { vi: 'Cây đơn vị hành chính', en: 'Organisation units' },
    idField: null,
    commands: ORG_UNIT_COMMANDS,
    initial: initialOrgUnitsState,
    decide: decideOrgUnits,
    evolve: (state, event) => evolveOrgUnits(state, event as never),
    subject: () => undefined,
    holders: () => 'province',
  }),
} as const;

export type AggregateKind = keyof typeof AGGREGATES;
