import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, SchemaTooNewError, verifyChain } from '@dacxa/event-store';
import { anEvent, collect, someEvents } from '@dacxa/event-store/contract';
import { MIGRATIONS } from './schema.js';
import { getSqliteEventStore } from './sqliteEventStore.js';
import { exited, runChild } from './testing/runChild.js';

const dir = mkdtempSync(join(tmpdir(), 'dacxa-sqlite-'));
let files = 0;
const newFile = (): string => join(dir, `store-${files++}.sqlite`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sqlite event store: the file', () => {
  it('keeps every event, hash and revision across close and reopen', async () => {
    const path = newFile();
    const first = getSqliteEventStore({ path });
    await first.append('case-1', someEvents(3));
    const before = await collect(first.readAll());
    await first.close();
    const second = getSqliteEventStore({ path });
    expect(await collect(second.readAll())).toEqual(before);
    await expect(second.append('case-1', someEvents(1), { expectedRevision: 2 })).resolves.toMatchObject({
      revision: 3,
      position: 4n,
    });
    expect(await verifyChain(second.readAll())).toMatchObject({ ok: true, events: 4 });
    await second.close();
  });

  it('detects one byte edited in the stored file, naming the position', async () => {
    const path = newFile();
    const store = getSqliteEventStore({ path });
    await store.append('case-a', someEvents(2));
    await store.append('case-b', [anEvent(9, { data: { note: 'Kết luận: MARKER-QQQQ' } })]);
    await store.append('case-a', someEvents(2, 2));
    await store.close();
    const bytes = readFileSync(path);
    const at = bytes.indexOf('MARKER-QQQQ');
    expect(at).toBeGreaterThan(0);
    bytes[at + 7] = 'R'.charCodeAt(0);
    writeFileSync(path, bytes);
    const reopened = getSqliteEventStore({ path });
    const report = await verifyChain(reopened.readAll());
    expect(report).toMatchObject({
      ok: false,
      failure: { reason: 'hash-mismatch', position: 3n, stream: 'case-b' },
    });
    await reopened.close();
  });

  it('loses no acknowledged append when the writing process is killed with SIGKILL', async () => {
    const path = newFile();
    const child = runChild('appendUntilKilled.ts', [path, 'k']);
    const acknowledged: string[] = [];
    let partial = '';
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`writer exited early (${code}): ${partial}`)));
      child.stdout?.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        acknowledged.push(...lines);
        if (acknowledged.length >= 300) resolve();
      });
    });
    child.removeAllListeners('exit');
    child.kill('SIGKILL');
    await exited(child);
    const store = getSqliteEventStore({ path });
    const stored = new Set((await collect(store.readAll())).map((e) => e.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true });
    await store.close();
  });
});

describe('sqlite event store: long streams', () => {
  it('reads a stream longer than a page in both directions, ranges and limits included', async () => {
    const store = getSqliteEventStore({ path: newFile() });
    await store.append('case-long', someEvents(2_500));
    const revisions = async (options: Parameters<typeof store.readStream>[1]): Promise<number[]> =>
      (await collect(store.readStream('case-long', options))).map((e) => e.revision);
    expect(await revisions({})).toEqual(Array.from({ length: 2_500 }, (_, i) => i));
    expect(await revisions({ direction: 'backwards' })).toEqual(
      Array.from({ length: 2_500 }, (_, i) => 2_499 - i),
    );
    expect(await revisions({ from: 990, to: 2_010 })).toEqual(
      Array.from({ length: 1_021 }, (_, i) => 990 + i),
    );
    expect(await revisions({ direction: 'backwards', from: 2_100, limit: 1_500 })).toEqual(
      Array.from({ length: 1_500 }, (_, i) => 2_100 - i),
    );
    expect((await collect(store.readAll({ after: 500n, limit: 1_200 }))).map((e) => e.position)).toEqual(
      Array.from({ length: 1_200 }, (_, i) => BigInt(501 + i)),
    );
    await store.close();
  });
});

describe('sqlite event store: group commit and subscriptions', () => {
  it('commits 64 concurrent appends together, failing only the one with a wrong expectation', async () => {
    const store = getSqliteEventStore({ path: newFile() });
    await store.append('case-shared', someEvents(1));
    const { commits } = store.metrics();
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) =>
        i === 17
          ? store.append('case-shared', someEvents(1), { expectedRevision: 5 })
          : store.append(`case-g${i}`, someEvents(1, i), { expectedRevision: 'no_stream' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(63);
    expect(results[17]).toMatchObject({
      status: 'rejected',
      reason: expect.any(ConcurrencyError) as unknown,
    });
    expect(store.metrics().commits - commits).toBe(1);
    expect(await store.headPosition()).toBe(64n);
    await store.close();
  });

  it('wakes a live subscription on a local append at once, without waiting for the poller', async () => {
    const store = getSqliteEventStore({ path: newFile(), pollIntervalMs: 600_000 });
    const controller = new AbortController();
    const received = (async () => {
      for await (const event of store.subscribe({ signal: controller.signal })) {
        controller.abort();
        return event.type;
      }
    })();
    setTimeout(() => void store.append('case-live', [anEvent(0, { type: 'PersonReceived' })]), 10);
    await expect(received).resolves.toBe('PersonReceived');
    await store.close();
  });

  it('sees appends made by another process on the same file', async () => {
    const path = newFile();
    const store = getSqliteEventStore({ path, pollIntervalMs: 25 });
    await store.append('case-here', someEvents(1));
    const controller = new AbortController();
    const seen: string[] = [];
    const subscription = (async () => {
      for await (const event of store.subscribe({ after: 1n, signal: controller.signal })) {
        seen.push(event.stream);
        if (seen.length === 3) controller.abort();
      }
    })();
    expect(await exited(runChild('appendOnce.ts', [path, 'case-elsewhere', '3']))).toBe(0);
    await subscription;
    expect(seen).toEqual(['case-elsewhere', 'case-elsewhere', 'case-elsewhere']);
    await store.close();
  });
});

describe('sqlite event store: two processes on one file', () => {
  it('chains onto a head another process moved since this one last wrote the stream', async () => {
    const path = newFile();
    const store = getSqliteEventStore({ path });
    await store.append('case-shared', someEvents(1));
    expect(await exited(runChild('appendOnce.ts', [path, 'case-shared', '2']))).toBe(0);
    await expect(store.append('case-shared', someEvents(1), { expectedRevision: 2 })).resolves.toMatchObject({
      revision: 3,
    });
    await expect(store.append('case-shared', someEvents(1), { expectedRevision: 2 })).rejects.toMatchObject({
      code: 'ERR_CONFLICT',
      actual: 3,
    });
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, events: 4 });
    await store.close();
  });
});

describe('sqlite event store: schema versions', () => {
  it('migrates a file from an older schema', async () => {
    const path = newFile();
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0] ?? '');
    raw.pragma('user_version = 1');
    raw.close();
    const store = getSqliteEventStore({ path });
    await store.append('case-old', someEvents(1));
    await store.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    check.close();
  });

  it('refuses a file written by a newer dacxa, saying which versions', async () => {
    const path = newFile();
    await getSqliteEventStore({ path }).close();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => getSqliteEventStore({ path })).toThrow(SchemaTooNewError);
    expect(() => getSqliteEventStore({ path })).toThrow(/99.*nâng cấp dacxa/);
  });

  it('refuses a SQLite file that belongs to another application', () => {
    const path = newFile();
    const raw = new Database(path);
    raw.pragma('application_id = 42');
    raw.close();
    expect(() => getSqliteEventStore({ path })).toThrow(/another application/);
  });
});
