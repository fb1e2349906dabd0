import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { keyDir, type Config } from '@dacxa/runtime';

/**
 * The embedded default's files: events, wrapped data keys, views. Secrets stay out of a backup;
 * the ledger's tree file is derived data, rebuilt from the log at the first start after a restore.
 */
export const BACKED_UP = ['dacxa.sqlite', 'keys.sqlite', 'views.sqlite'] as const;

const inside = (dir: string, parent: string) => {
  const path = relative(resolve(parent), resolve(dir));
  return path === '' || (!path.startsWith('..') && !path.startsWith('/'));
};

/**
 * One SQLite file copied with SQLite's online backup (better-sqlite3 `backup()`), page by page,
 * consistent while another process writes it; progress to `print`.
 */
export async function onlineCopy(
  source: string,
  target: string,
  name: string,
  print: (line: string) => void,
): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target, {
      progress({ totalPages, remainingPages }) {
        print(`  ${name}: ${totalPages - remainingPages}/${totalPages} trang`);
        return 1000;
      },
    });
  } finally {
    db.close();
  }
}

/**
 * Copies the embedded default's SQLite files into `out` with SQLite's online backup (better-sqlite3
 * `backup()`), page by page, consistent even while the service writes: never a file copy of a live
 * WAL database. The key folder is not copied: keep it apart (offline media), or the backup is as
 * good as the keys. Files are written 0600 in a 0700 folder; progress goes to `print`.
 */
export async function runBackup(config: Config, out: string, print: (line: string) => void): Promise<void> {
  if (inside(out, config.DACXA_DATA_DIR) || inside(out, keyDir(config)))
    throw new Error(
      `Thư mục sao lưu phải nằm ngoài thư mục dữ liệu và thư mục khóa (backup folder inside the data or key folder): ${out}`,
    );
  mkdirSync(out, { recursive: true, mode: 0o700 });
  for (const name of BACKED_UP) {
    const source = join(config.DACXA_DATA_DIR, name);
    if (!existsSync(source)) continue;
    const target = join(out, name);
    if (existsSync(target))
      throw new Error(`Đã có tệp ${target}: chọn thư mục sao lưu mới (the backup folder already holds it)`);
    await onlineCopy(source, target, name, print);
    chmodSync(target, 0o600);
    print(`Đã sao lưu ${name} → ${target}`);
  }
  print(`Khóa (${keyDir(config)}) không nằm trong bản sao lưu: cất giữ riêng.`);
}
