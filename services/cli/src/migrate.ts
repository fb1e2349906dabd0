import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrateLog, openLogAt, type Config, type LogLocation, type MigrationResult } from '@dacxa/runtime';

export interface MigrateOptions {
  from: 'sqlite' | 'esdb';
  to: 'sqlite' | 'esdb';
  fromFile?: string;
  toFile?: string;
  fromUrl?: string;
  toUrl?: string;
}

/** The two ends from the options, the source defaulting to the configured store. */
export function locations(config: Config, o: MigrateOptions): { from: LogLocation; to: LogLocation } {
  const from: LogLocation =
    o.from === 'sqlite'
      ? { kind: 'sqlite', file: o.fromFile ?? join(config.DACXA_DATA_DIR, 'dacxa.sqlite') }
      : { kind: 'esdb', url: o.fromUrl ?? config.DACXA_ESDB_URL ?? '' };
  const to: LogLocation =
    o.to === 'sqlite' ? { kind: 'sqlite', file: o.toFile ?? '' } : { kind: 'esdb', url: o.toUrl ?? '' };
  if (from.kind === 'sqlite' && !existsSync(from.file))
    throw new Error(`Không có tệp nhật ký nguồn: ${from.file} (no source log file)`);
  if (from.kind === 'esdb' && !from.url)
    throw new Error('Cần --from-url (an EventStoreDB connection string)');
  if (to.kind === 'sqlite' && !to.file) throw new Error('Cần --to-file (the target SQLite file)');
  if (to.kind === 'esdb' && !to.url) throw new Error('Cần --to-url (an EventStoreDB connection string)');
  if (from.kind === 'sqlite' && to.kind === 'sqlite' && from.file === to.file)
    throw new Error('Nguồn và đích là cùng một tệp (source and target are the same file)');
  return { from, to };
}

const describe = (l: LogLocation) => (l.kind === 'sqlite' ? l.file : 'EventStoreDB');

/**
 * `dacxa migrate`: copies the whole log to another store, in order, keeping every hash and so
 * every checkpoint and proof valid; resumable (run it again after an interruption); progress on
 * stderr. Run it with the service stopped. Keys and views are not the log: keep the key folder,
 * and rebuild the views on the new store (`dacxa rebuild`).
 */
export async function runMigrate(
  config: Config,
  options: MigrateOptions,
  print: (line: string) => void,
  signal?: AbortSignal,
): Promise<MigrationResult> {
  const { from, to } = locations(config, options);
  const source = await openLogAt(from);
  try {
    print(`Chuyển nhật ký: ${describe(from)} → ${describe(to)}`);
    const result = await migrateLog(source, {
      openTarget: (clock) => openLogAt(to, clock),
      onProgress: ({ copied, sourceHead }) =>
        process.stderr.write(`  đã chép ${copied}${sourceHead === null ? '' : `/${sourceHead}`} sự kiện\n`),
      ...(signal ? { signal } : {}),
    });
    if (result.resumedAt > 0) print(`Tiếp tục từ sự kiện thứ ${result.resumedAt + 1} (đã có trong đích)`);
    print(
      result.interrupted
        ? `Đã dừng sau ${result.resumedAt + result.copied} sự kiện; chạy lại lệnh để tiếp tục`
        : `Đã chép ${result.copied} sự kiện; đã đối chiếu ${result.verified} sự kiện: trùng khớp mã băm`,
    );
    return result;
  } finally {
    await source.close();
  }
}
