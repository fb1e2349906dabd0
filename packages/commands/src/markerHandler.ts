import { AGGREGATES, scheduledRequests } from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { createGrantIndex } from './grantIndex.js';
import { loadAggregate } from './loadAggregate.js';
import { createOrgTree } from './orgTree.js';
import {
  handleCommand,
  type CommandDeps,
  type CommandResult,
  type IncomingCommand,
} from './handleCommand.js';

/** The aggregates the deadline sweeps mark (their markers are the `system` role's commands). */
export type MarkedKind =
  'task' | 'report' | 'case' | 'dossier' | 'oversight' | 'round' | 'subject-request' | 'breach';

/**
 * The deadline scheduler's way to record a marker: through the one command handler, as every
 * transport records a command, so its schema, policy and idempotency apply as they do to a person's.
 */
export function markerHandler(deps: CommandDeps) {
  return (kind: MarkedKind, command: IncomingCommand): Promise<CommandResult> => {
    switch (kind) {
      case 'task':
        return handleCommand(deps, 'task', AGGREGATES.task, command);
      case 'report':
        return handleCommand(deps, 'report', AGGREGATES.report, command);
      case 'case':
        return handleCommand(deps, 'case', AGGREGATES.case, command);
      case 'dossier':
        return handleCommand(deps, 'dossier', AGGREGATES.dossier, command);
      case 'oversight':
        return handleCommand(deps, 'oversight', AGGREGATES.oversight, command);
      case 'round':
        return handleCommand(deps, 'round', AGGREGATES.round, command);
      case 'subject-request':
        return handleCommand(deps, 'subject-request', AGGREGATES['subject-request'], command);
      case 'breach':
        return handleCommand(deps, 'breach', AGGREGATES.breach, command);
    }
  };
}

/**
 * What the clock's work (the deadline sweeps, the certificate follower) needs from the process's
 * stores, built once: the marker handler over one org tree and grant index, and the person a
 * dossier names (opened for processing, never logged), for the case a certificate opens.
 */
export function systemCommands(store: EventStore, sealer: Sealer) {
  const deps = { store, sealer, tree: createOrgTree(store), grants: createGrantIndex(store) };
  return {
    handle: markerHandler(deps),
    /** What the reporting schedule owes as of a day, over the unit tree as the log has it now. */
    schedule: async (today: string) => scheduledRequests(await deps.tree.current(), today),
    personOf: async (dossierId: string) => {
      const { state } = await loadAggregate(store, sealer, AGGREGATES.dossier, `dossier-${dossierId}`);
      return state.status === 'none' ? null : state.person;
    },
  };
}
