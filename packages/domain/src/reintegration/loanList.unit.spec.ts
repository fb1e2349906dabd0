import { describe, expect, it } from 'vitest';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import {
  LOAN_LIST_RULES,
  decideLoanList,
  evolveLoanList,
  initialLoanListState,
  type LoanListCommand,
  type LoanListEvent,
  type LoanListState,
} from './loanList.js';
import { LIST_ID, LIST_PAPER } from './loanTesting.js';
import { CASE_ID, COMMUNE, PERSON, as, doc } from './testing.js';
import { CASE_RULES } from './rules.js';

const given = givenWhenThen<LoanListCommand, LoanListEvent, LoanListState>({
  decide: (c, s) => decideLoanList(c, s),
  evolve: evolveLoanList,
  initialState: initialLoanListState,
});
const entry = { caseId: CASE_ID, personId: PERSON.personId };
const drawUp = (
  data: { list?: typeof LIST_PAPER; entries?: (typeof entry)[] } = {},
  role = 'commune-police' as const,
) => ({
  type: 'DrawUpLoanEligibilityList' as const,
  data: {
    listId: LIST_ID,
    communeCode: COMMUNE,
    month: '2025-10',
    list: LIST_PAPER,
    drawnUpOn: '2025-10-03',
    entries: [entry],
    ...data,
  },
  meta: as(role),
});

describe('the commune police’s monthly list (Mẫu 01; QĐ22 3(2)(a), 14(2)(c))', () => {
  it('records the people named, so a report can list and count them', () => {
    given()
      .when(drawUp())
      .then((e) => expect(e[0]?.data).toMatchObject({ month: '2025-10', entries: [entry] }));
  });

  it('is the commune police’s, on Mẫu 01, once, naming each person once', () => {
    given()
      .when({ ...drawUp(), meta: as('commune-chair') })
      .thenRefuses(CASE_RULES.roleNotAllowed);
    given()
      .when(drawUp({ list: doc('01/DS-CA', '2025-10-03') }))
      .thenRefuses(LOAN_LIST_RULES.form);
    given()
      .when(drawUp({ entries: [entry, entry] }))
      .thenRefuses(LOAN_LIST_RULES.duplicate);
    const drawn = given()
      .when(drawUp())
      .then(() => undefined);
    given(drawn).when(drawUp()).thenRefuses(LOAN_LIST_RULES.exists);
  });
});
