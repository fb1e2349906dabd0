// The key file's writer thread: new people's wrapped keys committed (fsync) off the request thread.
import Database from 'better-sqlite3';
import { serveWrites, writerOptions } from '@dacxa/writer-thread/serve';
import { createKeyWrites, type KeyWrite } from '../keyWrites.js';

const { path } = writerOptions<{ path: string }>();
const db = new Database(path);
db.pragma('synchronous = FULL');
db.pragma('secure_delete = ON');
const writes = createKeyWrites(db);

serveWrites<KeyWrite>(
  (batch) => writes.group(batch),
  () => db.close(),
);
