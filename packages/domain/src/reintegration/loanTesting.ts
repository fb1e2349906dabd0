import type { Loaded } from '../catalogue/aggregate.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { CaseCommand } from './caseCommands.js';
import { decideCaseInContext, type CaseContext } from './caseContext.js';
import type { CaseEvent } from './events.js';
import { evolveCase } from './evolve.js';
import { evolveLoanList, initialLoanListState, type LoanListState } from './loanList.js';
import { initialCaseState, type CaseState } from './state.js';
import type { HouseholdRelationship } from './loanHousehold.js';
import { CASE_ID, COMMUNE, PERSON, as, command, doc } from './testing.js';
import { evolveVbspRates, initialVbspRatesState, type VbspRatesState } from './vbspRates.js';

export const LIST_ID = '0192f5c4-0000-7000-8000-00000000200a';
export const LIST_PAPER = doc('01/DS-CA', '2025-10-03', 'Mẫu 01');

const loaded = <S>(stream: string, state: S): Loaded<S> => ({ stream, revision: 0, state });

/** The commune police's October list naming the test case's person (or the entries given). */
export function listOf(
  entries = [{ caseId: CASE_ID, personId: PERSON.personId }],
  communeCode = COMMUNE,
  list = LIST_PAPER,
) {
  const state: LoanListState = evolveLoanList(initialLoanListState, {
    type: 'LoanEligibilityListDrawnUp',
    data: { listId: LIST_ID, communeCode, month: list.date.slice(0, 7), list, drawnUpOn: list.date, entries },
  });
  return loaded(`loan-list-${LIST_ID}`, state);
}

/** VBSP's rates stream: the poor-household rate at 6.6%/year from 2019, 6.9% from 2026. */
export function ratesOf(): Loaded<VbspRatesState> {
  const set = (ratePercentPerYear: number, effectiveFrom: string) => ({
    type: 'VbspLendingRateSet' as const,
    data: {
      programme: 'POOR_HOUSEHOLD' as const,
      ratePercentPerYear,
      effectiveFrom,
      decision: doc(`${effectiveFrom.slice(0, 4)}/TB-NHCS (giả định)`, effectiveFrom),
    },
  });
  const state = [set(6.6, '2019-01-01'), set(6.9, '2026-01-01')].reduce(
    evolveVbspRates,
    initialVbspRatesState,
  );
  return loaded('vbsp-rates-vn', state);
}

/** What the handler's loader reads for loan steps, unless a test names another context. */
export const LOAN_CONTEXT: CaseContext = { origin: null, loanList: listOf(), vbspRates: ratesOf() };

/** given/when/then over the case decider with its context, as the handler runs it. */
export const givenCase = givenWhenThen<CaseCommand, CaseEvent, CaseState, CaseContext>({
  decide: (c, s, x) => decideCaseInContext(c, s, x),
  evolve: evolveCase,
  initialState: initialCaseState,
  context: LOAN_CONTEXT,
});

// An application and an approval that meet every condition, for tests to vary one at a time.
export const LOAN = '0192f5c4-0000-7000-8000-00000000100a';
/** VBSP's statement that nothing is owed under its other programmes for the purpose. */
export const VBSP_STATEMENT = {
  checkedOn: '2025-10-08',
  outstandingSamePurpose: 0,
  statement: doc('88/NHCS-XN', '2025-10-08'),
};
export const representative = {
  borrower: 'REPRESENTATIVE' as const,
  fullName: 'Người Giả Định Hai',
  birthDate: '1965-03-02',
  relationship: 'PARENT' as HouseholdRelationship,
};
export const business = {
  loanId: LOAN,
  purpose: 'BUSINESS' as 'BUSINESS' | 'VOCATIONAL',
  amountRequested: 80_000_000,
  termMonths: 60,
  appliedOn: '2025-10-10',
  viaHousehold: true,
  communeConfirmation: doc('01/DS-CA', '2025-10-05', 'Mẫu 01'),
  household: representative as
    | typeof representative
    | { borrower: 'PERSON'; ground: 'REPRESENTS_HOUSEHOLD' | 'NO_OTHER_ADULT_ABLE_TO_WORK' }
    | undefined,
  eligibilityListId: LIST_ID as string | undefined,
  otherProgrammeDebt: VBSP_STATEMENT as
    | { checkedOn: string; outstandingSamePurpose: number; statement?: typeof VBSP_STATEMENT.statement }
    | undefined,
};
export const apply = (data: Partial<typeof business> & { courseMonths?: number | undefined } = {}) =>
  command('ApplyForLoan', { ...business, ...data }, as('commune-police'));
export const approve = (amount = 80_000_000, ratePercentPerYear = 6.6, approvedOn = '2025-10-20') =>
  command(
    'ApproveLoan',
    { loanId: LOAN, amount, termMonths: 60, ratePercentPerYear, approvedOn },
    as('vbsp', 'xa-an-khanh'),
  );
