import { join } from 'node:path';
import type { NewEvent } from '@dacxa/event-store';
import { getSqliteEventStore, type SqliteEventStore } from '../src/index.js';
import { visitEvent } from './fixtures.js';
import { openRaw, rawRow, type RawRow } from './rawBaseline.js';

/** 50-event streams, as many as the event count needs (20,000 for 1M events). */
export const STREAM_LENGTH = 50;
const STREAMS_AT_ONCE = 100;

const progress = (label: string, done: number, total: number): void => {
  process.stderr.write(`\r  ${label}: ${Math.round((done / total) * 100)}%   `);
  if (done === total) process.stderr.write('\n');
};

/** Fills dacxa's store through its own append path (group commits of 100 streams × 50 events). */
export async function fillOurs(dir: string, events: number): Promise<SqliteEventStore> {
  const store = getSqliteEventStore({ path: join(dir, 'dacxa-read.sqlite'), synchronous: 'NORMAL' });
  const streams = events / STREAM_LENGTH;
  for (let s = 0; s < streams; s += STREAMS_AT_ONCE) {
    await Promise.all(
      Array.from({ length: Math.min(STREAMS_AT_ONCE, streams - s) }, (_, k) => {
        const batch: NewEvent[] = Array.from({ length: STREAM_LENGTH }, (_, i) =>
          visitEvent((s + k) * STREAM_LENGTH + i),
        );
        return store.append(`case-${s + k}`, batch);
      }),
    );
    progress('filling dacxa', Math.min(s + STREAMS_AT_ONCE, streams), streams);
  }
  return store;
}

/** Fills the raw table with rows of the same size, interleaved across streams in the same way. */
export function fillRaw(dir: string, events: number): ReturnType<typeof openRaw> {
  const raw = openRaw(join(dir, 'raw-read.sqlite'), 'NORMAL');
  const streams = events / STREAM_LENGTH;
  for (let s = 0; s < streams; s += STREAMS_AT_ONCE) {
    const rows: RawRow[] = [];
    for (let k = 0; k < Math.min(STREAMS_AT_ONCE, streams - s); k++) {
      for (let i = 0; i < STREAM_LENGTH; i++)
        rows.push(rawRow(`case-${s + k}`, i, visitEvent((s + k) * STREAM_LENGTH + i)));
    }
    raw.insertMany(rows);
    progress('filling raw', Math.min(s + STREAMS_AT_ONCE, streams), streams);
  }
  return raw;
}
