// The views file's writer thread: projections' commits on its own connection, so that the
// request thread only serialises documents and hears back.
import Database from 'better-sqlite3';
import { serveWrites, writerOptions } from '@dacxa/writer-thread/serve';
import { createDocumentWrites, type DocumentWrite } from '../documentWrites.js';

const { path, synchronous } = writerOptions<{ path: string; synchronous: 'FULL' | 'NORMAL' }>();
const db = new Database(path);
db.pragma(`synchronous = ${synchronous}`);
const writes = createDocumentWrites(db);

serveWrites<DocumentWrite>(
  (batch) => writes.group(batch),
  () => db.close(),
);
