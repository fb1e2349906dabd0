import { withCalendar, type WithCalendar } from '../calendar/calendarContext.js';
import { CORRECTION_COMMANDS, type CorrectionCommand } from '../correction/commands.js';
import { SUBJECT_REQUEST_COMMANDS, type SubjectRequestCommand } from '../subjectRequest/commands.js';
import {
  decideSubjectRequest,
  evolveSubjectRequest,
  initialSubjectRequestState,
  type SubjectRequestState,
} from '../subjectRequest/decide.js';
import type { SubjectRequestEvent } from '../subjectRequest/events.js';
import { decideCorrection, type CorrectionContext } from '../correction/decide.js';
import type { CorrectableKind, CorrectionEvent } from '../correction/events.js';
import { evolveCorrection, initialCorrectionState, type CorrectionState } from '../correction/state.js';
import { personalPathsOf } from '../shared/personalPaths.js';
import { eventDefinition } from './registry.js';
import { CALENDAR_COMMANDS, type CalendarCommand } from '../calendar/commands.js';
import { decideCalendar } from '../calendar/decide.js';
import type { CalendarEvent } from '../calendar/events.js';
import { evolveCalendar, initialCalendarState, type CalendarState } from '../calendar/state.js';
import { NATION } from '../access/holders.js';
import { withDeadlineLedger } from '../calendar/withDeadlineLedger.js';
import { DOSSIER_COMMANDS, type DossierCommand } from '../dossier/commands.js';
import type { DossierEvent } from '../dossier/events.js';
import type { OrgUnitEvent } from '../orgUnits/events.js';
import type { OversightEvent } from '../oversight/events.js';
import type { PlanEvent } from '../plan/events.js';
import type { CaseEvent } from '../reintegration/events.js';
import type { ReportEvent } from '../report/events.js';
import type { RoundEvent } from '../round/events.js';
import type { TaskEvent } from '../task/events.js';
import { decideDossier } from '../dossier/decideDossier.js';
import { dossierContext, type DossierContext } from '../dossier/context.js';
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
import { planContext, type PlanContext } from '../plan/context.js';
import { CASE_COMMANDS, type CaseCommand } from '../reintegration/caseCommands.js';
import { caseContext, decideCaseInContext } from '../reintegration/caseContext.js';
import {
  BREACH_COMMANDS,
  decideBreach,
  evolveBreach,
  initialBreachState,
  type BreachCommand,
  type BreachState,
} from '../breach/breach.js';
import type { BreachEvent } from '../breach/events.js';
import type { CaseContext } from '../reintegration/caseContext.js';
import {
  LOAN_LIST_COMMANDS,
  decideLoanList,
  evolveLoanList,
  initialLoanListState,
  type LoanListCommand,
  type LoanListEvent,
  type LoanListState,
} from '../reintegration/loanList.js';
import {
  VBSP_RATE_COMMANDS,
  decideVbspRates,
  evolveVbspRates,
  initialVbspRatesState,
  type VbspRateCommand,
  type VbspRateEvent,
  type VbspRatesState,
} from '../reintegration/vbspRates.js';
import {
  ESTABLISHMENT_LOAN_COMMANDS,
  decideEstablishmentLoan,
  establishmentLoanContext,
  evolveEstablishmentLoan,
  initialEstablishmentLoanState,
  type EstablishmentLoanCommand,
  type EstablishmentLoanContext,
  type EstablishmentLoanEvent,
  type EstablishmentLoanState,
} from '../reintegration/loanEstablishment.js';
import { evolveCase } from '../reintegration/evolve.js';
import { initialCaseState, type CaseState } from '../reintegration/state.js';
import {
  REPORT_COMMANDS,
  decideReport,
  evolveReport,
  initialReportState,
  type ReportCommand,
  type ReportContext,
  type ReportState,
} from '../report/report.js';
import { ROUND_COMMANDS, type RoundCommand } from '../round/commands.js';
import { decideRound, evolveRound, initialRoundState, type RoundState } from '../round/round.js';
import type { Command } from '../shared/command.js';
import type { DomainEvent } from '../shared/defineEvent.js';
import { held, type Holders } from '../access/holders.js';
import type { Aggregate } from './aggregate.js';
import { bootstrapsRegistry, touchedUnits } from '../orgUnits/touchedUnits.js';
import {
  TASK_COMMANDS,
  decideTask,
  evolveTask,
  initialTaskState,
  type TaskCommand,
  type TaskContext,
  type TaskState,
} from '../task/task.js';
import { taskContext } from '../task/context.js';

