import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testTree } from '../access/testTree.js';
import { DomainRefusal } from '../shared/rules.js';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { periodOf, previousPeriod, reportPeriod } from './periods.js';
import { REPORT_RULES, decideReport, initialReportState, type ReportCommand } from './report.js';
import { SCHEDULE_LOOKBACK_DAYS, scheduledRequest, scheduledRequests } from './schedule.js';

const tree = testTree();
const meta = (role: Role, unit: string): CommandMeta => ({
  actor: 'u',
  role,
  unit,
  now: '2026-12-01T02:00:00Z',
});
const reportId = '0192f5c4-0000-7000-8000-0000000000e1';

function requestOf(data: Record<string, unknown>, who: CommandMeta): ReportCommand {
  return { type: 'RequestReport', data, meta: who } as unknown as ReportCommand;
}

function refusedWith(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRefusal) return error.rule;
    throw error;
  }
  throw new Error('not refused');
}

describe('the reporting schedule (TT10 5; QĐ22 14(2)(c))', () => {
  it('owes each commune its monthly, quarterly, six-monthly and yearly reports and the Mẫu 01 list', () => {
    const owed = scheduledRequests(tree, '2026-12-01').filter((r) => r.key.includes(':xa-1:'));
    const current = owed.filter(
      (r) => r.period.startsWith('2026-12') || ['2026-Q4', '2026-H2', '2026'].includes(r.period),
    );
    expect(current.map((r) => `${r.template} ${r.period}`).sort()).toEqual([
      'HCD-09 2026-Q4',
      'HCD-12 2026-12',
      'HCD-13 2026',
      'HCD-13 2026-H2',
      'HCD-13 2026-Q4',
      'QD22-MAU-01 2026-12',
    ]);
    const mau01 = owed.find((r) => r.key === 'QD22-MAU-01:xa-1:2026-12');
    // The list goes from the commune police to the commune on the 5th, as QĐ22 14(2)(c) says.
    expect(mau01).toMatchObject({
      reportingUnit: 'xa-1/cong-an',
      recipientUnit: 'xa-1',
      dueDate: '2026-12-05',
      requestedOn: '2026-12-01',
      scheduled: { dueVerified: true },
    });
    // TT10 5 names the period, not the day: the default day is marked unverified.
    expect(owed.find((r) => r.key === 'HCD-12:xa-1:2026-12')).toMatchObject({
      reportingUnit: 'xa-1/cong-an',
      recipientUnit: 'tinh-a/cong-an',
      dueDate: '2027-01-05',
      scheduled: { dueVerified: false },
    });
  });

  it('goes back far enough to open what fell due while the service was down, and no further', () => {
    const owed = scheduledRequests(tree, '2026-12-01');
    const oldest = '2026-08-23';
    for (const r of owed) expect(r.dueDate >= oldest).toBe(true);
    expect(owed.some((r) => r.key === 'HCD-12:xa-1:2026-09')).toBe(true);
    expect(owed.some((r) => r.key === 'HCD-12:xa-1:2026-07')).toBe(false);
    expect(SCHEDULE_LOOKBACK_DAYS).toBe(100);
  });

  it('owes nothing for a period that began before the commune existed, or where it has no police', () => {
    expect(scheduledRequest(tree, 'xa-1', 'HCD-12', '2023-12')).toBeNull();
    expect(scheduledRequest(tree, 'tinh-a', 'HCD-12', '2026-12')).toBeNull();
    expect(scheduledRequest(tree, 'xa-1', 'HCD-12', '2026-Q4')).toBeNull();
  });

  it('every period code names its own first and last day, and steps back without gaps', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom('month' as const, 'quarter' as const, 'half' as const, 'year' as const),
        (day, kind) => {
          const date = day.toISOString().slice(0, 10);
          const period = reportPeriod(periodOf(kind, date));
          expect(period && period.from <= date && date <= period.to).toBe(true);
          const before = previousPeriod(period!);
          const next = new Date(`${before.to}T00:00:00Z`);
          next.setUTCDate(next.getUTCDate() + 1);
          expect(next.toISOString().slice(0, 10)).toBe(period!.from);
        },
      ),
    );
  });
});

describe('who may open a report', () => {
  const owed = scheduledRequest(tree, 'xa-1', 'HCD-12', '2026-12')!;
  const scheduled = {
    reportId,
    template: owed.template,
    period: owed.period,
    reportingUnit: owed.reportingUnit,
    recipientUnit: owed.recipientUnit,
    dueDate: owed.dueDate,
    requestedOn: owed.requestedOn,
    scheduled: owed.scheduled,
  };

  it('the clock records exactly what the schedule owes', () => {
    const [event] = decideReport(requestOf(scheduled, meta('system', 'he-thong')), initialReportState, {
      tree,
    });
    expect(event?.data).toMatchObject({
      template: 'HCD-12',
      period: '2026-12',
      scheduled: { dueVerified: false },
    });
  });

  it('refuses the clock any other due date, unit or template', () => {
    for (const changed of [
      { dueDate: '2027-01-20' },
      { recipientUnit: 'tinh-b/cong-an' },
      { template: 'ROUND_RESULT' },
      { scheduled: { dueVerified: true } },
    ])
      expect(
        refusedWith(() =>
          decideReport(
            requestOf({ ...scheduled, ...changed }, meta('system', 'he-thong')),
            initialReportState,
            { tree },
          ),
        ),
      ).toBe(REPORT_RULES.scheduleOnly.id);
  });

  it('refuses a person who claims a request is the schedule’s', () => {
    expect(
      refusedWith(() =>
        decideReport(requestOf(scheduled, meta('provincial-police', 'tinh-a/cong-an')), initialReportState, {
          tree,
        }),
      ),
    ).toBe(REPORT_RULES.scheduledBySystem.id);
  });

  it('lets the commune police open, unasked, a report it owes upward, and only upward (J3)', () => {
    const own = { ...scheduled, scheduled: undefined, template: 'HCD-13', period: '2026-11' };
    const [event] = decideReport(requestOf(own, meta('commune-police', 'xa-1/cong-an')), initialReportState, {
      tree,
    });
    expect(event?.data).toMatchObject({ unrequested: true, recipientUnit: 'tinh-a/cong-an' });
    const sideways = { ...own, recipientUnit: 'xa-2' };
    expect(
      refusedWith(() =>
        decideReport(requestOf(sideways, meta('commune-police', 'xa-1/cong-an')), initialReportState, {
          tree,
        }),
      ),
    ).toBe(REPORT_RULES.upward.id);
    const sameCommuneBody = { ...own, recipientUnit: 'xa-1/mat-tran' };
    expect(
      refusedWith(() =>
        decideReport(requestOf(sameCommuneBody, meta('commune-police', 'xa-1/cong-an')), initialReportState, {
          tree,
        }),
      ),
    ).toBe(REPORT_RULES.upward.id);
    const otherProvince = { ...own, recipientUnit: 'tinh-b/cong-an' };
    expect(
      refusedWith(() =>
        decideReport(requestOf(otherProvince, meta('commune-police', 'xa-1/cong-an')), initialReportState, {
          tree,
        }),
      ),
    ).toBe(REPORT_RULES.upward.id);
  });
});
