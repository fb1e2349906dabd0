import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { getInMemoryEventStore, type EventStore, type RecordedEvent } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { MigrationMismatchError, compareLogs, migrateLog } from './migrateLog.js';

const opened: EventStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
});

const meta = { actor: 'can-bo-1', role: 'commune-police', unit: 'xa-a' };

/** A log of interleaved streams, some appends of several events, recorded over several days. */
async function sourceLog(store: EventStore, appends: ReadonlyArray<{ stream: number; size: number }>) {
  const revisions = new Map<number, number>();
  for (const { stream, size } of appends) {
    const events = Array.from({ length: size }, (_, i) => ({
      type: 'VisitLogged',
      data: { n: i, note: `lần ${i}` },
      metadata: meta,
      occurredAt: '2026-11-30T01:00:00.000Z',
    }));
    const head = revisions.get(stream) ?? -1;
    await store.append(`case-${stream}`, events, { expectedRevision: head < 0 ? 'no_stream' : head });
    revisions.set(stream, head + size);
  }
}

function ticking() {
  let t = Date.parse('2026-11-01T00:00:00Z');
  return () => new Date((t += 1_234));
}

async function all(store: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
}

const dir = () => mkdtempSync(join(tmpdir(), 'dacxa-migrate-'));

describe('dacxa migrate: the log moved to another store', () => {
  it('keeps every id, revision, recording time and hash, SQLite to SQLite', async () => {
    const folder = dir();
    const source = getSqliteEventStore({ path: join(folder, 'from.sqlite'), now: ticking() });
    opened.push(source);
    await sourceLog(source, [
      { stream: 1, size: 1 },
      { stream: 2, size: 3 },
      { stream: 1, size: 2 },
      { stream: 3, size: 1 },
      { stream: 2, size: 1 },
    ]);
    const progress: number[] = [];
    const result = await migrateLog(source, {
      openTarget: (clock) => getSqliteEventStore({ path: join(folder, 'to.sqlite'), now: clock }),
      onProgress: (p) => progress.push(p.copied),
      progressEvery: 3,
    });
    expect(result).toEqual({ resumedAt: 0, copied: 8, verified: 8, interrupted: false });
    expect(progress.at(-1)).toBe(8);
    const target = getSqliteEventStore({ path: join(folder, 'to.sqlite') });
    opened.push(target);
    const [from, to] = [await all(source), await all(target)];
    expect(to.map((e) => [e.position, e.stream, e.revision, e.recordedAt, e.hash])).toEqual(
      from.map((e) => [e.position, e.stream, e.revision, e.recordedAt, e.hash]),
    );
    // The copy's own chain checks out, so a verifier trusting nothing but hashes accepts it.
    expect(await target.quickCheck()).toBeNull();
  });

  it('resumes after an interruption, and copies each event once', async () => {
    const folder = dir();
    const source = getInMemoryEventStore({ now: ticking() });
    opened.push(source);
    await sourceLog(
      source,
      Array.from({ length: 40 }, (_, i) => ({ stream: i % 7, size: 1 + (i % 3) })),
    );
    const stop = new AbortController();
    const path = join(folder, 'to.sqlite');
    const first = await migrateLog(source, {
      openTarget: (clock) => getSqliteEventStore({ path, now: clock }),
      onProgress: (p) => (p.copied >= 20 ? stop.abort() : undefined),
      progressEvery: 1,
      signal: stop.signal,
    });
    expect(first.interrupted).toBe(true);
    const second = await migrateLog(source, {
      openTarget: (clock) => getSqliteEventStore({ path, now: clock }),
    });
    expect(second.resumedAt).toBe(first.copied);
    expect(second.resumedAt + second.copied).toBe(second.verified);
    const target = getSqliteEventStore({ path });
    opened.push(target);
    expect(await compareLogs(source, target)).toBe((await all(source)).length);
  });

  it('refuses a target that is not a copy of the source, and writes nothing to it', async () => {
    const source = getInMemoryEventStore({ now: ticking() });
    opened.push(source);
    await sourceLog(source, [{ stream: 1, size: 2 }]);
    const path = join(dir(), 'other.sqlite');
    const other = getSqliteEventStore({ path });
    await other.append('case-9', [{ type: 'VisitLogged', data: {}, metadata: meta }]);
    await other.close();
    await expect(
      migrateLog(source, { openTarget: (clock) => getSqliteEventStore({ path, now: clock }) }),
    ).rejects.toBeInstanceOf(MigrationMismatchError);
    const reopened = getSqliteEventStore({ path });
    opened.push(reopened);
    expect(await reopened.headPosition()).toBe(1n);
  });

  it('copies any interleaving of appends exactly (memory to memory)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ stream: fc.integer({ min: 0, max: 4 }), size: fc.integer({ min: 1, max: 4 }) }),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        async (appends) => {
          const source = getInMemoryEventStore({ now: ticking() });
          await sourceLog(source, appends);
          let target: EventStore | undefined;
          const result = await migrateLog(source, {
            openTarget: (clock) => (target = getInMemoryEventStore({ now: clock })),
          });
          expect(result.verified).toBe(appends.reduce((n, a) => n + a.size, 0));
          expect(target).toBeDefined();
        },
      ),
      { numRuns: 30 },
    );
  });
});
