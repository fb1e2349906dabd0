/** The handler every transport uses: schema, access policy, context from the log, retries, idempotency. */
export {
  MAX_ATTEMPTS,
  commandHash,
  handleCommand,
  type CommandDeps,
  type CommandResult,
  type IncomingCommand,
} from './handleCommand.js';
/** Corrections of each record's events (four eyes), from the log. */
export { createCorrectionIndex, type CorrectionIndex, type RecordedCorrection } from './correctionIndex.js';
/** The deadline scheduler's marker commands, through the same handler. */
export { markerHandler, systemCommands, type MarkedKind } from './markerHandler.js';
/** The handler's own refusals, with stable codes. */
export { CommandError, type CommandErrorCode } from './errors.js';
/** Aggregates folded by earlier commands, for a long-running service. */
export { createAggregateCache, type AggregateCache } from './aggregateCache.js';
/** An aggregate folded from its stream (optionally as it stood at an event). */
export { loadAggregate, type LoadedAggregate } from './loadAggregate.js';
/** A context loader over the log that records what each decision rested on. */
export { createContextLoader, type RecordingLoader, type RestedOn } from './contextLoader.js';
/** The unit tree as the log has it now. */
export { ORG_UNITS_ID, ORG_UNITS_STREAM, createOrgTree, type OrgTree } from './orgTree.js';
/** Read decisions for the routes, /ws and exports: the same policy as for writes. */
export { readableBy, readableUnits, type ReadCheck } from './authorizeRead.js';
/** People's grant history across rounds, kept from the log. */
export { createGrantIndex, type GrantIndex } from './grantIndex.js';
