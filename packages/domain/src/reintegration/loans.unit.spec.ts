import { describe, expect, it } from 'vitest';
import { personalPathsOf } from '../shared/personalPaths.js';
import type { CaseEvent } from './events.js';
import { LoanApplied } from './loanEvents.js';
import { HOUSEHOLD_RULES } from './loanHousehold.js';
import { LOAN_RULES } from './loanRules.js';
import { LOAN, LOAN_CONTEXT, apply, approve, givenCase as given, representative } from './loanTesting.js';
import { as, command, historyUpTo } from './testing.js';

const supervised = historyUpTo('supervised');
const applied = given(supervised)
  .when(apply())
  .then(() => undefined);

describe('loans under QĐ 22/2023', () => {
  it('records an application within the limits', () => {
    given(supervised)
      .when(apply())
      .then((e) => expect(e[0]?.type).toBe('LoanApplied'));
  });

  it('refuses more than 100 million đồng, or more than 120 months, for business', () => {
    given(supervised)
      .when(apply({ amountRequested: 100_000_001 }))
      .thenRefuses(LOAN_RULES.amount);
    given(supervised)
      .when(apply({ termMonths: 121 }))
      .thenRefuses(LOAN_RULES.term);
  });

  it('caps vocational loans at 4 million đồng per month of the course', () => {
    const vocational = {
      purpose: 'VOCATIONAL' as const,
      courseMonths: 6,
      amountRequested: 24_000_000,
      termMonths: 18,
    };
    given(supervised)
      .when(apply(vocational))
      .then((e) => expect(e[0]?.type).toBe('LoanApplied'));
    given(supervised)
      .when(apply({ ...vocational, amountRequested: 24_000_001 }))
      .thenRefuses(LOAN_RULES.amount);
    given(supervised)
      .when(apply({ ...vocational, termMonths: 19 }))
      .thenRefuses(LOAN_RULES.term);
    given(supervised)
      .when(apply({ ...vocational, courseMonths: undefined }))
      .thenRefuses(LOAN_RULES.courseLength);
  });

  it('refuses an application more than five years after the amnesty certificate', () => {
    given(supervised)
      .when(apply({ appliedOn: '2030-09-02' }))
      .thenRefuses(LOAN_RULES.window);
    given(supervised)
      .when(apply({ appliedOn: '2030-09-01' }))
      .then((e) => expect(e).toHaveLength(1));
  });

  it('approves only an application, within the same limits', () => {
    given([...supervised, ...applied])
      .when(approve(120_000_000))
      .thenRefuses(LOAN_RULES.amount);
    given(supervised).when(approve()).thenRefuses(LOAN_RULES.unknown);
  });

  it('refuses a disbursement before approval', () => {
    given([...supervised, ...applied])
      .when(
        command('DisburseLoan', { loanId: LOAN, amount: 80_000_000, disbursedOn: '2025-10-25' }, as('vbsp')),
      )
      .thenRefuses(LOAN_RULES.status);
  });
});

describe('the rate is the poor-household rate in force on the approval day (QĐ22 9)', () => {
  it('approves at the rate VBSP recorded, and carries that record', () => {
    given([...supervised, ...applied])
      .when(approve())
      .then((e) =>
        expect(e[0]?.data).toMatchObject({
          ratePercentPerYear: 6.6,
          rateInForce: { effectiveFrom: '2019-01-01', decision: { number: '2019/TB-NHCS (giả định)' } },
        }),
      );
  });

  it('refuses any other rate, the rate of another day, or an approval with no rate recorded', () => {
    given([...supervised, ...applied])
      .when(approve(80_000_000, 7))
      .thenRefuses(LOAN_RULES.rate);
    given([...supervised, ...applied])
      .when(approve(80_000_000, 6.6, '2026-01-05'))
      .thenRefuses(LOAN_RULES.rate);
    given([...supervised, ...applied])
      .when(approve(), { ...LOAN_CONTEXT, vbspRates: null })
      .thenRefuses(LOAN_RULES.noRate);
  });

  it('derives the overdue rate as 130% of the loan rate', () => {
    const approved = given([...supervised, ...applied])
      .when(approve())
      .then(() => undefined);
    const disbursed: CaseEvent = {
      type: 'LoanDisbursed',
      data: { loanId: LOAN, amount: 80_000_000, disbursedOn: '2025-10-25' },
    };
    given([...supervised, ...applied, ...approved, disbursed])
      .when(
        command(
          'MarkLoanOverdue',
          { loanId: LOAN, overdueAmount: 2_000_000, since: '2026-11-01' },
          as('vbsp'),
        ),
      )
      .then((e) => expect(e[0]?.data).toMatchObject({ overdueRatePercentPerYear: 8.58 }));
  });
});

describe('lending goes through the household representative (QĐ22 4(1)(a))', () => {
  it('refuses an application that names no household borrower', () => {
    given(supervised)
      .when(apply({ household: undefined }))
      .thenRefuses(HOUSEHOLD_RULES.missing);
  });

  it('lends to the person only when they represent the household, or no other adult able to work remains', () => {
    const self = (ground: 'REPRESENTS_HOUSEHOLD' | 'NO_OTHER_ADULT_ABLE_TO_WORK') =>
      ({ borrower: 'PERSON', ground }) as const;
    given(supervised)
      .when(apply({ household: self('REPRESENTS_HOUSEHOLD') }))
      .then((e) => expect(e).toHaveLength(1));
    given(supervised)
      .when(apply({ household: self('NO_OTHER_ADULT_ABLE_TO_WORK'), viaHousehold: false }))
      .then((e) => expect(e).toHaveLength(1));
    given(supervised)
      .when(apply({ household: self('NO_OTHER_ADULT_ABLE_TO_WORK') }))
      .thenRefuses(HOUSEHOLD_RULES.inconsistent);
    given(supervised)
      .when(apply({ viaHousehold: false }))
      .thenRefuses(HOUSEHOLD_RULES.inconsistent);
  });

  it('seals the representative’s name and birth date as the person’s own data', () => {
    expect(personalPathsOf(LoanApplied.schema)).toEqual([
      ['household', 'fullName'],
      ['household', 'birthDate'],
    ]);
  });

  it('refuses a representative under 18 on the day of the application', () => {
    given(supervised)
      .when(apply({ household: { ...representative, birthDate: '2007-10-11', relationship: 'CHILD' } }))
      .thenRefuses(HOUSEHOLD_RULES.minorRepresentative);
  });
});
