// A CPU profile of a rebuild alone: writes a 200,000-event log once, then rebuilds in a second run.
//   npx tsx bench/profileRebuild.ts write /tmp/log.sqlite && node --import tsx --cpu-prof bench/profileRebuild.ts rebuild /tmp/log.sqlite
import { rmSync } from 'node:fs';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { ALL_PROJECTIONS, createProjectionEngine } from '@dacxa/read-models';
import { getSqliteDocumentStore } from '../src/index.js';
import { caseEvents, taskEvents } from './syntheticLog.js';

const [mode, path = '/tmp/log.sqlite'] = process.argv.slice(2);
const events = getSqliteEventStore({ path, synchronous: 'NORMAL' });
if (mode === 'write') {
  for (let n = 0; n < 28_000; n += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, k) => n + k).map((c) =>
        c % 100 === 0
          ? events.append(`task-t${c}`, taskEvents(c))
          : events.append(`case-c${c}`, caseEvents(c, 1 + (c % 3))),
      ),
    );
  }
} else {
  rmSync(`${path}.views`, { force: true });
  const documents = getSqliteDocumentStore({ path: `${path}.views`, synchronous: 'NORMAL' });
  const engine = createProjectionEngine({
    events,
    documents,
    projections: ALL_PROJECTIONS,
    batchSize: 2000,
  });
  const started = performance.now();
  engine.start();
  const head = (await events.headPosition()) ?? 0n;
  await engine.waitFor(head, 600_000);
  console.log(`${Math.round(Number(head) / ((performance.now() - started) / 1000))} events/s`);
  await engine.stop();
}
await events.close();
