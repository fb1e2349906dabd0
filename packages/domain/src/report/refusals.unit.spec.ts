import { describe, it } from 'vitest';
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
  actor: 'u',
  role,
  unit,
  now: '2025-08-01T02:00:00Z',
});
const request = (unit: string): ReportCommand => ({
  type: 'RequestReport',
  data: {
    reportId: '0192f5c4-0000-7000-8000-0000000000d9',
    template: 'HCD-12',
    period: '2025-08',
    reportingUnit: 'ca',
    recipientUnit: 'ca-tinh',
    dueDate: '2025-09-05',
    requestedOn: '2025-08-01',
  },
  meta: meta('provincial-police', unit),
});
const accept: ReportCommand = {
  type: 'AcceptReport',
  data: { acceptedOn: '2025-09-04' },
  meta: meta('provincial-police', 'ca-tinh'),
};
const consolidate: ReportCommand = {
  type: 'ConsolidateReport',
  data: { intoReportId: '0192f5c4-0000-7000-8000-0000000000da', consolidatedOn: '2025-09-06' },
  meta: meta('provincial-police', 'ca-tinh'),
};

describe('report refusals', () => {
  it('are requested once, by their recipient', () => {
    given().when(request('ca-khac')).thenRefuses(REPORT_RULES.requester);
    const requested = given()
      .when(request('ca-tinh'))
      .then(() => undefined);
    given(requested).when(request('ca-tinh')).thenRefuses(REPORT_RULES.exists);
  });

  it('cannot be reviewed before submission or consolidated before acceptance, nor touched before a request', () => {
    given().when(accept).thenRefuses(REPORT_RULES.none);
    const requested = given()
      .when(request('ca-tinh'))
      .then(() => undefined);
    given(requested).when(accept).thenRefuses(REPORT_RULES.notAwaitingReview);
    given(requested).when(consolidate).thenRefuses(REPORT_RULES.notAccepted);
  });
});
