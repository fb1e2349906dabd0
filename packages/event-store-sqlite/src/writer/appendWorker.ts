// The event store's writer thread: the group commit of appends, on its own connection to the
// file, so that its fsync never blocks the thread that serves requests.
import Database from 'better-sqlite3';
import type { Outcome } from '@dacxa/writer-thread';
import { serveWriter, writerOptions } from '@dacxa/writer-thread/serve';
import type { AppendResult } from '@dacxa/event-store';
import { createCommitGroup } from '../commitGroup.js';
import { prepareStatements } from '../statements.js';
import { encodeAppendError } from './appendCodec.js';
import type { AppendWriterOptions, ThreadedAppend } from './threadedCommit.js';

const { path, synchronous, busyTimeoutMs } = writerOptions<AppendWriterOptions>();
const db = new Database(path, { timeout: busyTimeoutMs });
db.pragma(`synchronous = ${synchronous}`);
const commitGroup = createCommitGroup(db, prepareStatements(db));

serveWriter<ThreadedAppend, AppendResult>(
  (batch) => {
    // The group is recorded at the latest time any of its callers asked: never before a caller.
    const recordedAt = batch.reduce((at, r) => (r.recordedAt > at ? r.recordedAt : at), '');
    try {
      return commitGroup(batch, recordedAt).map((o): Outcome<AppendResult> =>
        o.ok ? { ok: true, value: o.result } : { ok: false, error: encodeAppendError(o.error) },
      );
    } catch (error) {
      const failed = { ok: false as const, error: encodeAppendError(error) };
      return batch.map(() => failed);
    }
  },
  () => db.close(),
);
