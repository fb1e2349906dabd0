// A CPU profile of 100-event appends: node --import tsx --cpu-prof bench/profileAppends.ts
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { getSqliteEventStore } from '../src/index.js';
import { benchDir, visitEvent } from './fixtures.js';

const dir = benchDir();
const store = getSqliteEventStore({ path: join(dir, 'profile.sqlite') });
const batches = Array.from({ length: 300 }, (_, b) =>
  Array.from({ length: 100 }, (_, i) => visitEvent(b * 100 + i)),
);
const started = performance.now();
for (const [b, batch] of batches.entries()) await store.append(`case-b${b}`, batch);
console.log(`${Math.round(30_000 / ((performance.now() - started) / 1000))} events/s`);
await store.close();
rmSync(dir, { recursive: true, force: true });
