// The key file's writer thread: new people's wrapped keys committed (fsync) off the request thread.
import Database from 'better-sqlite3';
import { errorData } from '@dacxa/writer-thread';
import { serveWriter, writerOptions } from '@dacxa/writer-thread/serve';
import { createKeyWrites, type KeyWrite } from '../keyWrites.js';

const { path } = writerOptions<{ path: string }>();
const db = new Database(path);
db.pragma('synchronous = FULL');
db.pragma('secure_delete = ON');
const writes = createKeyWrites(db);

serveWriter<KeyWrite, null>(
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
