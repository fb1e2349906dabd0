import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { keyDir, loadConfig, openStores } from '@dacxa/runtime';
import { runBackup } from './backup.js';
import { runRestore } from './restore.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dacxa backup', () => {
  it('copies a live store with SQLite’s online backup, keeps the keys out, and refuses a folder inside the data', async () => {
    const config = loadConfig({ DACXA_DATA_DIR: join(root, 'data') });
    const stores = await openStores(config, pino({ level: 'silent' }));
    await stores.store.append('case-0192f5c4-0000-7000-8000-000000000001', [
      { type: 'Probe', data: { n: 1 }, metadata: { actor: 'u', role: 'admin', unit: 'x' } },
    ]);
    // The secrets live beside the data, never in it.
    expect(keyDir(config)).toBe(join(root, 'data-keys'));
    expect(existsSync(join(root, 'data-keys', 'master.key'))).toBe(true);
    expect(existsSync(join(root, 'data', 'master.key'))).toBe(false);
    const lines: string[] = [];
    await runBackup(config, join(root, 'backup'), (l) => lines.push(l));
    // Written while the store is open and holding a WAL: the copy is consistent on its own.
    await stores.close();
    const copy = getSqliteEventStore({ path: join(root, 'backup', 'dacxa.sqlite') });
    const events = [];
    for await (const e of copy.readAll()) events.push(e);
    expect(events.map((e) => e.type)).toEqual(['Probe']);
    await copy.close();
    expect(readdirSync(join(root, 'backup')).some((f) => f.includes('key') && !f.endsWith('.sqlite'))).toBe(
      false,
    );
    expect(statSync(join(root, 'backup', 'dacxa.sqlite')).mode & 0o777).toBe(0o600);
    expect(lines.at(-1)).toMatch(/không nằm trong bản sao lưu/);
    await expect(runBackup(config, join(root, 'data', 'inside'), () => undefined)).rejects.toThrow(/ngoài/);
  });

  it('restores a backup into an empty data folder, checks it, and never overwrites a store', async () => {
    const config = loadConfig({ DACXA_DATA_DIR: join(root, 'data') });
    const restored = loadConfig({ DACXA_DATA_DIR: join(root, 'restored'), DACXA_KEY_DIR: keyDir(config) });
    const lines: string[] = [];
    await runRestore(restored, join(root, 'backup'), (l) => lines.push(l));
    expect(lines.some((l) => l.includes('qua kiểm tra nhanh: 1 sự kiện'))).toBe(true);
    const stores = await openStores(restored, pino({ level: 'silent' }));
    const events = [];
    for await (const e of stores.store.readAll()) events.push(e);
    expect(events.map((e) => e.data)).toEqual([{ n: 1 }]);
    await stores.close();
    expect(statSync(join(root, 'restored', 'dacxa.sqlite')).mode & 0o777).toBe(0o600);
    // A second restore over it is refused, and writes nothing.
    await expect(runRestore(restored, join(root, 'backup'), () => undefined)).rejects.toThrow(
      /không trống|not empty|đã có/,
    );
    await expect(runRestore(restored, join(root, 'nowhere'), () => undefined)).rejects.toThrow(
      /not a dacxa backup/,
    );
  });
});
