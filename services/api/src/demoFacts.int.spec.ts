import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ancestorsAt, localDateAt, unitAt } from '@dacxa/domain';
import { GRANT_DECISION_2025, otherProvinceCaseId } from '@dacxa/domain/scenarios';
import type { RecordedEvent } from '@dacxa/event-store';
import { DEMO_TREE, DEMO_UNITS } from './seedDemo.js';
import { seededApp } from './testing/seededApp.js';

// The demo's geography and dates (issue 14): An Khánh under Hải Phòng, every unit there before
// anything is recorded in it, no notice before its grant decision, and a second province that
// Hải Phòng's tokens never see into.
const { province, commune, ward, otherProvince, otherProvinceCommune: otherCommune } = DEMO_UNITS;
let fixture: Awaited<ReturnType<typeof seededApp>>;
const events: RecordedEvent[] = [];
beforeAll(async () => {
  fixture = await seededApp();
  for await (const event of fixture.store.readAll()) events.push(event);
}, 60_000);
afterAll(() => fixture?.close());

type Data = Record<string, unknown>;
const dataOf = (e: RecordedEvent) => e.data as Data;
async function get(path: string, role: Parameters<typeof fixture.token>[0], unit: string) {
  const token = await fixture.token(role, unit);
  const reply = await fixture.app.inject({ url: path, headers: { authorization: `Bearer ${token}` } });
  return { status: reply.statusCode, body: reply.json<{ items?: Data[] }>() };
}

describe('the demo tree', () => {
  it('places An Khánh, its offices and Lê Chân ward under Hải Phòng city, as plan 1958/UBND-NC implies', async () => {
    const tree = await fixture.deps.tree.current();
    const byCode = new Map(DEMO_TREE.map((u) => [u.code, u]));
    expect(byCode.get(province)?.name).toBe('Thành phố Hải Phòng');
    expect(byCode.get(commune)).toMatchObject({ name: 'Xã An Khánh', parent: province });
    expect(ancestorsAt(tree, `${commune}/cong-an`, '2025-09-01')).toEqual([commune, province]);
    expect(ancestorsAt(tree, ward, '2025-10-06')).toEqual([province]);
    expect(ancestorsAt(tree, otherCommune, '2025-09-01')).toEqual([otherProvince]);
    expect(DEMO_TREE.some((u) => u.name.includes('Hà Nội'))).toBe(false);
  });

  it('has every unit an event names in the tree on the day the event happened', async () => {
    const tree = await fixture.deps.tree.current();
    const missing: string[] = [];
    for (const e of events) {
      const on = localDateAt(e.occurredAt);
      const d = dataOf(e);
      // The log's own entries (signed tree heads) are the system's, not any unit's.
      const actor = e.metadata.role === 'system' ? [] : [e.metadata.unit];
      const units = [...actor, d.communeCode, d.toCommune, d.destinationCommune, d.facilityId];
      for (const unit of units)
        if (typeof unit === 'string' && unit !== 'system' && !unitAt(tree, unit, on))
          missing.push(`${e.type} ${unit} ${on}`);
    }
    expect(events.length).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('dates no amnesty notice before the President’s grant decision', () => {
    const grants = new Map<string, string>();
    for (const e of events)
      if (e.type === 'AmnestyGrantDecisionIssued')
        grants.set(e.stream.slice('round-'.length), (dataOf(e).decision as { date: string }).date);
    const notices = events.filter(
      (e) => e.type === 'ReleaseNoticeReceived' && dataOf(e).source === 'AMNESTY',
    );
    expect(notices.length).toBeGreaterThan(30);
    for (const e of notices) {
      const d = dataOf(e) as { roundId?: string; notice: { date: string } };
      const granted = d.roundId ? grants.get(d.roundId) : GRANT_DECISION_2025.date;
      expect(granted).toBeDefined();
      expect(d.notice.date >= (granted ?? '')).toBe(true);
    }
    const sent = events.filter((e) => e.type === 'AmnestyNoticeSentToCommune');
    expect(sent.length).toBeGreaterThan(0);
    for (const e of sent) expect(String(dataOf(e).sentOn) >= [...grants.values()][0]!).toBe(true);
  });
});

describe('across provinces', () => {
  const other = otherProvinceCaseId(2);

  it('shows the second province’s commune police its own cases', async () => {
    const own = await get('/views/case-files?limit=50', 'commune-police', `${otherCommune}/cong-an`);
    expect(own.status).toBe(200);
    expect(own.body.items?.map((c) => c.communeCode)).toEqual([otherCommune, otherCommune, otherCommune]);
    expect((await get(`/cases/${other}/history`, 'commune-police', `${otherCommune}/cong-an`)).status).toBe(
      200,
    );
  });

  it('keeps them out of every list An Khánh’s and Hải Phòng’s tokens read', async () => {
    const callers: Array<[Parameters<typeof fixture.token>[0], string]> = [
      ['commune-police', `${commune}/cong-an`],
      ['commune-chair', commune],
      ['procuracy', 'vks-tinh'],
      ['auditor', 'thanh-tra-tinh'],
    ];
    for (const [role, unit] of callers) {
      const listed = await get('/views/case-files?limit=200', role, unit);
      expect(listed.status).toBe(200);
      expect(listed.body.items?.some((c) => c.communeCode === otherCommune)).toBe(false);
      expect((await get(`/views/case-files?unit=${otherCommune}`, role, unit)).status).toBe(403);
    }
  });

  it('answers An Khánh’s and Hải Phòng’s tokens about the other province’s case as about a missing one', async () => {
    for (const [role, unit] of [
      ['commune-police', `${commune}/cong-an`],
      ['procuracy', 'vks-tinh'],
    ] as const) {
      for (const path of [`/cases/${other}/history`, `/cases/${other}/timeline`])
        expect((await get(path, role, unit)).status).toBe(404);
    }
  });
});
