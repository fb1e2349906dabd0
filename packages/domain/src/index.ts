// Shared building blocks
/** Roles with their Vietnamese and English names; oversight roles. */
export { OVERSIGHT_ROLES, ROLES, Role } from './shared/roles.js';
/** Legal citations: the sources, a citation, and its Vietnamese form. */
export { LEGAL_SOURCES, LegalRef, cite, formatCitation, type LegalSource } from './shared/legalBasis.js';
/** The paper document an event records (số, ký hiệu, ngày). */
export { DocRef } from './shared/docRef.js';
/** Calendar dates in Vietnam and their arithmetic. */
export {
  Instant,
  LocalDate,
  addDays,
  addMonths,
  formatVietnameseDate,
  localDateAt,
} from './shared/localDate.js';
/** The 1900–2100 bounds of date arithmetic, and the typed error (`ERR_DATE_RANGE`) past them. */
export { DateRangeError, MAX_LOCAL_DATE, MIN_LOCAL_DATE } from './shared/dateRange.js';
/** Input cleaning: NFC for every string and key; control, bidi and ill-formed characters refused. */
export { cleanInput, type CleanIssue, type CleanResult } from './shared/cleanText.js';
/** Personal-data marking for the sealing layer, and the person a case is about. */
export { PersonDetails, PersonalCategory, isPersonal, personal } from './shared/personal.js';
/** Where a schema's personal fields are, and of which category. */
export { personalFieldsOf, type PersonalField } from './shared/personalPaths.js';
/** Typed refusals naming their rule and legal basis. */
export { DomainRefusal, defineRule, type Rule } from './shared/rules.js';
/** Event and command declarations. */
export {
  defineEvent,
  eventOf,
  type DomainEvent,
  type EventDefinition,
  type EventOf,
  type Labels,
} from './shared/defineEvent.js';
/** Command metadata (who, for which unit, when) and command declarations. */
export {
  CommandMeta,
  defineCommand,
  type Command,
  type CommandDefinition,
  type CommandOf,
} from './shared/command.js';
/** Deadlines in calendar or working days over the public-holiday calendar. */
export {
  DayKind,
  dueDate,
  isLate,
  type MonthsLimit,
  type PeriodLimit,
  type TimeLimit,
} from './calendar/deadlines.js';
/** Working-day arithmetic over a holiday calendar value, each result flagged provisional or not. */
export { addWorkingDays, nextWorkingDay, type CalendarDate } from './calendar/workingDays.js';
/** A holiday calendar as a value: its years, their coverage, and how a day stands. */
export {
  coverageOf,
  dayOn,
  holidayCalendar,
  isWorkingDay,
  type CalendarDay,
  type HolidayCalendar,
} from './calendar/holidayCalendar.js';
/** The typed refusal (`ERR_CALENDAR_UNCOVERED`) for a date in a year no calendar covers. */
export { CalendarUncoveredError } from './calendar/calendarUncoveredError.js';
/** Holiday data with provenance: a day's kind, basis and status; a year's document. */
export {
  CalendarDocument,
  CalendarStatus,
  HolidayEntry,
  HolidayKind,
  type CalendarCoverage,
  type CalendarYear,
} from './calendar/holidayEntry.js';
/** The years dacxa ships with (2024–2026 decided, 2027 provisional) and their edition. */
export { BUILT_IN_CALENDAR, BUILT_IN_EDITION, BUILT_IN_YEARS } from './calendar/builtInCalendar.js';
/** The holiday calendar's stream: its event, command, state and decider. */
export {
  CALENDAR_EVENTS,
  CALENDAR_ID,
  HolidayCalendarPublished,
  type CalendarEvent,
} from './calendar/events.js';
/** The command that publishes (or amends) a year of the calendar. */
export { CALENDAR_COMMANDS, type CalendarCommand } from './calendar/commands.js';
/** The calendar stream's state: every publication with the day it became known. */
export {
  evolveCalendar,
  initialCalendarState,
  type CalendarState,
  type Publication,
} from './calendar/state.js';
/** Decides a publication, refusing entries that break the calendar's invariants. */
export { CALENDAR_RULES, decideCalendar } from './calendar/decide.js';
/** The calendar as known on a date: the built-in years overlaid by the publications recorded by then. */
export { calendarAsKnownOn } from './calendar/asKnownOn.js';
/** How deciders get the calendar from the log through their context loader. */
export { NO_CALENDAR, calendarFor, withCalendar, type WithCalendar } from './calendar/calendarContext.js';
/** The deadline rules, declared once: what opens each, how it counts, what meets it, its basis. */
export {
  DEADLINE_RULES,
  deadlineRule,
  type DeadlineClosing,
  type DeadlineOpening,
  type DeadlineRule,
  type DeadlineRuleId,
} from './calendar/deadlineRules.js';
/** The facts a deadline comes from, as events record them, and the due date they give. */
export { DeadlineFact, DeadlineFacts, dueUnderRule, openDeadline } from './calendar/deadlineFact.js';
/** The deadlines an event opened: recorded facts, or those an older event's own fields give. */
export {
  deadlineFactsOf,
  nextQuarter,
  quarterEnd,
  quarterOf,
  type OpenedDeadline,
} from './calendar/deadlineFactsOf.js';
/** The missed-deadline events and the clock's command on each aggregate that holds duties. */
export {
  DEADLINE_MISSED_EVENTS,
  DEADLINE_MISSED_TYPES,
  dutiesOf,
  type DeadlineHolder,
} from './calendar/deadlineMissed.js';
/** A stream's duties (open, met, missed) as its aggregate keeps them. */
export {
  foldDeadlineLedger,
  isQuarterly,
  keyFieldOf,
  ledgerKey,
  type DeadlineLedger,
} from './calendar/deadlineLedger.js';
/** The refusals of `RecordDeadlineMissed`. */
export { DEADLINE_MISSED_RULES, type DeadlineMissedData } from './calendar/decideDeadlineMissed.js';

