import type { NewEvent } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { createLedger } from '../src/ledger.js';
import type { TreeHeadSigner } from '../src/treeHead.js';

const visit = (n: number): NewEvent => ({
  type: 'VisitLogged',
  data: { visitedOn: '2025-09-15', place: 'HOME', findings: 'Ổn định, đã có việc làm thời vụ', n },
  metadata: { actor: 'u-giup-do', role: 'supervisor', unit: 'xa-an-khanh' },
  occurredAt: '2025-09-15T02:00:00.000Z',
});

/**
 * A SQLite log of `count` events (50-event streams, appended 20 at a time) with a tree head signed
 * after every 1,000 events by a ledger running beside the writer, as `dacxa serve` leaves one.
 */
export async function fillSignedLog(
  file: string,
  count: number,
  signer: TreeHeadSigner,
  event: (n: number) => NewEvent = visit,
): Promise<void> {
  const events = getSqliteEventStore({ path: file, synchronous: 'NORMAL' });
  const ledger = createLedger({ events, signer, signEvery: 1_000, signEveryMs: 3_600_000 });
  ledger.start();
  let written = 0;
  for (let s = 0; written < count; s += 20) {
    const appends = [];
    for (let k = 0; k < 20 && written < count; k++) {
      const length = Math.min(50, count - written);
      const batch = Array.from({ length }, (_, i) => event(written + i));
      written += length;
      appends.push(events.append(`case-${s + k}`, batch));
    }
    await Promise.all(appends);
    // Keeps the heads about 1,000 events apart, as a live signer leaves them.
    await ledger.caughtUp(600_000);
    await ledger.signNow();
    if (written % 100_000 < 1_000) process.stderr.write(`\r  writing the log: ${written}   `);
  }
  await ledger.caughtUp(600_000);
  await ledger.signNow();
  await ledger.caughtUp(600_000);
  await ledger.stop();
  await events.close();
  process.stderr.write('\n');
}
