import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { MasterKeyError } from './errors.js';

/** A data key wrapped by a master key: which master key, and the wrapped bytes. */
export interface WrappedKey {
  keyId: string;
  wrapped: Buffer;
}

/**
 * Wraps and unwraps per-person data keys. The local provider holds the master keys itself; an
 * external key service (a KMS or HSM) implements the same two calls.
 */
export interface MasterKeyProvider {
  /** The key new data keys are wrapped with. */
  readonly currentKeyId: string;
  wrap(dataKey: Buffer): Promise<WrappedKey>;
  unwrap(key: WrappedKey): Promise<Buffer>;
}

const KEY_BYTES = 32;

/** Master keys held in process memory, e.g. from a file or the environment; the first is current. */
export function localMasterKeys(keys: ReadonlyArray<{ id: string; key: Buffer }>): MasterKeyProvider {
  const first = keys[0];
  if (!first) throw new MasterKeyError('Chưa cấu hình khóa chủ', 'no master key configured');
  for (const { id, key } of keys) {
    if (key.length !== KEY_BYTES) {
      throw new MasterKeyError(
        `Khóa chủ ${id} phải dài 32 byte`,
        `master key ${id} must be 32 bytes (base64 of 32 bytes)`,
      );
    }
  }
  const byId = new Map(keys.map(({ id, key }) => [id, key]));
  return {
    currentKeyId: first.id,
    async wrap(dataKey) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', first.key, iv);
      cipher.setAAD(Buffer.from(`dacxa-wrap|${first.id}`));
      const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return { keyId: first.id, wrapped: Buffer.concat([iv, body, cipher.getAuthTag()]) };
    },
    async unwrap({ keyId, wrapped }) {
      const master = byId.get(keyId);
      if (!master) {
        throw new MasterKeyError(
          `Không có khóa chủ ${keyId} để mở khóa dữ liệu`,
          `master key ${keyId} is not configured`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', master, wrapped.subarray(0, 12));
        decipher.setAAD(Buffer.from(`dacxa-wrap|${keyId}`));
        decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
        return Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]);
      } catch {
        throw new MasterKeyError(
          `Khóa chủ ${keyId} không đúng`,
          `master key ${keyId} is wrong: it did not seal this key store`,
        );
      }
    },
  };
}

/**
 * Parses master keys as configured: `id:base64,id:base64` (the first is current), or one bare
 * base64 key (id `k1`). Every problem is a MasterKeyError naming it.
 */
export function parseMasterKeys(text: string | undefined): Array<{ id: string; key: Buffer }> {
  if (text === undefined || text.trim() === '') {
    throw new MasterKeyError(
      'Thiếu khóa chủ: đặt DACXA_MASTER_KEY hoặc tệp khóa',
      'missing master key: set DACXA_MASTER_KEY or a key file',
    );
  }
  return text.split(',').map((entry, i) => {
    const [id, encoded] = entry.includes(':')
      ? (entry.split(':', 2) as [string, string])
      : [`k${i + 1}`, entry];
    const key = Buffer.from(encoded.trim(), 'base64');
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(id.trim()))
      throw new MasterKeyError(`Mã khóa chủ không hợp lệ: ${id}`, `invalid master key id: ${id}`);
    return { id: id.trim(), key };
  });
}

/** A new random master key, base64: for the embedded default's first run and for rotation. */
export function generateMasterKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}