// Aggregates
/** Reintegration case: events, commands, state, evolve, decide and rules. */
export { CASE_EVENTS, type CaseEvent } from './reintegration/events.js';
/** Reintegration case commands. */
export { CASE_COMMANDS, type CaseCommand } from './reintegration/caseCommands.js';
/** Reintegration case state. */
export { initialCaseState, isActive, type CaseState } from './reintegration/state.js';
/** Folds a case event into its state. */
export { evolveCase } from './reintegration/evolve.js';
/** Decides what a case command records. */
export { decideCase } from './reintegration/decide.js';
/** Units nest by path: whether a unit lies within a commune (or any unit) code. */
export { withinCommune } from './reintegration/authorize.js';
/** The rules a case and its loans enforce. */
export { CASE_RULES } from './reintegration/rules.js';
/** Why a case ended and the paper each reason needs (TT10 14(1)), as people read them. */
export { CLOSURE_REASON_LABELS } from './reintegration/values.js';
export { CLOSURE_EVIDENCE_LABELS, type ClosureEvidenceKind } from './reintegration/closureEvidence.js';
/** QĐ 22/2023 loan limits and rules. */
export { LOAN_LIMITS, LOAN_RULES } from './reintegration/loanRules.js';
/** VBSP's lending rates (QĐ22 9), the Mẫu 01 list and establishments' loans: streams of their own. */
export { VBSP_RATES_ID } from './reintegration/vbspRateEvents.js';
export { LOAN_LIST_EVENTS, type ListEntry } from './reintegration/loanListEvents.js';
/** Plans. */
export { PLAN_EVENTS, type PlanEvent } from './plan/events.js';
/** Plan commands, state, evolve, decide and rules. */
export {
  IssuePlan,
  PLAN_RULES,
  decidePlan,
  evolvePlan,
  initialPlanState,
  type PlanCommand,
  type PlanState,
} from './plan/plan.js';
/** Tasks. */
export { TASK_EVENTS, type TaskEvent } from './task/events.js';
/** Task commands, state, evolve, decide and rules. */
export {
  TASK_COMMANDS,
  TASK_RULES,
  decideTask,
  evolveTask,
  initialTaskState,
  type TaskCommand,
  type TaskState,
} from './task/task.js';
/** Reports. */
export { REPORT_EVENTS, type ReportEvent } from './report/events.js';
export {
  periodOf,
  previousPeriod,
  reportPeriod,
  type PeriodKind,
  type ReportPeriod,
} from './report/periods.js';
export {
  REPORT_SCHEDULE,
  SCHEDULED_TEMPLATES,
  SCHEDULE_LOOKBACK_DAYS,
  scheduledRequest,
  scheduledRequests,
  type ReportSchedule,
  type ScheduledRequest,
  type ScheduledTemplate,
} from './report/schedule.js';
/** Report commands, state, evolve, decide and rules. */
export {
  REPORT_COMMANDS,
  REPORT_RULES,
  decideReport,
  evolveReport,
  initialReportState,
  type ReportCommand,
  type ReportState,
} from './report/report.js';
/** Oversight matters. */
export { OVERSIGHT_EVENTS, type OversightEvent } from './oversight/events.js';
/** Oversight commands, state, evolve, decide and rules. */
export {
  OVERSIGHT_COMMANDS,
  OVERSIGHT_RULES,
  decideOversight,
  evolveOversight,
  initialOversightState,
  type OversightCommand,
  type OversightState,
} from './oversight/oversight.js';

