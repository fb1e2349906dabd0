import { describe, expect, it } from 'vitest';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { ReportEvent } from './events.js';
import {
  REPORT_RULES,
  decideReport,
  evolveReport,
  initialReportState,
  type ReportCommand,
  type ReportState,
} from './report.js';

const given = givenWhenThen<ReportCommand, ReportEvent, ReportState>({
  decide: decideReport,
  evolve: evolveReport,
  initialState: initialReportState,
});
const meta = (role: Role, unit: string): CommandMeta => ({
  actor: `u-${role}`,
  role,
  unit,
  now: '2025-08-01T02:00:00Z',
});
const requested: ReportEvent[] = [
  {
    type: 'ReportRequested',
    data: {
      reportId: '0192f5c4-0000-7000-8000-0000000000d1',
      template: 'PLAN_RESULT',
      period: 'Đặc xá 2025 đợt 2',
      reportingUnit: 'phong-vhxh-an-khanh',
      recipientUnit: 'ubnd-xa-an-khanh',
      channelUnit: 'ca-xa-an-khanh',
      dueDate: '2025-09-04',
      requestedOn: '2025-07-28',
    },
  },
];
const submit = (submittedOn: string, unit = 'phong-vhxh-an-khanh'): ReportCommand => ({
  type: 'SubmitReport',
  data: { submittedOn, document: { number: '05/BC-VHXH', date: submittedOn } },
  meta: meta('commune-culture-office', unit),
});
const review = (type: 'AcceptReport' | 'ReturnReport', unit: string): ReportCommand =>
  type === 'AcceptReport'
    ? { type, data: { acceptedOn: '2025-09-04' }, meta: meta('commune-police', unit) }
    : {
        type,
        data: { returnedOn: '2025-09-04', reason: 'Thiếu số liệu việc làm' },
        meta: meta('commune-police', unit),
      };

describe('reports through a channel unit', () => {
  it('are submitted by the reporting unit only, late after the due date', () => {
    given(requested).when(submit('2025-09-03', 'ca-xa-an-khanh')).thenRefuses(REPORT_RULES.reporter);
    given(requested)
      .when(submit('2025-09-03'))
      .then((e) => expect(e[0]?.data).toMatchObject({ late: false, resubmission: false }));
    given(requested)
      .when(submit('2025-09-08'))
      .then((e) => expect(e[0]?.data).toMatchObject({ late: true }));
  });

  it('are accepted or returned by the channel (commune police), and resubmitted after a return', () => {
    const submitted = given(requested)
      .when(submit('2025-09-03'))
      .then(() => undefined);
    given([...requested, ...submitted])
      .when(review('AcceptReport', 'phong-kinh-te'))
      .thenRefuses(REPORT_RULES.receiver);
    const returned = given([...requested, ...submitted])
      .when(review('ReturnReport', 'ca-xa-an-khanh'))
      .then(() => undefined);
    given([...requested, ...submitted, ...returned])
      .when(submit('2025-09-05'))
      .then((e) => expect(e[0]?.data).toMatchObject({ resubmission: true, late: true }));
    given([...requested, ...submitted])
      .when(submit('2025-09-04'))
      .thenRefuses(REPORT_RULES.notOpen);
  });

  it('become overdue only while still owed', () => {
    const overdue: ReportCommand = {
      type: 'MarkReportOverdue',
      data: { detectedOn: '2025-09-05' },
      meta: meta('system', 'system'),
    };
    given(requested)
      .when(overdue)
      .then([{ type: 'ReportOverdue', data: { dueDate: '2025-09-04', detectedOn: '2025-09-05' } }]);
    const submitted = given(requested)
      .when(submit('2025-09-03'))
      .then(() => undefined);
    given([...requested, ...submitted])
      .when(overdue)
      .thenRefuses(REPORT_RULES.notOverdue);
  });

  it('are marked overdue by the system only: a village head cannot mark a commune report overdue', () => {
    for (const [role, unit] of [
      ['village-head', 'xa-an-khanh/thon-3'],
      ['commune-chair', 'ubnd-xa-an-khanh'],
      ['commune-police', 'ca-xa-an-khanh'],
      ['admin', 'he-thong'],
    ] as const)
      given(requested)
        .when({ type: 'MarkReportOverdue', data: { detectedOn: '2025-09-05' }, meta: meta(role, unit) })
        .thenRefuses(REPORT_RULES.overdueBySystem);
  });
});
