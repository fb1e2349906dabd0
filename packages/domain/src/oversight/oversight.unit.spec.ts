import { describe, expect, it } from 'vitest';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { OversightEvent } from './events.js';
import {
  OVERSIGHT_RULES,
  decideOversight,
  evolveOversight,
  initialOversightState,
  type OversightCommand,
  type OversightState,
} from './oversight.js';

const given = givenWhenThen<OversightCommand, OversightEvent, OversightState>({
  decide: (c, s) => decideOversight(c, s),
  evolve: evolveOversight,
  initialState: initialOversightState,
});
const meta = (role: Role, unit: string): CommandMeta => ({
  actor: `u-${role}`,
  role,
  unit,
  now: '2025-09-10T02:00:00Z',
});
const MATTER = '0192f5c4-0000-7000-8000-0000000000e1';
const REC = '0192f5c4-0000-7000-8000-0000000000e2';
const finding = (role: Role, unit: string): OversightCommand => ({
  type: 'RecordFinding',
  data: {
    matterId: MATTER,
    body: 'PROCURACY',
    bodyUnit: unit,
    scope: { kind: 'UNIT', ref: 'xa-an-khanh' },
    findings: 'Chậm lập hồ sơ quản lý 2 trường hợp',
    recordedOn: '2025-09-10',
  },
  meta: meta(role, unit),
});
const opened: OversightEvent[] = given()
  .when(finding('procuracy', 'vks-hai-phong'))
  .then(() => undefined);
const recommend: OversightCommand = {
  type: 'IssueRecommendation',
  data: {
    recommendationId: REC,
    kind: 'RECOMMENDATION',
    addresseeUnit: 'ubnd-xa-an-khanh',
    content: 'Lập hồ sơ đúng hạn',
    issuedOn: '2025-08-27',
    responseDays: 5,
    dayKind: 'CALENDAR',
    document: { number: '12/KN-VKS', date: '2025-08-27' },
  },
  meta: meta('procuracy', 'vks-hai-phong'),
};

describe('oversight matters', () => {
  it('are opened only by the procuracy or the Front', () => {
    given().when(finding('commune-police', 'vks-hai-phong')).thenRefuses(OVERSIGHT_RULES.bodiesOnly);
  });

  it('carry recommendations whose response is due over the holiday calendar', () => {
    // 27/08/2025 + 5 calendar days = 01/09, National Day: due Wednesday 03/09.
    given(opened)
      .when(recommend)
      .then((e) => expect(e[0]?.data).toMatchObject({ responseDue: '2025-09-03' }));
    given(opened)
      .when({ ...recommend, meta: meta('procuracy', 'vks-khac') })
      .thenRefuses(OVERSIGHT_RULES.ownMatter);
  });

  it('take one response, from the addressee only, marked late after the due date', () => {
    const issued = [
      ...opened,
      ...given(opened)
        .when(recommend)
        .then(() => undefined),
    ];
    const respond = (unit: string, respondedOn: string): OversightCommand => ({
      type: 'RespondToRecommendation',
      data: {
        recommendationId: REC,
        respondedOn,
        content: 'Đã khắc phục',
        document: { number: '40/BC-UBND', date: respondedOn },
      },
      meta: meta('commune-chair', unit),
    });
    given(issued).when(respond('ubnd-xa-khac', '2025-09-02')).thenRefuses(OVERSIGHT_RULES.addressee);
    const answered = given(issued)
      .when(respond('ubnd-xa-an-khanh', '2025-09-04'))
      .then((e) => expect(e[0]?.data).toMatchObject({ late: true }));
    given([...issued, ...answered])
      .when(respond('ubnd-xa-an-khanh', '2025-09-05'))
      .thenRefuses(OVERSIGHT_RULES.answered);
  });
});
