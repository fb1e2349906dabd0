import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import {
  MasterKeyError,
  createDataKeys,
  localMasterKeys,
  parseMasterKeys,
  rotateMasterKey,
} from '@dacxa/protection';
import { keyDir, openKeyStore, openStores, type Config } from '@dacxa/runtime';

type MasterKey = { id: string; key: Buffer };
const serialise = (keys: MasterKey[]) => keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');

/** The embedded default's key file, replaced whole (0600) so a crash never leaves half a key. */
function writeKeyFile(file: string, keys: MasterKey[]): void {
  writeFileSync(`${file}.new`, `${serialise(keys)}\n`, { mode: 0o600 });
  renameSync(`${file}.new`, file);
}

/**
 * The new key as the file gives it (`id:base64`, or bare base64): a key already configured keeps
 * its id (a re-run after an interruption), a bare new one takes the first free `k<n>`.
 */
function newKeyOf(text: string, current: MasterKey[]): MasterKey {
  const [given] = parseMasterKeys(text);
  if (!given || parseMasterKeys(text).length !== 1)
    throw new MasterKeyError(
      'Tệp khóa mới phải chứa đúng một khóa',
      'the new key file must hold exactly one key',
    );
  const same = current.find((k) => k.key.equals(given.key));
  if (same) return same;
  if (!text.includes(':'))
    for (let n = 1; ; n++) if (!current.some((k) => k.id === `k${n}`)) return { id: `k${n}`, key: given.key };
  if (current.some((k) => k.id === given.id))
    throw new MasterKeyError(
      `Mã khóa chủ ${given.id} đã được dùng cho khóa khác`,
      `master key id ${given.id} is taken`,
    );
  return given;
}

/**
 * `dacxa rotate-master-key`: re-wraps every data key under the key in `newKeyFile`, with progress,
 * recorded in the log (MasterKeyRotationStarted, MasterKeyRotated). The embedded default's key file
 * holds both keys while it runs and only the new one once every key has moved; an interrupted run
 * is finished by running it again. Never offered over HTTP.
 */
export async function runRotateMasterKey(
  config: Config,
  logger: Logger,
  newKeyFile: string,
  print: (line: string) => void,
): Promise<void> {
  const file = join(keyDir(config), 'master.key');
  const embedded = config.DACXA_MASTER_KEY === undefined;
  if (embedded && !existsSync(file))
    throw new MasterKeyError('Chưa có khóa chủ để thay', `no master key yet (${file})`);
  const current = parseMasterKeys(config.DACXA_MASTER_KEY ?? readFileSync(file, 'utf8'));
  const next = newKeyOf(readFileSync(newKeyFile, 'utf8').trim(), current);
  const all = [next, ...current.filter((k) => k.id !== next.id)];
  // While keys move, a start (or a crash) finds both keys: every data key opens under one of them.
  if (embedded) writeKeyFile(file, all);
  const stores = await openStores(config, logger);
  const keys = createDataKeys(await openKeyStore(config), localMasterKeys(all));
  try {
    await keys.verifyMasterKey();
    let shown = -1;
    const result = await rotateMasterKey(
      stores.store,
      keys,
      {
        toKeyId: next.id,
        metadata: { actor: userInfo().username, role: 'admin', unit: 'he-thong' },
        now: () => new Date(),
      },
      (done, total) => {
        const percent = Math.floor((done / total) * 100);
        if (percent !== shown) print(`  … ${done}/${total} khóa dữ liệu (${percent}%)`);
        shown = percent;
      },
    );
    print(
      `${result.resumed ? 'Đã hoàn tất lần thay khóa bị gián đoạn' : 'Đã thay khóa chủ'}: ${result.rewrapped} khóa dữ liệu được bọc lại bằng khóa ${next.id}.`,
    );
  } finally {
    await keys.close();
    await stores.close();
  }
  if (embedded) {
    writeKeyFile(file, [next]);
    print(
      `Tệp khóa ${file} nay chỉ còn khóa ${next.id}; khóa cũ không còn cần để mở dữ liệu (giữ nó cho các bản sao lưu cũ của keys.sqlite).`,
    );
  } else
    print(
      `Đặt DACXA_MASTER_KEY=${next.id}:<khóa trong ${newKeyFile}> rồi khởi động lại; bỏ khóa cũ khỏi cấu hình.`,
    );
}
