import { describe, expect, it } from 'vitest';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import {
  BREACH_RULES,
  decideBreach,
  evolveBreach,
  initialBreachState,
  type BreachCommand,
  type BreachState,
} from './breach.js';
import type { BreachEvent } from './events.js';

const given = givenWhenThen<BreachCommand, BreachEvent, BreachState>({
  decide: decideBreach,
  evolve: evolveBreach,
  initialState: initialBreachState,
});
const breachId = '0192f5c4-0000-7000-8000-0000000b0001';
const UNIT = 'xa-a/cong-an';
const meta = (now: string, role: Role = 'commune-police', unit = UNIT): CommandMeta => ({
  actor: 'u',
  role,
  unit,
  now,
});
const record = (
  now = '2026-12-01T09:00:00.000Z',
  detectedAt = '2026-12-01T08:30:00.000Z',
): BreachCommand => ({
  type: 'RecordBreach',
  data: {
    breachId,
    controllerUnit: UNIT,
    detectedAt,
    nature: 'UNAUTHORISED_ACCESS',
    dataCategories: ['IDENTITY', 'CRIMINAL'],
    peopleAffected: 12,
    description: 'Máy tính của cán bộ bị truy cập trái phép; đã ngắt mạng, đổi mật khẩu.',
  },
  meta: meta(now),
});
const recorded = () =>
  given([])
    .when(record())
    .then((e) => expect(e).toHaveLength(1));
const notify = (notifiedAt: string, now: string, lateReason?: string): BreachCommand => ({
  type: 'NotifyBreach',
  data: {
    notifiedAt,
    document: { number: '01/TB-CAX', date: notifiedAt.slice(0, 10) },
    ...(lateReason ? { lateReason } : {}),
  },
  meta: meta(now),
});

describe('a personal-data breach and its notice within 72 hours (Law 91/2025; Decree 356/2025 Art. 23)', () => {
  it('counts the 72 hours in clock hours from detection, whatever the sender says', () => {
    given([])
      .when(record())
      .then((e) => expect(e[0]?.data).toMatchObject({ notifyBy: '2026-12-04T08:30:00.000Z' }));
  });

  it('refuses a detection in the future and another unit’s breach', () => {
    given([])
      .when(record('2026-12-01T09:00:00.000Z', '2026-12-02T00:00:00.000Z'))
      .thenRefuses(BREACH_RULES.detectedInFuture);
    given([])
      .when({ ...record(), meta: meta('2026-12-01T09:00:00.000Z', 'commune-police', 'xa-b/cong-an') })
      .thenRefuses(BREACH_RULES.ownUnit);
  });

  it('records a notice on time, and asks for the reason of a late one', () => {
    const history = recorded();
    given(history)
      .when(notify('2026-12-04T08:00:00.000Z', '2026-12-04T08:05:00.000Z'))
      .then((e) => expect(e[0]?.data).toMatchObject({ late: false }));
    given(history)
      .when(notify('2026-12-04T08:31:00.000Z', '2026-12-04T09:00:00.000Z'))
      .thenRefuses(BREACH_RULES.lateReason);
    given(history)
      .when(notify('2026-12-04T08:31:00.000Z', '2026-12-04T09:00:00.000Z', 'Chờ xác minh phạm vi'))
      .then((e) => expect(e[0]?.data).toMatchObject({ late: true }));
    given(history)
      .when(notify('2026-12-01T08:00:00.000Z', '2026-12-01T09:00:00.000Z'))
      .thenRefuses(BREACH_RULES.notifiedBeforeDetection);
  });

  it('lets only the clock mark it overdue, only past the instant, and only once', () => {
    const history = recorded();
    const mark = (now: string, role: Role = 'system'): BreachCommand => ({
      type: 'MarkBreachNotificationOverdue',
      data: { notifyBy: '2026-12-04T08:30:00.000Z' },
      meta: meta(now, role, 'he-thong'),
    });
    given(history).when(mark('2026-12-04T08:29:59.000Z')).thenRefuses(BREACH_RULES.notOverdue);
    given(history)
      .when(mark('2026-12-04T09:00:00.000Z', 'commune-police'))
      .thenRefuses(BREACH_RULES.overdueBySystem);
    const marked = given(history)
      .when(mark('2026-12-04T09:00:00.000Z'))
      .then((e) => expect(e[0]?.type).toBe('BreachNotificationOverdue'));
    given([...history, ...marked])
      .when(mark('2026-12-04T10:00:00.000Z'))
      .thenRefuses(BREACH_RULES.notOverdue);
  });
});
