import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runEventStoreContract } from '@dacxa/event-store/contract';
import { getSqliteEventStore } from './sqliteEventStore.js';

const dir = mkdtempSync(join(tmpdir(), 'dacxa-contract-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runEventStoreContract('sqlite', {
  open: () => Promise.resolve(getSqliteEventStore({ path: join(dir, `store-${files++}.sqlite`) })),
});

// As `dacxa serve` runs it: appends committed on the writer thread, reads on this one.
runEventStoreContract('sqlite, writes on a writer thread', {
  open: () =>
    Promise.resolve(getSqliteEventStore({ path: join(dir, `store-${files++}.sqlite`), writerThread: true })),
});
