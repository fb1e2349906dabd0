import type { EventStore, Position, RecordedEvent } from '@dacxa/event-store';
import { ReportError } from './errors.js';

/** How far a scan has come: events read and the position reached, of the position it reads to. */
export interface ScanProgress {
  events: number;
  position: Position;
  at: Position;
}

/** The position a report is computed at: the one asked, or the log's head; never beyond the head. */
export async function resolvePosition(store: EventStore, at?: Position): Promise<Position> {
  const head = await store.headPosition();
  if (head === null)
    throw new ReportError('ERR_EMPTY_LOG', 'Nhật ký chưa có sự kiện nào', 'the log is empty');
  if (at === undefined) return head;
  if (at < 1n)
    throw new ReportError('ERR_BAD_POSITION', 'Vị trí phải là số nguyên dương', 'position must be ≥ 1');
  if (at > head)
    throw new ReportError(
      'ERR_POSITION_AHEAD',
      `Vị trí ${at} vượt quá đầu nhật ký (${head})`,
      `position ${at} is beyond the head of the log (${head})`,
    );
  return at;
}

/** How often progress is reported, in events. */
const PROGRESS_EVERY = 50_000;

/**
 * Every event of the log up to and including `at`, in log order, handed to `visit`. The port reads
 * forwards without an upper bound, so the scan stops at the first event past `at`.
 */
export async function scanLog(
  store: EventStore,
  at: Position,
  visit: (event: RecordedEvent) => void,
  onProgress?: (progress: ScanProgress) => void,
): Promise<number> {
  let events = 0;
  for await (const event of store.readAll()) {
    if (event.position > at) break;
    visit(event);
    events++;
    if (onProgress && events % PROGRESS_EVERY === 0) onProgress({ events, position: event.position, at });
  }
  onProgress?.({ events, position: at, at });
  return events;
}
