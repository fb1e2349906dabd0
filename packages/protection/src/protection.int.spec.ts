import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain, type EventStore } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { createDataKeys } from './dataKeys.js';
import { MasterKeyError } from './errors.js';
import { localMasterKeys, parseMasterKeys } from './masterKeys.js';
import { completeErasures, erasePersonalData, exportSubject } from './personalData.js';
import { ERASED } from './policy.js';
import { createSealer } from './sealer.js';
import { getSealingEventStore } from './sealingEventStore.js';
import { getSqliteKeyStore } from './sqliteKeyStore.js';

const dir = mkdtempSync(join(tmpdir(), 'dacxa-protection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const K1 = { id: 'k1', key: Buffer.alloc(32, 1) };
const K2 = { id: 'k2', key: Buffer.alloc(32, 2) };
const admin = { actor: 'u-admin', role: 'admin' as const, unit: 'he-thong', now: '2026-01-12T02:00:00Z' };
const police = {
  actor: 'u-ca',
  role: 'commune-police' as const,
  unit: 'xa-an-khanh',
  now: '2026-01-12T02:00:00Z',
};

// Invented people: what must never appear in the clear.
const PEOPLE = [
  {
    personId: '0192f5c4-0000-7000-8000-0000000000a1',
    fullName: 'Trần Thị Giả Định',
    idNumber: '001190000111',
    street: 'Số 17 ngõ Hoa Sữa',
  },
  {
    personId: '0192f5c4-0000-7000-8000-0000000000a2',
    fullName: 'Lê Văn Hư Cấu',
    idNumber: '031095000222',
    street: 'Số 3 đường Bờ Sông',
  },
];
/** JSON as an export writes it: positions are bigints. */
const json = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
const SECRETS = PEOPLE.flatMap((p) => [p.fullName, p.fullName.normalize('NFD'), p.idNumber, p.street]);

async function open(masterKeys = [K1], logStream?: Writable) {
  const keys = createDataKeys(getSqliteKeyStore(join(dir, 'keys.sqlite')), localMasterKeys(masterKeys));
  await keys.verifyMasterKey();
  const sealer = createSealer(keys);
  const inner = getSqliteEventStore({ path: join(dir, 'events.sqlite') });
  const logger = pino({ level: 'debug' }, logStream ?? new Writable({ write: (_c, _e, done) => done() }));
  return { keys, sealer, store: getSealingEventStore(inner, sealer, logger) };
}

async function record(store: EventStore, n: number): Promise<void> {
  const p = PEOPLE[n] as (typeof PEOPLE)[number];
  const metadata = { actor: 'u-ca', role: 'commune-police', unit: 'xa-an-khanh', subject: p.personId };
  await store.append(`case-${p.personId}`, [
    {
      type: 'ReleaseNoticeReceived',
      data: {
        caseId: p.personId,
        person: { personId: p.personId, fullName: p.fullName, birthDate: '1990', idNumber: p.idNumber },
        source: 'AMNESTY',
        communeCode: 'xa-an-khanh',
        releaseDate: '2025-09-01',
        receivedOn: '2025-08-29',
        verifyBy: '2025-09-04',
        notice: { number: '1/TB', date: '2025-08-29' },
      },
      metadata,
    },
    {
      type: 'ResidenceVerified',
      schemaVersion: 2,
      data: {
        address: { communeCode: 'xa-an-khanh', village: 'Thôn 3', street: p.street },
        verifiedOn: '2025-08-30',
        familyContacted: true,
      },
      metadata,
    },
    {
      type: 'VisitLogged',
      data: {
        visitedOn: '2025-09-20',
        visitorRole: 'commune-police',
        place: 'HOME',
        findings: `${p.fullName} đã có việc làm`,
        concerns: [],
      },
      metadata,
    },
  ]);
}

describe('personal data at rest, in logs and in exports', () => {
  it('keeps every name, ID number and street out of the files, the logs and an auditor’s export', async () => {
    const logs: string[] = [];
    const { store, sealer, keys } = await open(
      [K1],
      new Writable({ write: (chunk: Buffer, _e, done) => done(void logs.push(chunk.toString())) }),
    );
    await record(store, 0);
    await record(store, 1);
    const auditorView = [];
    for await (const event of store.readAll())
      auditorView.push(
        await sealer.unsealEvent(event, { role: 'auditor', purpose: 'oversight', inScope: true }),
      );
    await store.close();
    const names = ['events.sqlite', 'events.sqlite-wal', 'keys.sqlite', 'keys.sqlite-wal'].map((f) =>
      join(dir, f),
    );
    const files = names.filter((f) => existsSync(f)).map((f) => readFileSync(f));
    await keys.close();
    for (const secret of SECRETS) {
      for (const bytes of files) expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
      expect(logs.join('')).not.toContain(secret);
      expect(json(auditorView)).not.toContain(secret);
    }
    expect(logs.join('')).toContain('events sealed and appended');
  });

  it('opens them again for the commune police after a restart with the same master key', async () => {
    const { store, sealer, keys } = await open();
    const first = (await (async () => {
      for await (const e of store.readAll()) return e;
    })())!;
    const opened = await sealer.unsealEvent(first, {
      role: 'commune-police',
      purpose: 'case-management',
      inScope: true,
    });
    expect(opened.data).toMatchObject({ person: { fullName: PEOPLE[0]?.fullName } });
    await store.close();
    await keys.close();
  });

  it('refuses to start with a wrong or missing master key, saying so', async () => {
    await expect(open([{ id: 'k1', key: Buffer.alloc(32, 9) }])).rejects.toThrow(MasterKeyError);
    await expect(open([{ id: 'k1', key: Buffer.alloc(32, 9) }])).rejects.toThrow(/Khóa chủ k1 không đúng/);
    expect(() => parseMasterKeys(undefined)).toThrow(/DACXA_MASTER_KEY/);
    expect(() => localMasterKeys([{ id: 'k1', key: Buffer.alloc(16) }])).toThrow(/32 byte/);
  });

  it('rotates the master key by re-wrapping data keys, touching no event', async () => {
    const before = await (async () => {
      const s = getSqliteEventStore({ path: join(dir, 'events.sqlite') });
      const all = [];
      for await (const e of s.readAll()) all.push(e.hash);
      await s.close();
      return all;
    })();
    const rotating = createDataKeys(getSqliteKeyStore(join(dir, 'keys.sqlite')), localMasterKeys([K2, K1]));
    await rotating.verifyMasterKey();
    expect(await rotating.rotate()).toEqual({ rewrapped: 2 });
    const { store, sealer } = await open([K2]);
    const after = [];
    for await (const event of store.readAll()) {
      after.push(event.hash);
      await sealer.unsealEvent(event, { role: 'commune-police', purpose: 'case-management', inScope: true });
    }
    expect(after).toEqual(before);
    await store.close();
  });

  it('erases one person: recorded, unreadable everywhere, every chain still verifies, subject access says so', async () => {
    const { store, sealer, keys } = await open([K2]);
    const target = PEOPLE[0]!.personId;
    await erasePersonalData(
      store,
      keys,
      {
        personId: target,
        reason: 'LAWFUL_ORDER',
        legalBasis: { source: 'NĐ13', article: '16' },
        order: { number: '12/QĐ-TA', date: '2026-01-10' },
        erasedOn: '2026-01-12',
      },
      admin,
    );
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true });
    const exported = await exportSubject(
      store,
      sealer,
      keys,
      {
        personId: target,
        request: { number: '7/YC', date: '2026-01-13' },
        purpose: 'Yêu cầu của chủ thể dữ liệu',
        exportedOn: '2026-01-13',
      },
      police,
    );
    expect(exported).toMatchObject({ erased: true, streams: [`case-${target}`] });
    expect(json(exported.events)).toContain(ERASED);
    expect(json(exported.events)).not.toContain(PEOPLE[0]!.fullName);
    const other = await exportSubject(
      store,
      sealer,
      keys,
      {
        personId: PEOPLE[1]!.personId,
        request: { number: '8/YC', date: '2026-01-13' },
        purpose: 'x',
        exportedOn: '2026-01-13',
      },
      police,
    );
    expect(json(other.events)).toContain(PEOPLE[1]!.street);
    const personEvents = [];
    for await (const e of store.readStream(`person-${target}`)) personEvents.push(e.type);
    expect(personEvents).toEqual(['PersonalDataErased', 'SubjectAccessExported']);
    expect(await completeErasures(store, keys)).toBe(0);
    await store.close();
  });
});
