import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, openStores } from '@dacxa/runtime';
import { runMigrate } from './migrate.js';
import { seedIfEmpty } from './serve.js';
import { publicKeyOf, runVerifyStore } from './verifyStore.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-migrate-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dacxa migrate', () => {
  it('moves the demo’s log to a new SQLite file that verify-store accepts, and refuses bad ends', async () => {
    const config = loadConfig({ DACXA_DATA_DIR: join(root, 'data') });
    const stores = await openStores(config, pino({ level: 'silent' }));
    await seedIfEmpty(stores, () => undefined);
    const count = Number(await stores.store.headPosition());
    await stores.close();

    const target = join(root, 'moved.sqlite');
    const lines: string[] = [];
    const result = await runMigrate(config, { from: 'sqlite', to: 'sqlite', toFile: target }, (l) =>
      lines.push(l),
    );
    expect(result).toMatchObject({ resumedAt: 0, copied: count, verified: count, interrupted: false });
    expect(lines.at(-1)).toBe(`Đã chép ${count} sự kiện; đã đối chiếu ${count} sự kiện: trùng khớp mã băm`);
    const checked: string[] = [];
    expect(
      await runVerifyStore(target, {
        publicKeyPem: publicKeyOf(config, undefined),
        out: (l) => checked.push(l),
      }),
    ).toBe(true);

    // Run again: everything is there already, nothing is copied twice.
    const again = await runMigrate(config, { from: 'sqlite', to: 'sqlite', toFile: target }, () => undefined);
    expect(again).toMatchObject({ resumedAt: count, copied: 0, verified: count });

    await expect(runMigrate(config, { from: 'sqlite', to: 'sqlite' }, () => undefined)).rejects.toThrow(
      /--to-file/,
    );
    await expect(
      runMigrate(
        config,
        { from: 'sqlite', to: 'sqlite', fromFile: join(root, 'none.sqlite'), toFile: target },
        () => undefined,
      ),
    ).rejects.toThrow(/Không có tệp nhật ký nguồn/);
    await expect(
      runMigrate(config, { from: 'sqlite', to: 'sqlite', fromFile: target, toFile: target }, () => undefined),
    ).rejects.toThrow(/cùng một tệp/);
  });
});
