// Test support: a small log with a transferred person, and bundles cut from it.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore, NewEvent } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import type { ExportFilter } from './bundleFormat.js';
import { exportBundle } from './exportBundle.js';
import { createLedger } from './ledger.js';
import type { TreeHeadSigner } from './treeHead.js';

const id = (n: number) => `0192f5c4-0004-7000-8000-${String(n).padStart(12, '0')}`;
/** Person 1's case at An Khánh, transferred to Lê Chân as case 2; person 3's case beside them. */
export const CASES = { origin: `case-${id(1)}`, continuation: `case-${id(2)}`, other: `case-${id(3)}` };
const at = (unit: string) => ({ actor: 'u-cax', role: 'commune-police', unit });
const visit = (n: number, unit = 'xa-an-khanh/cong-an'): NewEvent => ({
  type: 'VisitLogged',
  data: { visitedOn: '2025-09-15', place: 'HOME', n },
  metadata: at(unit),
  occurredAt: `2025-09-1${n % 10}T02:00:00.000Z`,
});

async function write(events: EventStore): Promise<void> {
  await events.append(CASES.origin, [
    { type: 'PersonReceived', data: { n: 0 }, metadata: at('xa-an-khanh/cong-an') },
  ]);
  await events.append(CASES.other, [
    { type: 'PersonReceived', data: { n: 1 }, metadata: at('xa-an-khanh/cong-an') },
  ]);
  for (let n = 1; n <= 4; n++) {
    await events.append(CASES.origin, [visit(n)]);
    await events.append(CASES.other, [visit(n + 10)]);
  }
  await events.append(CASES.origin, [
    {
      type: 'CaseTransferredOut',
      data: { toCommune: 'phuong-le-chan' },
      metadata: at('xa-an-khanh/cong-an'),
    },
  ]);
  await events.append(CASES.continuation, [
    {
      type: 'CaseTransferredIn',
      data: { caseId: id(2), fromCaseId: id(1) },
      metadata: at('phuong-le-chan/cong-an'),
    },
  ]);
  for (let n = 5; n <= 7; n++) {
    await events.append(CASES.continuation, [visit(n, 'phuong-le-chan/cong-an')]);
    await events.append(CASES.other, [visit(n + 10)]);
  }
}

/** Writes the log into `file` with a ledger signing every five events, and a head at the end. */
export async function writeTestLog(file: string, signer: TreeHeadSigner): Promise<void> {
  const events = getSqliteEventStore({ path: file });
  const ledger = createLedger({ events, signer, signEvery: 5 });
  ledger.start();
  await write(events);
  await ledger.caughtUp();
  await ledger.signNow();
  await ledger.stop();
  await events.close();
}

/** Cuts a bundle from the log in `file` into a new folder under `root`, as `dacxa export` does. */
export async function cut(file: string, signer: TreeHeadSigner, root: string, filter: ExportFilter = {}) {
  const events = getSqliteEventStore({ path: file });
  const ledger = createLedger({ events, signer });
  ledger.start();
  try {
    const dir = mkdtempSync(join(root, 'bundle-'));
    const manifest = await exportBundle({ events, ledger, signer, dir, filter });
    return { dir, manifest };
  } finally {
    await ledger.stop();
    await events.close();
  }
}
