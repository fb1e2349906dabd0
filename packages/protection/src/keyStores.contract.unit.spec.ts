import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKeyStoreContract } from './contract/keyStoreContract.js';
import { getInMemoryKeyStore } from './keyStore.js';
import { getSqliteKeyStore } from './sqliteKeyStore.js';

runKeyStoreContract('in-memory', async () => getInMemoryKeyStore());
runKeyStoreContract('sqlite', async () =>
  getSqliteKeyStore(join(mkdtempSync(join(tmpdir(), 'dacxa-keys-')), 'k.sqlite')),
);
// As `dacxa serve` runs it: writes committed on the writer thread, reads on this one.
runKeyStoreContract('sqlite, writes on a writer thread', async () =>
  getSqliteKeyStore(join(mkdtempSync(join(tmpdir(), 'dacxa-keys-')), 'k.sqlite'), { writerThread: true }),
);