/** Every aggregate's state, by kind: what a decider's context loader hands back. */
export interface AggregateStates {
  case: CaseState;
  plan: PlanState;
  task: TaskState;
  report: ReportState;
  oversight: OversightState;
  round: RoundState;
  dossier: DossierState;
  'org-units': OrgUnitsState;
  calendar: CalendarState;
  correction: CorrectionState;
  'subject-request': SubjectRequestState;
  'loan-list': LoanListState;
  'vbsp-rates': VbspRatesState;
  'establishment-loan': EstablishmentLoanState;
  breach: BreachState;
}

/** An aggregate whose decider may load the other aggregates' states as context. */
export type DomainAggregate<C extends Command, E extends DomainEvent, S, X = undefined> = Aggregate<
  C,
  E,
  S,
  X,
  AggregateStates
>;

const define = <C extends Command, E extends DomainEvent, S, X = undefined>(
  aggregate: DomainAggregate<C, E, S, X>,
): DomainAggregate<C, E, S, X> => aggregate;

const caseHolders = (state: CaseState): Holders => {
  if (state.status === 'none') return [];
  const village = state.residence.address?.village;
  return [
    held('commune', state.communeCode),
    ...(village ? [held('village', state.communeCode, village)] : []),
    ...(state.status === 'supervised' ? [held('supervisor', state.supervisor.ref)] : []),
    ...(state.status === 'transferredOut' ? [held('destination', state.toCommune)] : []),
  ];
};

/**
 * Corrections (four eyes): a proposal names an event of another record and the new values; a second
 * person of a role the policy lets write that record approves it. The original is never changed:
 * history and timelines read it corrected from the approval on (docs/domain.md, "Đính chính").
 */
export const CORRECTIONS: DomainAggregate<
  CorrectionCommand,
  CorrectionEvent,
  CorrectionState,
  CorrectionContext
> = define<CorrectionCommand, CorrectionEvent, CorrectionState, CorrectionContext>({
  kind: 'correction',
  label: { vi: 'Đính chính', en: 'Correction' },
  idField: 'correctionId',
  commands: CORRECTION_COMMANDS,
  initial: initialCorrectionState,
  async context(command, _state, loader): Promise<CorrectionContext> {
    if (command.type !== 'ProposeCorrection') return { target: null };
    const { kind, id, revision } = command.data.target;
    const record = await loader.load(kind, id);
    const event = (await loader.eventAt?.(kind, id, revision)) ?? null;
    const definition = event ? eventDefinition(event.type) : undefined;
    return {
      target: {
        event,
        holders: holdersOf(kind, record.state),
        personalPaths: definition ? personalPathsOf(definition.schema) : [],
        // Only an event of its current shape is corrected (an older one would be upcast first).
        validates: (data) =>
          !!definition && event?.version === definition.version && definition.schema.safeParse(data).success,
      },
    };
  },
  decide: decideCorrection,
  evolve: evolveCorrection,
  subject: () => undefined,
  holders: (state) => (state.status === 'none' ? [] : state.holders),
  recordKind: (state) => (state.status === 'none' ? null : state.target.kind),
});

