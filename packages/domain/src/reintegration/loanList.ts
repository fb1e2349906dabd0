import { defineCommand, type CommandOf } from '../shared/command.js';
import { eventOf, type EventOf } from '../shared/defineEvent.js';
import type { DocRef } from '../shared/docRef.js';
import { cite } from '../shared/legalBasis.js';
import { defineRule, ensure } from '../shared/rules.js';
import { authorize } from './authorize.js';
import { LoanEligibilityListDrawnUp, type ListEntry } from './loanListEvents.js';

export const DrawUpLoanEligibilityList = defineCommand({
  type: 'DrawUpLoanEligibilityList',
  label: { vi: 'Lập danh sách đủ điều kiện vay vốn (Mẫu 01)', en: 'Draw up the loan eligibility list' },
  schema: LoanEligibilityListDrawnUp.schema,
});
export const LOAN_LIST_COMMANDS = [DrawUpLoanEligibilityList] as const;
export type LoanListCommand = CommandOf<(typeof LOAN_LIST_COMMANDS)[number]>;
export type LoanListEvent = EventOf<typeof LoanEligibilityListDrawnUp>;

/** A Mẫu 01 list as its stream holds it: whose names are on it, and on which paper. */
export type LoanListState =
  | { status: 'none' }
  | {
      status: 'drawnUp';
      listId: string;
      communeCode: string;
      month: string;
      list: DocRef;
      entries: readonly ListEntry[];
    };
export const initialLoanListState: LoanListState = { status: 'none' };

export const LOAN_LIST_RULES = {
  exists: defineRule({
    id: 'loan-list.exists',
    kind: 'illegal-state',
    vi: 'Danh sách này đã được lập',
    en: 'This list has already been drawn up',
  }),
  form: defineRule({
    id: 'loan-list.form',
    kind: 'illegal-state',
    vi: 'Danh sách phải lập theo Mẫu 01',
    en: 'The list is drawn up on Mẫu 01',
    basis: cite('QĐ22', '3(2)(a)'),
  }),
  duplicate: defineRule({
    id: 'loan-list.duplicate-entry',
    kind: 'illegal-state',
    vi: 'Một người có tên hai lần trong danh sách',
    en: 'A person is listed twice',
  }),
} as const;

export function evolveLoanList(state: LoanListState, event: LoanListEvent): LoanListState {
  if (state.status !== 'none') return state;
  const { listId, communeCode, month, list, entries } = event.data;
  return { status: 'drawnUp', listId, communeCode, month, list, entries };
}

export function decideLoanList(command: LoanListCommand, state: LoanListState): LoanListEvent[] {
  authorize(command.meta, LoanEligibilityListDrawnUp.emittedBy);
  ensure(state.status === 'none', LOAN_LIST_RULES.exists);
  const { list, entries } = command.data;
  ensure(list.form === 'Mẫu 01', LOAN_LIST_RULES.form, list.form);
  ensure(new Set(entries.map((e) => e.caseId)).size === entries.length, LOAN_LIST_RULES.duplicate);
  return [eventOf(LoanEligibilityListDrawnUp, command.data)];
}
