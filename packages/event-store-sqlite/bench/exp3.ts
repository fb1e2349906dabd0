import { getSqliteEventStore } from '../src/index.js';
import { visitEvent } from './fixtures.js';
import { openRaw, rawRow } from './rawBaseline.js';
const store = getSqliteEventStore({ path: '/tmp/exp3.sqlite', synchronous: 'NORMAL' });
const batches = Array.from({ length: 300 }, (_, b) =>
  Array.from({ length: 100 }, (_, i) => visitEvent(b * 100 + i)),
);
let t = performance.now();
for (let b = 0; b < 300; b++) await store.append(`case-b${b}`, batches[b]!);
console.log('ours batched total ms', Math.round(performance.now() - t), (globalThis as any).__t);
(globalThis as any).__t = {};
t = performance.now();
for (let i = 0; i < 3000; i++) await store.append(`case-s${i % 500}`, [visitEvent(i)]);
console.log('ours single total ms', Math.round(performance.now() - t), (globalThis as any).__t);
const raw = openRaw('/tmp/exp3raw.sqlite', 'NORMAL');
const rb = Array.from({ length: 300 }, (_, b) =>
  Array.from({ length: 100 }, (_, i) => rawRow(`case-rb${b}`, i, visitEvent(b * 100 + i))),
);
t = performance.now();
for (const rows of rb) raw.insertMany(rows);
console.log('raw batched ms', Math.round(performance.now() - t));
const rs = Array.from({ length: 3000 }, (_, i) =>
  rawRow(`case-rs${i % 500}`, Math.floor(i / 500), visitEvent(i)),
);
t = performance.now();
for (const row of rs) raw.insertOne(row);
console.log('raw single ms', Math.round(performance.now() - t));
