import type { Projection } from '../engine/projection.js';
import { breachesProjection } from './breaches.js';
import { caseFilesProjection } from './caseFiles.js';
import { correctionsProjection } from './corrections.js';
import { deadlinesProjection } from './deadlines.js';
import { dossiersProjection } from './dossiers.js';
import { loanBooksProjection } from './loanBooks.js';
import { oversightProjection } from './oversight.js';
import { reconciliationProjection } from './reconciliation.js';
import { reportsProjection } from './reports.js';
import { tasksProjection } from './tasks.js';

/** Every view a service runs, in the embedded default's process or in the projector. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  caseFilesProjection,
  tasksProjection,
  reportsProjection,
  oversightProjection,
  dossiersProjection,
  loanBooksProjection,
  deadlinesProjection,
  reconciliationProjection,
  breachesProjection,
  correctionsProjection,
] as readonly Projection[];