/** Every aggregate a service runs commands on, by kind; the stream of `id` is `${kind}-${id}`. */
export const AGGREGATES = {
  case: withDeadlineLedger(
    define<CaseCommand, CaseEvent, CaseState, CaseContext & WithCalendar>({
      kind: 'case',
      label: { vi: 'Hồ sơ tái hòa nhập', en: 'Reintegration case' },
      idField: 'caseId',
      commands: CASE_COMMANDS,
      initial: initialCaseState,
      context: async (command, state, loader) =>
        withCalendar(command, loader, await caseContext(command, loader)),
      decide: (command, state, context) => decideCaseInContext(command, state, context, context.calendar),
      evolve: evolveCase,
      subject: (command, state) =>
        state.status === 'none'
          ? (command.data as { person?: { personId: string } }).person?.personId
          : state.personId,
      holders: caseHolders,
    }),
    'case',
  ),
  plan: define<PlanCommand, PlanEvent, PlanState, PlanContext>({
    kind: 'plan',
    label: { vi: 'Kế hoạch', en: 'Plan' },
    idField: 'planId',
    commands: [IssuePlan, ProposeCommendation, GrantCommendation],
    initial: initialPlanState,
    // A plan naming its parent reads the parent's stream and the unit tree (NĐ49 20(2)).
    context: (command, state, loader) => planContext(command, loader),
    decide: (command, state, context) => decidePlan(command, state, context),
    evolve: evolvePlan,
    subject: () => undefined,
    holders: (state) =>
      state.status === 'none' ? [] : [held('issuer', state.issuerUnit), held('channel', state.reportChannel)],
  }),
  task: define<TaskCommand, TaskEvent, TaskState, TaskContext>({
    kind: 'task',
    label: { vi: 'Nhiệm vụ', en: 'Task' },
    idField: 'taskId',
    commands: TASK_COMMANDS,
    initial: initialTaskState,
    context: (command, state, loader) => taskContext(command, loader),
    decide: (command, state, context) => decideTask(command, state, context),
    evolve: evolveTask,
    subject: () => undefined,
    holders: (state) =>
      state.status === 'none'
        ? []
        : [
            held('issuer', state.issuerUnit),
            held('lead', state.leadUnit),
            ...state.coordinatingUnits.map((unit) => held('coordinator', unit)),
          ],
  }),
  report: define<ReportCommand, ReportEvent, ReportState, ReportContext>({
    kind: 'report',
    label: { vi: 'Báo cáo', en: 'Report' },
    idField: 'reportId',
    commands: REPORT_COMMANDS,
    initial: initialReportState,
    // A request is checked against the unit tree: the schedule's units, and "above" for one opened unasked.
    context: async (command, state, loader) =>
      command.type === 'RequestReport'
        ? { tree: (await loader.load('org-units', 'registry')).state }
        : { tree: {} },
    decide: (command, state, context) => decideReport(command, state, context),
    evolve: evolveReport,
    subject: () => undefined,
    holders: (state) =>
      state.status === 'none'
        ? []
        : [
            held('reporter', state.reportingUnit),
            held('recipient', state.recipientUnit),
            ...(state.channelUnit ? [held('channel', state.channelUnit)] : []),
          ],
  }),
  oversight: withDeadlineLedger(
    define<OversightCommand, OversightEvent, OversightState, WithCalendar>({
      kind: 'oversight',
      label: { vi: 'Giám sát, kiến nghị', en: 'Oversight matter' },
      idField: 'matterId',
      commands: OVERSIGHT_COMMANDS,
      initial: initialOversightState,
      context: (command, state, loader) => withCalendar(command, loader, {}),
      decide: (command, state, context) => decideOversight(command, state, context.calendar),
      evolve: evolveOversight,
      subject: () => undefined,
      holders: (state) =>
        state.status === 'none'
          ? []
          : [
              held('body', state.bodyUnit),
              ...Object.values(state.recommendations).map((r) => held('addressee', r.addresseeUnit)),
            ],
    }),
    'oversight',
  ),
  round: withDeadlineLedger(
    define<RoundCommand, RoundEvent, RoundState, WithCalendar>({
      kind: 'round',
      label: { vi: 'Đợt đặc xá', en: 'Amnesty round' },
      idField: 'roundId',
      commands: ROUND_COMMANDS,
      initial: initialRoundState,
      context: (command, state, loader) => withCalendar(command, loader, {}),
      decide: (command, state, context) => decideRound(command, state, context.calendar),
      evolve: evolveRound,
      subject: () => undefined,
      holders: (state) => (state.province === null ? [] : [held('province', state.province)]),
    }),
    'round',
  ),
  dossier: withDeadlineLedger(
    define<DossierCommand, DossierEvent, DossierState, DossierContext & WithCalendar>({
      kind: 'dossier',
      label: { vi: 'Hồ sơ đề nghị đặc xá', en: 'Amnesty dossier' },
      idField: 'dossierId',
      commands: DOSSIER_COMMANDS,
      initial: initialDossierState,
      context: async (command, state, loader) =>
        withCalendar(command, loader, await dossierContext(command, state, loader)),
      decide: (command, state, context) => decideDossier(command, state, context, context.calendar),
      evolve: evolveDossier,
      subject: (command, state) =>
        state.status === 'none'
          ? (command.data as { person?: { personId: string } }).person?.personId
          : state.person.personId,
      holders: (state) => (state.status === 'none' ? [] : [held('facility', state.facilityId)]),
    }),
    'dossier',
  ),
  'org-units': define<OrgUnitCommand, OrgUnitEvent, OrgUnitsState>({
    kind: 'org-units',
    label: { vi: 'Cây đơn vị hành chính', en: 'Organisation units' },
    idField: null,
    commands: ORG_UNIT_COMMANDS,
    initial: initialOrgUnitsState,
    decide: (command, state) => decideOrgUnits(command, state),
    evolve: evolveOrgUnits,
    subject: () => undefined,
    // The tree is public; a change is checked against the units it touches.
    holders: () => [],
    touches: touchedUnits,
    founds: bootstrapsRegistry,
  }),
  // The commune police's monthly Mẫu 01 list of who may borrow (QĐ22 3(2)(a), 14(2)(c)): ids, no personal values.
  'loan-list': define<LoanListCommand, LoanListEvent, LoanListState>({
    kind: 'loan-list',
    label: { vi: 'Danh sách đủ điều kiện vay vốn (Mẫu 01)', en: 'Loan eligibility list (Mẫu 01)' },
    idField: 'listId',
    commands: LOAN_LIST_COMMANDS,
    initial: initialLoanListState,
    decide: (command, state) => decideLoanList(command, state),
    evolve: evolveLoanList,
    subject: () => undefined,
    holders: (state) => (state.status === 'none' ? [] : [held('commune', state.communeCode)]),
  }),
  // VBSP's lending rates in force, one stream for the country (QĐ22 9).
  'vbsp-rates': define<VbspRateCommand, VbspRateEvent, VbspRatesState>({
    kind: 'vbsp-rates',
    label: { vi: 'Lãi suất cho vay của NHCSXH', en: 'VBSP lending rates' },
    idField: null,
    commands: VBSP_RATE_COMMANDS,
    initial: initialVbspRatesState,
    decide: (command, state) => decideVbspRates(command, state),
    evolve: evolveVbspRates,
    subject: () => undefined,
    holders: () => [held('nation', NATION)],
  }),
  // A business establishment's loan for employing released persons (QĐ22 3(2)(b), 6, 8, 10).
  'establishment-loan': define<
    EstablishmentLoanCommand,
    EstablishmentLoanEvent,
    EstablishmentLoanState,
    EstablishmentLoanContext
  >({
    kind: 'establishment-loan',
    label: { vi: 'Khoản vay của cơ sở sản xuất, kinh doanh (QĐ 22)', en: 'Establishment loan' },
    idField: 'loanId',
    commands: ESTABLISHMENT_LOAN_COMMANDS,
    initial: initialEstablishmentLoanState,
    context: (command, _state, loader) => establishmentLoanContext(command, loader),
    decide: decideEstablishmentLoan,
    evolve: evolveEstablishmentLoan,
    subject: () => undefined,
    holders: (state) => (state.status === 'none' ? [] : [held('commune', state.communeCode)]),
  }),
  // A personal-data breach and its 72-hour notice to the Ministry of Public Security (Law 91/2025).
  breach: define<BreachCommand, BreachEvent, BreachState>({
    kind: 'breach',
    label: { vi: 'Vi phạm dữ liệu cá nhân', en: 'Personal-data breach' },
    idField: 'breachId',
    commands: BREACH_COMMANDS,
    initial: initialBreachState,
    decide: (command, state) => decideBreach(command, state),
    evolve: evolveBreach,
    subject: () => undefined,
    holders: (state) => (state.status === 'none' ? [] : [held('unit', state.controllerUnit)]),
  }),
  calendar: define<CalendarCommand, CalendarEvent, CalendarState>({
    kind: 'calendar',
    label: { vi: 'Lịch nghỉ lễ, Tết', en: 'Holiday calendar' },
    idField: null,
    commands: CALENDAR_COMMANDS,
    initial: initialCalendarState,
    decide: (command) => decideCalendar(command),
    evolve: evolveCalendar,
    subject: () => undefined,
    // The whole country's: only a national unit stands over it (docs/access-policy.md).
    holders: () => [held('nation', NATION)],
  }),
  correction: CORRECTIONS,
  'subject-request': withDeadlineLedger(
    define<SubjectRequestCommand, SubjectRequestEvent, SubjectRequestState, WithCalendar>({
      kind: 'subject-request',
      label: { vi: 'Yêu cầu của chủ thể dữ liệu', en: 'Data-subject request' },
      idField: 'requestId',
      commands: SUBJECT_REQUEST_COMMANDS,
      initial: initialSubjectRequestState,
      context: (command, state, loader) => withCalendar(command, loader, {}),
      decide: (command, state, context) => decideSubjectRequest(command, state, context.calendar),
      evolve: evolveSubjectRequest,
      // The request carries no personal value: the person is named by id only.
      subject: () => undefined,
      holders: (state) => (state.status === 'none' ? [] : [held('commune', state.communeCode)]),
    }),
    'subject-request',
  ),
} as const;

