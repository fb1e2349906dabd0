import { getSqliteEventStore } from '../src/index.js';
import { visitEvent } from './fixtures.js';
const store = getSqliteEventStore({ path: '/tmp/prof2.sqlite' });
const t = performance.now();
await Promise.all(
  Array.from({ length: 64 }, async (_, c) => {
    for (let r = 0; r < 300; r++) await store.append(`case-c${c}`, [visitEvent(r)]);
  }),
);
console.log((64 * 300) / ((performance.now() - t) / 1000), store.metrics());
await store.close();
