/** The configuration every dacxa process parses once at start-up. */
export { CONFIG_KEYS, ConfigError, loadConfig, oidcClient, type Config } from './config.js';
/** The stores a configuration names, opened and sealed. */
export { openKeyStore, openStores, type OpenStoresOptions, type Stores } from './openStores.js';
/** The HS256 secret development tokens are signed with. */
export { tokenSecret } from './tokenSecret.js';
/** The views an api process reads: projected here, or followed. */
export { openViews } from './openViews.js';
/** The ledger and its signing key. */
export { auditSigner, checkpointsOf, openLedger } from './openLedger.js';
/** The checkpoints the witnesses cosign before they are published. */
export { auditServed, openCosigner, witnessPolicy } from './openCosigner.js';
/** The folder the embedded default keeps its secrets in, apart from the data. */
export { keyDir } from './firstRunFile.js';
/** The clock: the real one, or a fixed start for the demo and tests; days in Asia/Ho_Chi_Minh. */
export { createClock, nextLocalTime, vietnamDate, vietnamDateTime, type Clock } from './scheduler/clock.js';
/** The deadline sweeps: what is due from the views, sent as the system's marker commands, on a timer. */
export { findDueMarkers, type DueMarker } from './scheduler/dueMarkers.js';
export { createScheduler, type Scheduler } from './scheduler/scheduler.js';
export {
  SCHEDULER_META,
  type MarkerCommand,
  type MarkerHandler,
  type SweepResult,
} from './scheduler/sweep.js';
/** The process manager that opens the expected case at the destination from each amnesty certificate. */
export {
  createCertificateFollower,
  type CaseCommandHandler,
  type CertificateFollower,
  type FollowResult,
} from './scheduler/certificateFollower.js';
/** Moving the log to another store (`dacxa migrate`), keeping every hash and proof valid. */
export {
  MigrationMismatchError,
  compareLogs,
  migrateLog,
  type MigrationOptions,
  type MigrationProgress,
  type MigrationResult,
} from './migrate/migrateLog.js';
export { openLogAt, type LogLocation } from './migrate/openLogAt.js';