/** The holders of a record of a correctable kind, as its own aggregate declares them. */
function holdersOf(kind: CorrectableKind, state: unknown): Holders {
  // The state was loaded as that kind's: each aggregate's holders read its own state.
  const aggregate = AGGREGATES[kind] as unknown as { holders(state: unknown): Holders };
  return aggregate.holders(state);
}

/** Every kind the registry holds; its stream is `${kind}-${id}` (the calendar's is `calendar-vn`). */
export type RegisteredKind = keyof typeof AGGREGATES;
/** The kinds services route commands to (`forEachAggregate`): every registered aggregate. */
export type AggregateKind = RegisteredKind;

/** A visitor over every aggregate, each with its own types (no casts between registry and deciders). */
export interface AggregateVisitor {
  visit<C extends Command, E extends DomainEvent, S, X>(
    kind: AggregateKind,
    aggregate: DomainAggregate<C, E, S, X>,
  ): void;
}

/** Calls `visitor` once per aggregate kind. */
export function forEachAggregate(visitor: AggregateVisitor): void {
  visitor.visit('case', AGGREGATES.case);
  visitor.visit('plan', AGGREGATES.plan);
  visitor.visit('task', AGGREGATES.task);
  visitor.visit('report', AGGREGATES.report);
  visitor.visit('oversight', AGGREGATES.oversight);
  visitor.visit('round', AGGREGATES.round);
  visitor.visit('dossier', AGGREGATES.dossier);
  visitor.visit('org-units', AGGREGATES['org-units']);
  visitor.visit('calendar', AGGREGATES.calendar);
  visitor.visit('loan-list', AGGREGATES['loan-list']);
  visitor.visit('vbsp-rates', AGGREGATES['vbsp-rates']);
  visitor.visit('establishment-loan', AGGREGATES['establishment-loan']);
  visitor.visit('breach', AGGREGATES.breach);
  visitor.visit('correction', AGGREGATES.correction);
  visitor.visit('subject-request', AGGREGATES['subject-request']);
}