// Catalogue and evolution
/** Every event type, and reading stored events of any version as the current shape. */
export {
  ALL_EVENTS,
  UnreadableEventError,
  eventDefinition,
  readStoredEvent,
  validateEvent,
} from './catalogue/registry.js';
/** Upcasters from older stored versions. */
export { LEGACY_SCHEMAS, UPCASTERS, type UpcastContext, type Upcaster } from './catalogue/upcasters.js';
/** docs/events.md, rendered from the declarations. */
export { renderEventsDoc } from './catalogue/renderEventsDoc.js';
/** Amnesty rounds: per-round parameters, events, commands, decide and rules. */
export { ExclusionRule, QuarterBand, RoundParameters } from './round/parameters.js';
/** Amnesty round events. */
export { ROUND_EVENTS, type RoundEvent } from './round/events.js';
/** Amnesty round commands. */
export { ROUND_COMMANDS, type RoundCommand } from './round/commands.js';
/** Amnesty round state, evolve, decide and rules. */
export { ROUND_RULES, decideRound, evolveRound, initialRoundState, type RoundState } from './round/round.js';
/** Proposal dossiers: events, commands, state, decide, rules. */
export { DOSSIER_EVENTS, type DossierEvent } from './dossier/events.js';
/** Proposal dossier commands. */
export { DOSSIER_COMMANDS, type DossierCommand } from './dossier/commands.js';
/** Proposal dossier state, evolve and decide. */
export { evolveDossier, initialDossierState, type DossierState } from './dossier/dossier.js';
/** Decides what a dossier step records. */
export { decideDossier } from './dossier/decideDossier.js';
/** The rules a dossier enforces. */
export { DOSSIER_RULES } from './dossier/dossierRules.js';
/** Eligibility: one explained result per rule of LĐX 11–12 and the round's exclusions. */
export { assessEligibility, requiredDays, servedDays, type EligibilityFacts } from './dossier/eligibility.js';
/** The expected reintegration case a certificate opens at the destination commune. */
export { expectedCaseFromCertificate } from './dossier/openExpectedCase.js';
/** Organisation units, versioned by effective date. */
export { ORG_UNIT_EVENTS, UnitKind, type OrgUnitEvent } from './orgUnits/events.js';
/** Organisation-unit commands, decide and rules. */
export {
  ORG_UNIT_COMMANDS,
  ORG_UNIT_RULES,
  TWO_LEVEL_GOVERNMENT_FROM,
  decideOrgUnits,
  type OrgUnitCommand,
} from './orgUnits/orgUnits.js';
/** The unit tree as of any date: units, ancestors, subtrees, successors of merged units. */
export {
  ancestorsAt,
  descendantsAt,
  evolveOrgUnits,
  initialOrgUnitsState,
  isWithin,
  successorOf,
  unitAt,
  type OrgUnitsState,
} from './orgUnits/registry.js';
/** Known rounds' parameters, with unverified values flagged. */
export { KNOWN_ROUNDS } from './round/knownRounds.js';
/** A person's data as such: erasure and subject-access records. */
export {
  PERSON_COMMANDS,
  PERSON_EVENTS,
  PERSON_RULES,
  PersonalDataErased,
  SubjectAccessExported,
  decidePerson,
  evolvePerson,
  initialPersonState,
  type PersonCommand,
  type PersonEvent,
  type PersonState,
} from './person/person.js';
/** Every aggregate a service runs commands on: stream kind, commands, decide, evolve, holders. */
export {
  AGGREGATES,
  forEachAggregate,
  type AggregateKind,
  type AggregateStates,
  type RegisteredKind,
  type AggregateVisitor,
  type DomainAggregate,
} from './catalogue/aggregates.js';
/** The aggregate contract, its context loader and a loaded stream. */
export type { Aggregate, ContextLoader, Loaded, PersonGrant } from './catalogue/aggregate.js';
/** Who holds a record, how a unit stands to it, and the one access policy that decides from both. */
export { HOLDER_TAGS, NATION, held, type Holder, type HolderTag, type Holders } from './access/holders.js';
export { currentHolder, jurisdictionOf, relationTo, type Relation, type Who } from './access/jurisdiction.js';
export {
  ACCESS_POLICY,
  type Action,
  type Grant,
  type RecordKind,
  type Requirement,
  type RoleGrants,
} from './access/policy.js';
export { permits, type Principal } from './access/permits.js';
/** A two-province unit tree for tests of the policy and of what asks it. */
export { TEST_UNITS, testTree } from './access/testTree.js';
/** The ledger's own events: signed tree heads, and the access log's reads. */
export { AUDIT_EVENTS, ReadKind, RecordsRead, TreeHeadSigned, type AuditEvent } from './audit/events.js';
/** An instant as a person in Vietnam reads it: dd/mm/yyyy hh:mm:ss, Asia/Ho_Chi_Minh. */
export { formatDateTime } from './shared/formatDateTime.js';
/** Corrections (four eyes): proposals, approvals, and an event's data read corrected. */
export { CORRECTION_RULES, applyChanges, type CorrectionContext } from './correction/decide.js';
export { CORRECTABLE_KINDS, type CorrectableKind, type FieldChange } from './correction/events.js';
export type { CorrectionState } from './correction/state.js';
export type { StoredEventView } from './catalogue/aggregate.js';
