import { z } from 'zod';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { eventOf } from '../shared/defineEvent.js';
import { Instant } from '../shared/localDate.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';
import * as e from './events.js';

/** The notification is owed within 72 hours of detection, counted in clock hours (DOMAIN.md §9.3). */
export const NOTIFY_WITHIN_HOURS = 72;
const HOUR_MS = 3_600_000;

export const RecordBreach = defineCommand({
  type: 'RecordBreach',
  label: { vi: 'Ghi nhận vi phạm dữ liệu cá nhân', en: 'Record a personal-data breach' },
  schema: e.BreachRecorded.schema.omit({ notifyBy: true }),
});
export const NotifyBreach = defineCommand({
  type: 'NotifyBreach',
  label: { vi: 'Thông báo vi phạm cho Bộ Công an', en: 'Notify the breach' },
  schema: e.BreachNotified.schema.omit({ late: true }),
});
export const MarkBreachNotificationOverdue = defineCommand({
  type: 'MarkBreachNotificationOverdue',
  label: { vi: 'Ghi nhận quá hạn thông báo vi phạm', en: 'Mark the breach notification overdue' },
  schema: z.object({ notifyBy: Instant }).strict(),
});
export const BREACH_COMMANDS = [RecordBreach, NotifyBreach, MarkBreachNotificationOverdue] as const;
export type BreachCommand = CommandOf<(typeof BREACH_COMMANDS)[number]>;

export type BreachState =
  | { status: 'none' }
  | {
      status: 'open' | 'notified';
      controllerUnit: string;
      detectedAt: string;
      notifyBy: string;
      overdue: boolean;
    };
export const initialBreachState: BreachState = { status: 'none' };

export const BREACH_RULES = {
  exists: defineRule({
    id: 'breach.exists',
    kind: 'illegal-state',
    vi: 'Vi phạm này đã được ghi nhận',
    en: 'The breach is already recorded',
  }),
  none: defineRule({
    id: 'breach.none',
    kind: 'illegal-state',
    vi: 'Chưa ghi nhận vi phạm này',
    en: 'No such breach is recorded',
  }),
  ownUnit: defineRule({
    id: 'breach.own-unit',
    kind: 'forbidden',
    vi: 'Chỉ đơn vị kiểm soát dữ liệu ghi nhận vi phạm của mình',
    en: 'A controller records only its own breaches',
  }),
  detectedInFuture: defineRule({
    id: 'breach.detected-in-future',
    kind: 'illegal-state',
    vi: 'Thời điểm phát hiện ở tương lai',
    en: 'The detection time is in the future',
  }),
  notifiedBeforeDetection: defineRule({
    id: 'breach.notified-before-detection',
    kind: 'illegal-state',
    vi: 'Thời điểm thông báo trước thời điểm phát hiện hoặc ở tương lai',
    en: 'The notification is before the detection or in the future',
  }),
  alreadyNotified: defineRule({
    id: 'breach.already-notified',
    kind: 'illegal-state',
    vi: 'Vi phạm đã được thông báo',
    en: 'The breach has been notified',
  }),
  lateReason: defineRule({
    id: 'breach.late-reason',
    kind: 'illegal-state',
    vi: 'Thông báo sau 72 giờ phải nêu lý do chậm',
    en: 'A notification after 72 hours must give the reason for the delay',
  }),
  overdueBySystem: defineRule({
    id: 'breach.overdue-by-system',
    kind: 'forbidden',
    vi: 'Chỉ hệ thống ghi nhận quá hạn thông báo',
    en: 'Only the system marks the notification overdue',
  }),
  notOverdue: defineRule({
    id: 'breach.not-overdue',
    kind: 'illegal-state',
    vi: 'Chưa quá 72 giờ, đã thông báo, hoặc đã ghi nhận quá hạn',
    en: 'Not past 72 hours, already notified, or already marked',
  }),
} as const;

export function evolveBreach(state: BreachState, event: e.BreachEvent): BreachState {
  switch (event.type) {
    case 'BreachRecorded':
      return {
        status: 'open',
        controllerUnit: event.data.controllerUnit,
        detectedAt: event.data.detectedAt,
        notifyBy: event.data.notifyBy,
        overdue: false,
      };
    case 'BreachNotified':
      return state.status === 'none' ? state : { ...state, status: 'notified' };
    case 'BreachNotificationOverdue':
      return state.status === 'none' ? state : { ...state, overdue: true };
  }
}

const ms = (instant: string) => Date.parse(instant);

/**
 * A breach record (Law 91/2025 and Decree 356/2025 Art. 23, as quoted): the controller records it
 * when detected, the notice to the Ministry of Public Security is owed 72 clock hours later, a
 * notice after that says why, and the clock marks one still owed past the hour.
 */
export function decideBreach(command: BreachCommand, state: BreachState): e.BreachEvent[] {
  const now = ms(command.meta.now);
  switch (command.type) {
    case 'RecordBreach': {
      ensure(state.status === 'none', BREACH_RULES.exists);
      ensure(
        command.meta.unit === command.data.controllerUnit,
        BREACH_RULES.ownUnit,
        command.data.controllerUnit,
      );
      const detected = ms(command.data.detectedAt);
      ensure(detected <= now, BREACH_RULES.detectedInFuture);
      const notifyBy = new Date(detected + NOTIFY_WITHIN_HOURS * HOUR_MS).toISOString();
      return [eventOf(e.BreachRecorded, { ...command.data, notifyBy })];
    }
    case 'NotifyBreach': {
      if (state.status === 'none') return refuse(BREACH_RULES.none);
      ensure(command.meta.unit === state.controllerUnit, BREACH_RULES.ownUnit, state.controllerUnit);
      ensure(state.status === 'open', BREACH_RULES.alreadyNotified);
      const at = ms(command.data.notifiedAt);
      ensure(at >= ms(state.detectedAt) && at <= now, BREACH_RULES.notifiedBeforeDetection);
      const late = at > ms(state.notifyBy);
      ensure(!late || command.data.lateReason !== undefined, BREACH_RULES.lateReason);
      return [eventOf(e.BreachNotified, { ...command.data, late })];
    }
    case 'MarkBreachNotificationOverdue': {
      ensure(command.meta.role === 'system', BREACH_RULES.overdueBySystem, command.meta.role);
      if (state.status !== 'open' || state.overdue || now <= ms(state.notifyBy))
        return refuse(BREACH_RULES.notOverdue);
      ensure(command.data.notifyBy === state.notifyBy, BREACH_RULES.notOverdue);
      return [eventOf(e.BreachNotificationOverdue, { notifyBy: state.notifyBy })];
    }
  }
}
