import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideOversight } from '../oversight/oversight.js';
import { receivePerson, receiveReleaseNotice } from '../reintegration/decideReception.js';
import { quarterlyReportDeadline } from '../reintegration/quarters.js';
import { readStoredEvent } from '../catalogue/registry.js';
import { addDays } from '../shared/localDate.js';
import { BUILT_IN_CALENDAR } from './builtInCalendar.js';
import { dueDate } from './deadlines.js';
import { dueUnderRule } from './deadlineFact.js';
import { deadlineFactsOf } from './deadlineFactsOf.js';
import { DEADLINE_RULES } from './deadlineRules.js';

// Start dates over 2024–2027 (the years the built-in calendar covers), leaving room for the count.
const day = fc.integer({ min: 0, max: 4 * 365 - 40 }).map((n) => addDays('2024-01-01', n));
const meta = {
  actor: 'u-1',
  role: 'commune-police' as const,
  unit: 'xa-an-khanh',
  now: '2025-01-01T00:00:00Z',
};
const doc = { number: '1/TB', date: '2024-01-01' };

describe('the deadline rule table', () => {
  it('gives the dates the law states, as the deciders counted them before the table', () => {
    fc.assert(
      fc.property(day, (from) => {
        const on = (days: number, kind: 'WORKING' | 'CALENDAR') =>
          dueDate(from, { days, kind }, BUILT_IN_CALENDAR).date;
        const table = (rule: keyof typeof DEADLINE_RULES) => dueUnderRule(rule, from, BUILT_IN_CALENDAR).date;
        expect(table('case.verify-residence')).toBe(on(3, 'WORKING'));
        expect(table('case.open-file')).toBe(on(5, 'WORKING'));
        expect(table('case.supervisor-proposal')).toBe(on(3, 'WORKING'));
        expect(table('case.transfer-continue')).toBe(on(5, 'WORKING'));
        expect(table('dossier.complaint-resolution')).toBe(on(5, 'CALENDAR'));
        expect(table('round.complaint-window')).toBe(on(5, 'CALENDAR'));
        // The 15 days of LĐX 16(1) now end on a working day like every other "ngày" period (BLDS 148(5)).
        expect(table('round.appraisal')).toBe(on(15, 'CALENDAR'));
        expect(table('round.facility-list')).toBe(on(10, 'CALENDAR'));
      }),
    );
  });

  it('is what the deciders store, for random start dates in 2024–2027', () => {
    fc.assert(
      fc.property(day, (from) => {
        const [notice] = receiveReleaseNotice(
          { type: 'ReceiveReleaseNotice', data: { receivedOn: from } as never, meta },
          { status: 'none' },
          BUILT_IN_CALENDAR,
        );
        const data = notice?.data as { verifyBy: string; deadlines: unknown[] };
        expect(data.verifyBy).toBe(dueUnderRule('case.verify-residence', from, BUILT_IN_CALENDAR).date);
        const [opened] = deadlineFactsOf('ReleaseNoticeReceived', data);
        expect(opened?.fact).toMatchObject({ rule: 'case.verify-residence', from });
      }),
    );
  });

  it('is what a person reporting in, a recommendation and a quarterly report store', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 20 }), (from, days) => {
        const [reported] = receivePerson(
          {
            type: 'ReceivePerson',
            data: { reportedOn: from, certificate: doc, minutes: doc, commitmentSigned: true },
            meta,
          },
          { status: 'expected' } as never,
          BUILT_IN_CALENDAR,
        );
        expect(reported?.data).toMatchObject({
          fileDueBy: dueUnderRule('case.open-file', from, BUILT_IN_CALENDAR).date,
          supervisorDueBy: dueUnderRule('case.supervisor-proposal', from, BUILT_IN_CALENDAR).date,
        });
        const limit = { days, kind: 'CALENDAR' as const };
        const issued = decideOversight(
          {
            type: 'IssueRecommendation',
            data: {
              recommendationId: 'r',
              kind: 'REQUEST',
              addresseeUnit: 'x',
              content: 'c',
              issuedOn: from,
              responseDays: days,
              dayKind: 'CALENDAR',
              document: doc,
            },
            meta: { ...meta, role: 'procuracy', unit: 'vks' },
          } as never,
          { status: 'open', bodyUnit: 'vks', recommendations: {} } as never,
          BUILT_IN_CALENDAR,
        );
        expect(issued[0]?.data).toMatchObject({
          responseDue: dueUnderRule('oversight.response', from, BUILT_IN_CALENDAR, limit).date,
        });
      }),
    );
    expect(quarterlyReportDeadline('2026-Q4', BUILT_IN_CALENDAR)).toMatchObject({
      date: '2027-01-05',
      fact: { rule: 'case.quarterly-report', from: '2026-12-31', provisional: true },
    });
  });

  it('reads the facts of an event stored before facts were kept from its own fields', () => {
    const stored = readStoredEvent({
      type: 'ListsSentToAppraisal',
      schemaVersion: 1,
      data: {
        listIds: ['0192f5c4-0000-7000-8000-000000000001'],
        teamId: '0192f5c4-0000-7000-8000-000000000002',
        sentOn: '2024-08-20',
        appraisalDue: '2024-09-04',
      },
      metadata: { unit: 'trai-giam' },
    });
    expect(deadlineFactsOf(stored.type, stored.data as Record<string, unknown>)).toEqual([
      {
        fact: {
          rule: 'round.appraisal',
          from: '2024-08-20',
          calendarVersion: 'unrecorded',
          provisional: false,
        },
        opening: DEADLINE_RULES['round.appraisal'].opens[0],
        key: '0192f5c4-0000-7000-8000-000000000002',
      },
    ]);
  });

  it('is described rule by rule in docs/domain.md', () => {
    const text = readFileSync(new URL('../../../../docs/domain.md', import.meta.url), 'utf8');
    for (const id of Object.keys(DEADLINE_RULES)) expect(text).toContain(`\`${id}\``);
  });
});
