import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  chainHash,
  composeEnvelope,
  prepareEvents,
  verifyChain,
  type EventStore,
  type RecordedEvent,
} from '@dacxa/event-store';
import { anEvent, collect, someEvents } from '@dacxa/event-store/contract';
import { getSqliteEventStore } from './sqliteEventStore.js';
import { tamperFile as tamper } from './testing/tamper.js';

const dir = mkdtempSync(join(tmpdir(), 'dacxa-binding-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** case-a at positions 1–3 (revisions 0–2), case-b at 4–5 (revisions 0–1), closed. */
async function honestFile(): Promise<{ path: string; events: RecordedEvent[] }> {
  const path = join(dir, `store-${files++}.sqlite`);
  const store = getSqliteEventStore({ path });
  await store.append('case-a', someEvents(3));
  await store.append('case-b', someEvents(2, 3));
  const events = await collect(store.readAll());
  await store.close();
  return { path, events };
}

/** A row whose own bytes are flawless: it chains onto `after` and hashes right, only its place is forged. */
function forgedRow(after: RecordedEvent | { stream: string; revision: -1 }, position: number): unknown[] {
  const [prepared] = prepareEvents([anEvent(99, { type: 'CaseClosed' })], new Date().toISOString());
  if (!prepared) throw new Error('no event prepared');
  const revision = after.revision + 1;
  const prevHash = 'hash' in after ? after.hash : GENESIS_HASH;
  const body = composeEnvelope(prepared, after.stream, revision, prepared.occurredAt);
  return [
    position,
    after.stream,
    revision,
    prepared.id,
    prepared.type,
    body,
    prevHash,
    chainHash(prevHash, body),
  ];
}
const INSERT =
  'INSERT INTO events (position, stream, revision, id, type, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

/** Opens the file, runs `read`, closes; the error it threw, or null when it read without complaint. */
async function refusal(path: string, read: (store: EventStore) => AsyncIterable<unknown>): Promise<unknown> {
  const store = getSqliteEventStore({ path });
  try {
    await collect(read(store));
    return null;
  } catch (error) {
    return error;
  } finally {
    await store.close();
  }
}

const refused = (position: bigint, reason: string) => ({ code: 'ERR_UNBOUND_ROW', position, reason });

describe('sqlite event store: a row is bound to its hashed event', () => {
  it('moves no event to another case when only its stream and revision columns are edited', async () => {
    const { path } = await honestFile();
    tamper(path, `UPDATE events SET stream = 'case-b', revision = 2 WHERE position = 3`);
    expect(await refusal(path, (s) => s.readStream('case-b'))).toMatchObject(refused(3n, 'column-mismatch'));
    expect(await refusal(path, (s) => s.readStream('case-b', { direction: 'backwards' }))).toMatchObject(
      refused(3n, 'column-mismatch'),
    );
    expect(await refusal(path, (s) => s.readAll())).toMatchObject(refused(3n, 'column-mismatch'));
    const store = getSqliteEventStore({ path });
    expect(await verifyChain(store.readAll())).toMatchObject({
      ok: false,
      failure: { position: 3n, reason: 'column-mismatch' },
    });
    await store.close();
  });

  it('refuses a row whose revision, id or type column differs from its envelope', async () => {
    for (const edit of [
      'revision = 7',
      `id = '0192f5c4-0000-7000-8000-000000000000'`,
      `type = 'CaseClosed'`,
    ]) {
      const { path } = await honestFile();
      tamper(path, `UPDATE events SET ${edit} WHERE position = 2`);
      expect(await refusal(path, (s) => s.readAll()), edit).toMatchObject(refused(2n, 'column-mismatch'));
    }
  });

  it('refuses a well-formed event hidden at position 0 or below, which the log order would skip', async () => {
    for (const position of [0, -1]) {
      const { path, events } = await honestFile();
      tamper(path, INSERT, ...forgedRow(events[2] as RecordedEvent, position));
      const at = BigInt(position);
      expect(await refusal(path, (s) => s.readStream('case-a'))).toMatchObject(refused(at, 'position-gap'));
      expect(await refusal(path, (s) => s.readAll())).toMatchObject(refused(at, 'position-gap'));
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 2_000).unref();
      expect(await refusal(path, (s) => s.subscribe({ signal: controller.signal }))).toMatchObject(
        refused(at, 'position-gap'),
      );
    }
  });

  it('refuses the rows after a gap in the positions, in the log and in their stream', async () => {
    const { path } = await honestFile();
    tamper(path, 'UPDATE events SET position = 7 WHERE position = 5');
    expect(await refusal(path, (s) => s.readAll())).toMatchObject(refused(7n, 'position-gap'));
    expect(await refusal(path, (s) => s.readAll({ after: 4n }))).toMatchObject(refused(7n, 'position-gap'));
    expect(await refusal(path, (s) => s.readStream('case-b'))).toMatchObject(refused(7n, 'position-gap'));
    expect(await refusal(path, (s) => s.readStream('case-a'))).toBeNull();
  });

  it('refuses a well-formed event appended past a gap', async () => {
    const { path, events } = await honestFile();
    tamper(path, INSERT, ...forgedRow(events[4] as RecordedEvent, 9));
    expect(await refusal(path, (s) => s.readStream('case-b'))).toMatchObject(refused(9n, 'position-gap'));
    expect(await refusal(path, (s) => s.readAll())).toMatchObject(refused(9n, 'position-gap'));
  });

  it('refuses a stream whose links or revisions do not run on, naming the row', async () => {
    const cases: Array<[string, bigint, string]> = [
      [`UPDATE events SET prev_hash = '${'0'.repeat(64)}' WHERE position = 2`, 2n, 'broken-link'],
      [`UPDATE events SET hash = '${'ab'.repeat(32)}' WHERE position = 2`, 3n, 'broken-link'],
    ];
    for (const [sql, position, reason] of cases) {
      const { path } = await honestFile();
      tamper(path, sql);
      expect(await refusal(path, (s) => s.readStream('case-a')), sql).toMatchObject(
        refused(position, reason),
      );
    }
    // case-b's first event replaced, in its place in the log, by a flawless event of another case.
    const { path } = await honestFile();
    tamper(path, 'DELETE FROM events WHERE position = 4');
    tamper(path, INSERT, ...forgedRow({ stream: 'case-c', revision: -1 }, 4));
    expect(await refusal(path, (s) => s.readStream('case-b'))).toMatchObject(refused(5n, 'revision-gap'));
    expect(await refusal(path, (s) => s.readStream('case-c'))).toBeNull();
  });

  it('reads an honest file, appended to after it was opened, without complaint', async () => {
    const { path } = await honestFile();
    const store = getSqliteEventStore({ path });
    expect(await collect(store.readStream('case-a'))).toHaveLength(3);
    await store.append('case-a', someEvents(2, 10));
    expect((await collect(store.readStream('case-a'))).map((e) => e.position)).toEqual([1n, 2n, 3n, 6n, 7n]);
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, events: 7 });
    await store.close();
  });
});

