import type { Logger } from 'pino';
import type { DueMarker, MarkerKind } from './dueMarkers.js';
import type { ScheduledReport } from './reportSchedule.js';

/** What a sweep sends: a deadline's marker, or a report request the schedule owes. */
export type SweepItem = DueMarker | ScheduledReport;

/** Who the clock acts as: the system role, which no token can claim (services/api/src/auth.ts). */
export const SCHEDULER_META = { actor: 'dacxa-scheduler', role: 'system', unit: 'he-thong' } as const;

/** A marker command as the command handler takes it (packages/commands `IncomingCommand`). */
export interface MarkerCommand {
  type: SweepItem['type'];
  id: string;
  data: SweepItem['data'];
  meta: { actor: string; role: 'system'; unit: string; now: string };
  idempotencyKey: string;
}

/** The command handler, bound to the process's stores: `handleCommand(deps, kind, AGGREGATES[kind], …)`. */
export type MarkerHandler = (
  kind: MarkerKind,
  command: MarkerCommand,
) => Promise<{ recorded: number; replayed: boolean }>;

/** What a sweep did, for the log and the tests. */
export interface SweepResult {
  today: string;
  due: number;
  recorded: number;
  /** Sent before (same key): the first result was replayed, nothing new recorded. */
  replayed: number;
  /** Refused by the domain because already marked, or no longer due (completed in between). */
  alreadyDone: number;
  failed: number;
  /** Stopped before the end (the process is stopping); the next sweep finishes the rest. */
  interrupted: boolean;
}

const code = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * Sends each due marker through the command handler as the system. A refusal in the record's
 * state (ERR_ILLEGAL_STATE: already marked, or done meanwhile) is the work already done, by an
 * earlier sweep or another scheduler, not a failure. Logs counts and streams, never personal data.
 */
export async function sendMarkers(
  markers: readonly SweepItem[],
  options: { handle: MarkerHandler; now: () => Date; today: string; logger?: Logger; signal?: AbortSignal },
): Promise<SweepResult> {
  const result: SweepResult = {
    today: options.today,
    due: markers.length,
    recorded: 0,
    replayed: 0,
    alreadyDone: 0,
    failed: 0,
    interrupted: false,
  };
  for (const marker of markers) {
    if (options.signal?.aborted) {
      result.interrupted = true;
      break;
    }
    const command: MarkerCommand = {
      type: marker.type,
      id: marker.id,
      data: marker.data,
      meta: { ...SCHEDULER_META, now: options.now().toISOString() },
      idempotencyKey: marker.idempotencyKey,
    };
    try {
      const sent = await options.handle(marker.kind, command);
      if (sent.replayed) result.replayed++;
      else result.recorded++;
    } catch (error) {
      if (code(error) === 'ERR_ILLEGAL_STATE') result.alreadyDone++;
      else {
        result.failed++;
        options.logger?.warn(
          { err: error, kind: marker.kind, id: marker.id, type: marker.type },
          'deadline marker not recorded; the next sweep tries again',
        );
      }
    }
  }
  return result;
}
