import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { keyDir, type Config } from '@dacxa/runtime';
import { BACKED_UP, onlineCopy } from './backup.js';

/**
 * `dacxa restore --from DIR`: the files of a backup written back into an empty data folder with
 * SQLite's online backup (never a file copy), then the restored log's start-up check run on it.
 * It never overwrites: a data folder that holds any of the files is refused, so a restore cannot
 * destroy the store it would replace (move that aside first, with the service stopped). The keys
 * are not in a backup: the key folder must be the one the backup was made with.
 */
export async function runRestore(config: Config, from: string, print: (line: string) => void): Promise<void> {
  if (!existsSync(join(from, 'dacxa.sqlite')))
    throw new Error(
      `Không có ${join(from, 'dacxa.sqlite')}: đây không phải một bản sao lưu của dacxa (not a dacxa backup)`,
    );
  const present = BACKED_UP.filter((name) => existsSync(join(config.DACXA_DATA_DIR, name)));
  if (present.length > 0)
    throw new Error(
      `Thư mục dữ liệu ${config.DACXA_DATA_DIR} đã có ${present.join(', ')}: dừng dịch vụ và chuyển các tệp đó đi trước khi khôi phục (the data folder is not empty; nothing was written)`,
    );
  mkdirSync(config.DACXA_DATA_DIR, { recursive: true, mode: 0o700 });
  for (const name of BACKED_UP) {
    const source = join(from, name);
    if (!existsSync(source)) continue;
    const target = join(config.DACXA_DATA_DIR, name);
    await onlineCopy(source, target, name, print);
    chmodSync(target, 0o600);
    print(`Đã khôi phục ${name} → ${target}`);
  }
  // The restored log is checked as a start would check it: positions dense, the tail's hashes.
  const store = getSqliteEventStore({ path: join(config.DACXA_DATA_DIR, 'dacxa.sqlite') });
  try {
    const failure = await store.quickCheck();
    if (failure)
      throw new Error(
        `Bản khôi phục không qua kiểm tra (${failure.reason} tại vị trí ${failure.position ?? '?'}): ${failure.message}`,
      );
    print(`Nhật ký khôi phục qua kiểm tra nhanh: ${(await store.headPosition()) ?? 0n} sự kiện.`);
  } finally {
    await store.close();
  }
  print(
    `Khóa dùng với dữ liệu này phải là khóa trong ${keyDir(config)} lúc sao lưu; chạy \`dacxa verify-store\` để kiểm tra toàn bộ.`,
  );
}
