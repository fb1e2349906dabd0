import type { EventStore, RecordedEvent } from '@dacxa/event-store';

/** How far a migration has got: events in the target, of how many in the source when known. */
export interface MigrationProgress {
  copied: number;
  /** The source's head position: its event count for SQLite and memory, an estimate elsewhere. */
  sourceHead: bigint | null;
}

export interface MigrationResult {
  /** Events already in the target when this run began (a resumed migration). */
  resumedAt: number;
  copied: number;
  /** Every event of the target compared with the source's: same stream, revision and hash. */
  verified: number;
  interrupted: boolean;
}

export interface MigrationOptions {
  /** The target store, opened with the clock the migration sets to each event's `recordedAt`. */
  openTarget: (clock: () => Date) => EventStore | Promise<EventStore>;
  onProgress?: (progress: MigrationProgress) => void;
  /** Progress is reported every this many events (10,000 by default). */
  progressEvery?: number;
  /** Stops between two appends; the next run resumes from what the target holds. */
  signal?: AbortSignal;
}

/** The target is not a copy of the source's first events: nothing more is written to it. */
export class MigrationMismatchError extends Error {
  readonly code = 'ERR_MIGRATION_MISMATCH';
  constructor(
    readonly index: number,
    detail: string,
  ) {
    super(`Nhật ký đích không khớp nhật ký nguồn ở sự kiện thứ ${index + 1}: ${detail}`);
  }
}

const same = (a: RecordedEvent, b: RecordedEvent): boolean =>
  a.id === b.id && a.stream === b.stream && a.revision === b.revision && a.hash === b.hash;

function mismatch(index: number, source: RecordedEvent | undefined, target: RecordedEvent | undefined) {
  return new MigrationMismatchError(
    index,
    source && target
      ? `${target.stream}#${target.revision} ${target.hash.slice(0, 12)} ≠ ${source.stream}#${source.revision} ${source.hash.slice(0, 12)}`
      : source
        ? 'đích thiếu sự kiện này'
        : 'đích có sự kiện mà nguồn không có',
  );
}

/** The events of one original append: consecutive, one stream, one recording instant. */
function sameAppend(batch: readonly RecordedEvent[], next: RecordedEvent): boolean {
  const last = batch.at(-1);
  return (
    last !== undefined &&
    last.stream === next.stream &&
    last.recordedAt === next.recordedAt &&
    last.revision + 1 === next.revision
  );
}

/**
 * Copies the whole log from `source` into a target store in global order, so that every event
 * keeps its id, envelope and so its hash, and the ledger's Merkle tree over them — and every
 * signed checkpoint and proof — stays valid. Each original append is re-appended as one batch with
 * the target's clock set to its `recordedAt` and its expected revision stated, so nothing is
 * reordered. Resumable: a run first checks that the target holds a prefix of the source and goes
 * on after it. It ends by comparing the whole target with the source, event by event.
 */
export async function migrateLog(source: EventStore, options: MigrationOptions): Promise<MigrationResult> {
  let instant = new Date(0);
  const target = await options.openTarget(() => instant);
  const every = options.progressEvery ?? 10_000;
  const sourceHead = await source.headPosition();
  try {
    // What the target holds already must be the source's first events.
    const sourceEvents = source.readAll()[Symbol.asyncIterator]();
    let resumedAt = 0;
    for await (const held of target.readAll()) {
      const next = await sourceEvents.next();
      if (next.done || !same(next.value, held))
        throw mismatch(resumedAt, next.done ? undefined : next.value, held);
      resumedAt++;
    }
    let copied = resumedAt;
    let batch: RecordedEvent[] = [];
    let interrupted = false;
    const flush = async () => {
      const first = batch[0];
      if (!first) return;
      instant = new Date(first.recordedAt);
      await target.append(
        first.stream,
        batch.map((e) => ({
          id: e.id,
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
          metadata: e.metadata,
          occurredAt: e.occurredAt,
        })),
        { expectedRevision: first.revision === 0 ? 'no_stream' : first.revision - 1 },
      );
      const before = copied;
      copied += batch.length;
      batch = [];
      if (Math.floor(copied / every) > Math.floor(before / every))
        options.onProgress?.({ copied, sourceHead });
    };
    for (let next = await sourceEvents.next(); !next.done; next = await sourceEvents.next()) {
      if (batch.length > 0 && !sameAppend(batch, next.value)) {
        await flush();
        if (options.signal?.aborted) {
          interrupted = true;
          break;
        }
      }
      batch.push(next.value);
    }
    if (!interrupted) await flush();
    await sourceEvents.return?.();
    options.onProgress?.({ copied, sourceHead });
    const verified = interrupted ? 0 : await compareLogs(source, target);
    return { resumedAt, copied: copied - resumedAt, verified, interrupted };
  } finally {
    await target.close();
  }
}

/** Reads both logs side by side; throws at the first event that differs or is missing. */
export async function compareLogs(source: EventStore, target: EventStore): Promise<number> {
  const targetEvents = target.readAll()[Symbol.asyncIterator]();
  let index = 0;
  for await (const event of source.readAll()) {
    const held = await targetEvents.next();
    if (held.done || !same(event, held.value))
      throw mismatch(index, event, held.done ? undefined : held.value);
    index++;
  }
  const extra = await targetEvents.next();
  if (!extra.done) throw mismatch(index, undefined, extra.value);
  return index;
}
