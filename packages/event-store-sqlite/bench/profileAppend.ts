import { getSqliteEventStore } from '../src/index.js';
import { visitEvent } from './fixtures.js';
const store = getSqliteEventStore({ path: '/tmp/prof.sqlite' });
const batches = Array.from({ length: 300 }, (_, b) =>
  Array.from({ length: 100 }, (_, i) => visitEvent(b * 100 + i)),
);
const t = performance.now();
for (let b = 0; b < 300; b++) await store.append(`case-b${b}`, batches[b]!);
console.log(30000 / ((performance.now() - t) / 1000));
await store.close();
