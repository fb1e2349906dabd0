// The views file's writer thread: projections' commits on its own connection, so that the
// request thread only serialises documents and hears back.
import Database from 'better-sqlite3';
import { errorData } from '@dacxa/writer-thread';
import { serveWriter, writerOptions } from '@dacxa/writer-thread/serve';
import { createDocumentWrites, type DocumentWrite } from '../documentWrites.js';

const { path, synchronous } = writerOptions<{ path: string; synchronous: 'FULL' | 'NORMAL' }>();
const db = new Database(path);
db.pragma(`synchronous = ${synchronous}`);
const writes = createDocumentWrites(db);

serveWriter<DocumentWrite, null>(
  (batch) => {
    try {
      return writes
        .group(batch)
        .map((error) => (error ? { ok: false, error: errorData(error) } : { ok: true, value: null }));
    } catch (error) {
      return batch.map(() => ({ ok: false, error: errorData(error) }));
    }
  },
  () => db.close(),
);
