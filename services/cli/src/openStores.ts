import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import {
  createDataKeys,
  createSealer,
  generateMasterKey,
  getSealingEventStore,
  localMasterKeys,
  parseMasterKeys,
} from '@dacxa/protection';
import { getSqliteKeyStore } from '@dacxa/protection/sqlite';
import type { CliConfig } from './config.js';

/**
 * The master key: from DACXA_MASTER_KEY, or for the embedded default a key generated on first run
 * and kept in DATA_DIR/master.key (owner-only). A deployment sets the variable or a KMS instead.
 */
function masterKeyText(config: CliConfig): string {
  if (config.DACXA_MASTER_KEY) return config.DACXA_MASTER_KEY;
  const file = join(config.DACXA_DATA_DIR, 'master.key');
  if (!existsSync(file)) writeFileSync(file, `k1:${generateMasterKey()}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** The embedded default: events and keys in two SQLite files, personal data sealed before the event file. */
export async function openStores(config: CliConfig, logger: Logger) {
  mkdirSync(config.DACXA_DATA_DIR, { recursive: true });
  const keys = createDataKeys(
    getSqliteKeyStore(join(config.DACXA_DATA_DIR, 'keys.sqlite')),
    localMasterKeys(parseMasterKeys(masterKeyText(config))),
  );
  try {
    await keys.verifyMasterKey();
  } catch (error) {
    await keys.close();
    throw error;
  }
  const sealer = createSealer(keys);
  const events = getSqliteEventStore({ path: join(config.DACXA_DATA_DIR, 'dacxa.sqlite') });
  const store = getSealingEventStore(events, sealer, logger);
  return {
    store,
    sealer,
    keys,
    async close(): Promise<void> {
      await store.close();
      await keys.close();
    },
  };
}
