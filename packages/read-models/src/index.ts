/** The document-store port and its types. */
export {
  physicalName,
  type Commit,
  type Condition,
  type Doc,
  type DocumentStore,
  type Page,
  type ProjectionState,
  type Query,
  type StoredDoc,
} from './types.js';
/** Query helpers shared by adapters: field access, conditions, cursors, ordering. */
export { compare, decodeCursor, encodeCursor, fieldOf, matches, type CursorMark } from './query.js';
/** The in-memory document store, and the page selection adapters can reuse. */
export { getInMemoryDocumentStore, selectPage } from './inMemoryDocumentStore.js';
/** Projections: pure routing and folding of events into view documents; the change feed's item. */
export type { Change, CollectionSpec, FilterKind, Projection, Target } from './engine/projection.js';
export { indexesOf } from './engine/projection.js';
/** The projection engine: batches, checkpoints, failures, blue/green rebuilds, health, waitFor. */
export {
  createProjectionEngine,
  type ProjectionEngine,
  type ProjectionEngineOptions,
  type ProjectionHealth,
} from './engine/projectionEngine.js';
/** A read-your-writes wait that ran out of time. */
export { ProjectionTimeoutError } from './engine/waitList.js';
/** The case-file view. */
export { caseFilesProjection, evolveCaseFile, type CaseFileDoc } from './views/caseFiles.js';
/** The plan and task tracker. */
export { tasksProjection, evolveTask, type TaskDoc } from './views/tasks.js';
/** Report compliance by unit. */
export { evolveReport, reportsProjection, type ReportDoc } from './views/reports.js';
export { breachesProjection, type BreachDoc } from './views/breaches.js';
/** Oversight recommendations with their response deadlines. */
export { evolveRecommendation, oversightProjection, type RecommendationDoc } from './views/oversight.js';
/** The round control tower. */
export { dossiersProjection, evolveDossier, type DossierDoc } from './views/dossiers.js';
/** A person's timeline in readable Vietnamese. */
export { readPersonTimeline, timelineText, type TimelineEntry } from './views/personTimeline.js';
/** Loans under QĐ 22/2023, per case. */
export { evolveLoanBook, loanBooksProjection, type LoanBookDoc } from './views/loanBooks.js';
/** Release-day reconciliation: each expected person of a round, and the counts per commune and province. */
export {
  certificateKey,
  reconciliationProjection,
  summariseReconciliation,
  type ReconciliationCounts,
  type ReconciliationDoc,
} from './views/reconciliation.js';
/** Corrections (four eyes) awaiting approval and decided, read as the records they correct. */
export {
  CORRECTION_SCOPE_TAGS,
  correctionScopeKey,
  correctionsProjection,
  evolveCorrectionDoc,
  type CorrectionDoc,
} from './views/corrections.js';
/** The administrative unit a path-coded office belongs to, as views index it. */
export { unitRoot } from './views/unitRoot.js';
/** Every view a service runs. */
/** Each open duty with its due date derived from its facts and the calendar as known. */
export { createDeadlinesProjection, type DeadlineDoc } from './views/deadlines.js';
export { ALL_PROJECTIONS } from './views/allProjections.js';
/** The read side of a projector running in another process: checkpoints and the change feed. */
export {
  createProjectionFollower,
  type ProjectionFollowerOptions,
  type ViewReader,
} from './engine/projectionFollower.js';