describe('sqlite event store: the quick check a start can afford', () => {
  it('passes an honest file, and names a gap, a moved row or an edited event near the end', async () => {
    const { path } = await honestFile();
    const store = getSqliteEventStore({ path });
    expect(await store.quickCheck()).toBeNull();
    await store.close();
    const edits: Array<[string, bigint, string]> = [
      ['UPDATE events SET position = 9 WHERE position = 5', 9n, 'position-gap'],
      ['UPDATE events SET position = 0 WHERE position = 1', 0n, 'position-gap'],
      [`UPDATE events SET stream = 'case-c', revision = 0 WHERE position = 4`, 4n, 'column-mismatch'],
      [
        `UPDATE events SET body = replace(body, 'lần thăm 4', 'lần thăm 5') WHERE position = 5`,
        5n,
        'hash-mismatch',
      ],
      [`UPDATE events SET prev_hash = '${'0'.repeat(64)}' WHERE position = 5`, 5n, 'broken-link'],
    ];
    for (const [sql, position, reason] of edits) {
      const copy = await honestFile();
      tamper(copy.path, sql);
      const tampered = getSqliteEventStore({ path: copy.path });
      expect(await tampered.quickCheck(), sql).toMatchObject({ position, reason });
      await tampered.close();
    }
  });

  it('checks the tail’s first event of a stream against the event before it, outside the tail', async () => {
    const { path } = await honestFile();
    const store = getSqliteEventStore({ path });
    await store.append('case-a', someEvents(1, 20));
    await store.close();
    tamper(path, `UPDATE events SET hash = '${'ab'.repeat(32)}' WHERE position = 3`);
    const reopened = getSqliteEventStore({ path });
    expect(await reopened.quickCheck(1)).toMatchObject({ position: 6n, reason: 'broken-link' });
    await reopened.close();
  });
});
