import type { Holders } from '../access/holders.js';
import { defineRule, ensure } from '../shared/rules.js';
import { OVERSIGHT_ROLES } from '../shared/roles.js';
import type { CorrectionCommand } from './commands.js';
import type { CorrectionEvent, FieldChange } from './events.js';
import type { CorrectionState } from './state.js';

/** What the handler read for a proposal: the event corrected, and the holders of its record now. */
export interface CorrectionContext {
  target: {
    /** The event at the revision named, null when the record has no such revision. */
    event: { type: string; data: unknown } | null;
    holders: Holders;
    /** The paths of the event's personal fields: sealed, so never corrected in clear. */
    personalPaths: ReadonlyArray<readonly string[]>;
    /** Whether the data, so changed, is still a valid event of its type. */
    validates(data: unknown): boolean;
  } | null;
}

const rule = (id: string, kind: 'forbidden' | 'illegal-state', vi: string, en: string) =>
  defineRule({ id: `correction.${id}`, kind, vi, en });

export const CORRECTION_RULES = {
  noSuchEvent: rule(
    'no-such-event',
    'illegal-state',
    'Không có sự kiện cần đính chính',
    'No event at that revision',
  ),
  nothingChanged: rule(
    'nothing-changed',
    'illegal-state',
    'Đính chính phải nêu giá trị mới',
    'A correction names new values',
  ),
  voidChangesNothing: rule(
    'void-has-no-changes',
    'illegal-state',
    'Hủy bỏ sự kiện thì không kèm giá trị mới',
    'Voiding an event names no new values',
  ),
  noSuchField: rule(
    'no-such-field',
    'illegal-state',
    'Sự kiện không có trường này',
    'The event has no such field',
  ),
  personalField: rule(
    'personal-field',
    'forbidden',
    'Dữ liệu cá nhân đã niêm phong không được đính chính ở dạng rõ; hãy ghi nhận lại bằng lệnh nghiệp vụ',
    'A sealed personal field is never corrected in clear; record the fact again with its own command',
  ),
  invalidValue: rule(
    'invalid-value',
    'illegal-state',
    'Giá trị mới không hợp lệ với loại sự kiện',
    'The new value does not fit the event type',
  ),
  notProposed: rule(
    'not-proposed',
    'illegal-state',
    'Đề nghị đính chính không ở trạng thái chờ duyệt',
    'The correction is not awaiting approval',
  ),
  fourEyes: rule(
    'four-eyes',
    'forbidden',
    'Người đề nghị đính chính không được tự phê duyệt (nguyên tắc hai người)',
    'The proposer may not approve their own correction (four eyes)',
  ),
  oversightNotApprover: rule(
    'oversight-not-approver',
    'forbidden',
    'Cơ quan kiểm sát, giám sát không phê duyệt đính chính hồ sơ của cơ quan khác',
    'An oversight body does not approve corrections of another body’s records',
  ),
} as const;

const has = (data: unknown, path: readonly string[]): boolean => {
  let value: unknown = data;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !(part in value)) return false;
    value = (value as Record<string, unknown>)[part];
  }
  return true;
};

/** The event's data with the changes applied (a copy: the original is never changed). */
export function applyChanges(data: unknown, changes: readonly FieldChange[]): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const { path, value } of changes) {
    let node = copy;
    for (const part of path.slice(0, -1)) node = node[part] as Record<string, unknown>;
    node[path.at(-1) as string] = value;
  }
  return copy;
}

const within = (path: readonly string[], personal: readonly string[]) =>
  personal.every((p, i) => p === '[]' || p === path[i]) && path.length >= personal.length;

export function decideCorrection(
  command: CorrectionCommand,
  state: CorrectionState,
  context: CorrectionContext,
): CorrectionEvent[] {
  const { actor, now } = command.meta;
  switch (command.type) {
    case 'ProposeCorrection': {
      ensure(state.status === 'none', CORRECTION_RULES.notProposed);
      const event = context.target?.event;
      ensure(!!event && !!context.target, CORRECTION_RULES.noSuchEvent);
      const { action, changes } = command.data;
      if (action === 'correct') ensure(changes.length > 0, CORRECTION_RULES.nothingChanged);
      else ensure(changes.length === 0, CORRECTION_RULES.voidChangesNothing);
      for (const { path } of changes) {
        ensure(has(event?.data, path), CORRECTION_RULES.noSuchField, path.join('.'));
        const sealed = context.target?.personalPaths.some((p) => within(path, p) || within(p, path));
        ensure(!sealed, CORRECTION_RULES.personalField, path.join('.'));
      }
      if (action === 'correct')
        ensure(
          context.target?.validates(applyChanges(event?.data, changes)) === true,
          CORRECTION_RULES.invalidValue,
        );
      return [
        {
          type: 'CorrectionProposed',
          data: {
            ...command.data,
            targetType: event?.type ?? '',
            targetHolders: [...(context.target?.holders ?? [])],
            proposedBy: actor,
            proposedAt: now,
          },
        },
      ];
    }
    case 'ApproveCorrection':
      ensure(state.status === 'proposed', CORRECTION_RULES.notProposed);
      // The Front may write one step on a case (its opinion on a supervisor); overseeing bodies
      // still never vouch for another body's record (LĐX 30, 34).
      ensure(!OVERSIGHT_ROLES.includes(command.meta.role), CORRECTION_RULES.oversightNotApprover);
      ensure(state.status === 'proposed' && state.proposedBy !== actor, CORRECTION_RULES.fourEyes);
      return [{ type: 'CorrectionApproved', data: { ...command.data, approvedBy: actor, approvedAt: now } }];
    case 'RejectCorrection':
      ensure(state.status === 'proposed', CORRECTION_RULES.notProposed);
      return [{ type: 'CorrectionRejected', data: { ...command.data, rejectedBy: actor } }];
  }
}
