import { beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '@dacxa/event-store';
import { REPORTS, defaultPeriod } from './definitions.js';
import { generateReport } from './generateReport.js';
import { latestCompletePeriod, parsePeriod } from './period.js';
import { scenarioStore } from './testing/scenarioStore.js';

let store: EventStore;
beforeAll(async () => {
  store = await scenarioStore({ people: 5 });
});

describe('periods', () => {
  it('reads a month as its first and last day, labelled as a title writes it', () => {
    expect(parsePeriod('2025-09')).toEqual({
      code: '2025-09',
      kind: 'month',
      from: '2025-09-01',
      to: '2025-09-30',
      label: 'tháng 9 năm 2025',
    });
    expect(parsePeriod('2024-02').to).toBe('2024-02-29');
    for (const bad of ['2025-13', '2025-00', '2025-9', '2025-Q5'])
      expect(() => parsePeriod(bad)).toThrow(/Kỳ báo cáo/);
  });

  it('takes the latest complete month, across a year’s end', () => {
    expect(latestCompletePeriod('month', '2025-10-03').code).toBe('2025-09');
    expect(latestCompletePeriod('month', '2026-01-01').code).toBe('2025-12');
    expect(latestCompletePeriod('quarter', '2025-10-03').code).toBe('2025-Q3');
  });

  it('defaults each report to the latest complete period of its first kind', () => {
    const today = '2025-11-03';
    expect(defaultPeriod(REPORTS['hcd-12']!, today).code).toBe('2025-10');
    expect(defaultPeriod(REPORTS['hcd-09']!, today).code).toBe('2025-Q3');
    expect(defaultPeriod(REPORTS['hcd-13']!, today).code).toBe('2025-Q3');
  });

  it('refuses a period a report does not offer', async () => {
    const ask = (id: string, period: string) =>
      generateReport(store, { id, unit: 'xa-an-khanh', period, format: 'json', generatedAt: new Date() });
    await expect(ask('hcd-12', '2025-Q3')).rejects.toMatchObject({ code: 'ERR_BAD_PERIOD' });
    await expect(ask('hcd-13', '2025-09')).rejects.toMatchObject({ code: 'ERR_BAD_PERIOD' });
    await expect(ask('hcd-09', '2025')).rejects.toMatchObject({ code: 'ERR_BAD_PERIOD' });
  });
});
