import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runDocumentStoreContract } from '@dacxa/read-models/contract';
import { getSqliteDocumentStore } from './sqliteDocumentStore.js';

const dir = mkdtempSync(join(tmpdir(), 'dacxa-rm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runDocumentStoreContract('sqlite', {
  open: () => Promise.resolve(getSqliteDocumentStore({ path: join(dir, 'views.sqlite') })),
});

// As `dacxa serve` runs it: commits on the writer thread, reads on this one.
runDocumentStoreContract('sqlite, writes on a writer thread', {
  open: () =>
    Promise.resolve(getSqliteDocumentStore({ path: join(dir, 'views-threaded.sqlite'), writerThread: true })),
});
