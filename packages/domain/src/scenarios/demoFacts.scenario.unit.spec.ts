import { beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import type { DomainEvent } from '../shared/defineEvent.js';
import { GRANT_DECISION_2025 } from './anKhanhPlan.js';
import { AN_KHANH_PLAN, runAnKhanh } from './anKhanhScript.js';
import { OTHER_COMMUNE, otherProvinceCaseId, runOtherProvince } from './otherProvinceScript.js';
import { runProvince2024 } from './province2024Script.js';
import { runnerOf, scenarioLog } from './scenarioLog.js';

const log = scenarioLog();
beforeAll(async () => {
  await runProvince2024(runnerOf(log), { granted: 2, openCases: true });
  await runAnKhanh(runnerOf(log), { people: 8 });
  await runOtherProvince(runnerOf(log));
});

/** Every paper reference ({ number, date }) anywhere in an event's data. */
function docRefs(value: unknown): Array<{ number: string; date: string }> {
  if (Array.isArray(value)) return value.flatMap(docRefs);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.number === 'string' && typeof record.date === 'string' ? [record as never] : [];
  return [...own, ...Object.values(record).flatMap(docRefs)];
}

type Notice = { source: string; roundId?: string; notice: { date: string }; receivedOn: string };
const notices = () =>
  log
    .all()
    .filter((e: DomainEvent) => e.type === 'ReleaseNoticeReceived')
    .map((e) => e.data as Notice);

const grantDecisionOf = (roundId: string) =>
  (
    log.events('round', roundId).find((e) => e.type === 'AmnestyGrantDecisionIssued')?.data as
      { decision: { date: string } } | undefined
  )?.decision.date ?? null;

describe('the demo’s facts are possible', () => {
  it('dates no amnesty notice before the grant decision it announces, nor receives one before it is dated', () => {
    const amnesty = notices().filter((n) => n.source === 'AMNESTY');
    expect(amnesty.length).toBeGreaterThan(10);
    for (const n of amnesty) {
      const granted = n.roundId ? grantDecisionOf(n.roundId) : GRANT_DECISION_2025.date;
      expect(granted).not.toBeNull();
      expect(n.notice.date >= (granted ?? '')).toBe(true);
      expect(n.receivedOn >= n.notice.date).toBe(true);
    }
  });

  it('writes each President’s decision one way everywhere: as the known rounds write it', () => {
    const numbers = log.all().flatMap((e) => docRefs(e.data).map((d) => d.number));
    const roundDecisions = Object.values(KNOWN_ROUNDS).map((r) => r.decision);
    for (const decision of roundDecisions) {
      const serial = decision.split('/')[0]!;
      const written = numbers.filter((n) => n.startsWith(`${serial}/`) && n.includes('CTN'));
      expect(new Set(written).size).toBeLessThanOrEqual(1);
      if (written.length > 0) expect(written[0]).toBe(decision);
    }
    const plan = log.events('plan', AN_KHANH_PLAN)[0]?.data as { legalBases: unknown[] };
    expect(plan.legalBases).toContainEqual({ number: KNOWN_ROUNDS['2025-2']!.decision, date: '2025-07-03' });
  });

  it('keeps a few cases in the second province’s commune, at different stages', () => {
    const cases = [1, 2, 3].map((n) => log.state('case', otherProvinceCaseId(n)));
    expect(cases.map((c) => c.status)).toEqual(['received', 'supervised', 'expected']);
    for (const c of cases) expect(c).toMatchObject({ communeCode: OTHER_COMMUNE });
  });
});
