import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import type { CaseFileDoc } from '@dacxa/read-models';
import { computeHcd13 } from './hcd13.js';
import { parsePeriod } from './period.js';
import { scenarioStore } from './testing/scenarioStore.js';
import { projectedViews } from './testing/views.js';

let store: EventStore;
let views: Awaited<ReturnType<typeof projectedViews>>;
let cases: CaseFileDoc[];
let head: bigint;
beforeAll(async () => {
  store = await scenarioStore();
  head = (await store.headPosition()) ?? 0n;
  views = await projectedViews(store);
  cases = await views.all<CaseFileDoc>('case-files', 'case_files');
});
afterAll(() => views.stop());

const year = parsePeriod('2025');
const of = (commune: string) => cases.filter((c) => c.communeCode === commune);
const managed = (docs: CaseFileDoc[]) =>
  docs.filter((c) => c.status === 'received' || c.status === 'supervised');

async function firstEvent(type: string): Promise<RecordedEvent> {
  for await (const e of store.readAll()) if (e.type === type) return e;
  throw new Error(type);
}

describe('HCD-13 computed from the log', () => {
  it('counts what the case-file view holds for the commune, over a period covering every event', async () => {
    const data = await computeHcd13(store, { unit: 'xa-an-khanh', period: year, at: head });
    const mine = of('xa-an-khanh');
    expect(data.position).toBe(head.toString());
    expect(data.total.managed).toBe(managed(mine).length);
    expect(data.total.supervised).toBe(mine.filter((c) => c.status === 'supervised').length);
    expect(data.total.expected).toBe(mine.filter((c) => c.status === 'expected').length);
    expect(data.total.byGroup.unclassified).toBe(managed(mine).filter((c) => c.group === null).length);
    expect(data.total.violations).toBe(mine.reduce((n, c) => n + c.violations, 0));
    expect(data.total.visits).toBe(mine.reduce((n, c) => n + c.visits, 0));
    expect(data.total.closed).toBe(mine.filter((c) => c.status === 'closed').length);
    expect(data.total.transferredOut).toBe(mine.filter((c) => c.toCommune !== null).length);
    expect(data.total.loansApproved).toBe(
      mine.flatMap((c) => Object.values(c.loans)).filter((s) => s === 'APPROVED').length,
    );
    expect(data.total.managed).toBeGreaterThan(0);
  });

  it('holds nothing of another commune or province in a commune’s report', async () => {
    const data = await computeHcd13(store, { unit: 'xa-an-khanh', period: year, at: head });
    expect(data.byArea.map((a) => a.code)).toEqual(['xa-an-khanh']);
    const other = await computeHcd13(store, { unit: 'xa-thi-diem', period: year, at: head });
    expect(other.total.managed).toBe(managed(of('xa-thi-diem')).length);
    expect(JSON.stringify(data)).not.toContain('xa-thi-diem');
    expect(JSON.stringify(data)).not.toContain('phuong-le-chan');
  });

  it('sums the province’s communes and wards, one row each', async () => {
    const data = await computeHcd13(store, { unit: 'tp-hai-phong', period: year, at: head });
    expect(data.byArea.map((a) => a.code)).toEqual(['phuong-le-chan', 'xa-an-khanh']);
    expect(data.total.managed).toBe(managed([...of('xa-an-khanh'), ...of('phuong-le-chan')]).length);
    expect(data.total.transferredIn).toBe(1);
  });

  it('gives the earlier figures at an earlier position', async () => {
    const closing = await firstEvent('CaseClosed');
    const before = await computeHcd13(store, {
      unit: 'xa-an-khanh',
      period: year,
      at: closing.position - 1n,
    });
    const after = await computeHcd13(store, { unit: 'xa-an-khanh', period: year, at: closing.position });
    expect(before.total.closed).toBe(0);
    expect(after.total.closed).toBe(1);
    expect(after.total.closedByReason).toEqual({ MOVED: 1 });
  });

  it('counts flows only within the period and stock as at its last day', async () => {
    const q3 = await computeHcd13(store, { unit: 'xa-an-khanh', period: parsePeriod('2025-Q3'), at: head });
    const q4 = await computeHcd13(store, { unit: 'xa-an-khanh', period: parsePeriod('2025-Q4'), at: head });
    // The transfer and the closure are of October (Q4); receptions are of September (Q3).
    expect([q3.total.closed, q4.total.closed]).toEqual([0, 1]);
    expect(q3.total.received).toBeGreaterThan(0);
    expect(q4.total.received).toBe(0);
    expect(q3.total.managed).toBe(q4.total.managed + 1);
  });
});
