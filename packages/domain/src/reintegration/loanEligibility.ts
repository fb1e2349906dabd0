import type { Loaded } from '../catalogue/aggregate.js';
import type { DocRef } from '../shared/docRef.js';
import type { Role } from '../shared/roles.js';
import { ensure, refuse } from '../shared/rules.js';
import { OUTSTANDING_LOAN } from './loanCarryOver.js';
import type { LoanPurpose } from './loanEvents.js';
import type { LoanListState } from './loanList.js';
import { LOAN_RULES } from './loanRules.js';
import type { ActiveCase } from './state.js';

/** The Mẫu 01 list the application names, as its stream holds it; null when none was read. */
export type LoadedList = Loaded<LoanListState> | null;

/**
 * On the commune police's list and confirmed by the commune (QĐ22 3(2)(a)): the list is the
 * managing commune's and names this case's person; the commune's confirmation is on that same paper.
 */
export function checkListed(
  current: ActiveCase,
  listId: string | undefined,
  list: LoadedList,
  confirmation: DocRef,
): void {
  ensure(confirmation.form === 'Mẫu 01', LOAN_RULES.confirmation);
  if (listId === undefined) return refuse(LOAN_RULES.notListed, 'no list named');
  const drawn = list?.state;
  if (!drawn || drawn.status === 'none' || drawn.listId !== listId)
    return refuse(LOAN_RULES.notListed, listId);
  ensure(drawn.communeCode === current.communeCode, LOAN_RULES.notListed, drawn.communeCode);
  const named = drawn.entries.some((e) => e.caseId === current.caseId && e.personId === current.personId);
  ensure(named, LOAN_RULES.notListed, drawn.list.number);
  // The committee confirms the police's paper, so after it is drawn up and under its number.
  ensure(
    confirmation.number === drawn.list.number && confirmation.date >= drawn.list.date,
    LOAN_RULES.confirmation,
    `${confirmation.number} ≠ ${drawn.list.number}`,
  );
}

/** What VBSP states about its other programmes on the application (QĐ22 3(3)). */
interface OtherDebt {
  outstandingSamePurpose: number;
  statement?: DocRef | undefined;
}

/**
 * No outstanding VBSP debt for the same purpose (QĐ22 3(3)): none on this case, which holds the
 * loans a transfer carried from a former commune, and none VBSP states under its other programmes.
 */
export function checkNoDebt(
  current: ActiveCase,
  purpose: LoanPurpose,
  other: OtherDebt | undefined,
  role: Role,
): void {
  const outstanding = Object.values(current.loans).some(
    (l) => l.purpose === purpose && (OUTSTANDING_LOAN as readonly string[]).includes(l.status),
  );
  ensure(!outstanding, LOAN_RULES.samePurpose, purpose);
  // Only VBSP can say what its books hold: relayed by anyone else, the statement is VBSP's paper.
  if (!other || (role !== 'vbsp' && !other.statement)) return refuse(LOAN_RULES.otherProgrammeUndeclared);
  ensure(
    other.outstandingSamePurpose === 0,
    LOAN_RULES.otherProgrammeOutstanding,
    `${other.outstandingSamePurpose}`,
  );
}
