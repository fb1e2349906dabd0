import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './events.js';
import { LOAN_RULES } from './loanRules.js';
import { as, command, doc, given, historyUpTo } from './testing.js';

const LOAN = '0192f5c4-0000-7000-8000-00000000100a';
const confirmed = doc('01/DS-UBND', '2025-10-05', 'Mẫu 01');
const business = {
  loanId: LOAN,
  purpose: 'BUSINESS' as 'BUSINESS' | 'VOCATIONAL',
  amountRequested: 80_000_000,
  termMonths: 60,
  appliedOn: '2025-10-10',
  viaHousehold: true,
  communeConfirmation: confirmed,
};
const apply = (data: Partial<typeof business> & { courseMonths?: number | undefined } = {}) =>
  command('ApplyForLoan', { ...business, ...data }, as('commune-police'));

describe('loans under QĐ 22/2023', () => {
  const supervised = historyUpTo('supervised');

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

  it('needs the commune’s confirmation on Mẫu 01', () => {
    given(supervised)
      .when(apply({ communeConfirmation: doc('01/DS', '2025-10-05') }))
      .thenRefuses(LOAN_RULES.confirmation);
  });

  it('refuses a second loan for the same purpose while the first is outstanding, and allows it once settled', () => {
    const applied = given(supervised)
      .when(apply())
      .then(() => undefined);
    const second = apply({ loanId: '0192f5c4-0000-7000-8000-00000000100b' });
    given([...supervised, ...applied])
      .when(second)
      .thenRefuses(LOAN_RULES.samePurpose);
    const lifecycle: CaseEvent[] = [
      ...applied,
      {
        type: 'LoanApproved',
        data: {
          loanId: LOAN,
          amount: 80_000_000,
          termMonths: 60,
          ratePercentPerYear: 6.6,
          approvedOn: '2025-10-20',
        },
      },
      { type: 'LoanDisbursed', data: { loanId: LOAN, amount: 80_000_000, disbursedOn: '2025-10-25' } },
      { type: 'LoanSettled', data: { loanId: LOAN, settledOn: '2027-10-25' } },
    ];
    given([...supervised, ...lifecycle])
      .when({ ...second, data: { ...second.data, appliedOn: '2027-11-01' } } as typeof second)
      .then((e) => expect(e).toHaveLength(1));
  });

  it('approves only an application, within the same limits', () => {
    const applied = given(supervised)
      .when(apply())
      .then(() => undefined);
    const approve = (amount: number) =>
      command(
        'ApproveLoan',
        { loanId: LOAN, amount, termMonths: 60, ratePercentPerYear: 6.6, approvedOn: '2025-10-20' },
        as('vbsp', 'xa-an-khanh'),
      );
    given([...supervised, ...applied])
      .when(approve(120_000_000))
      .thenRefuses(LOAN_RULES.amount);
    given([...supervised, ...applied])
      .when(approve(80_000_000))
      .then((e) => expect(e[0]?.type).toBe('LoanApproved'));
    given(supervised).when(approve(80_000_000)).thenRefuses(LOAN_RULES.unknown);
  });

  it('refuses a loan while the borrower is held, or after a violation the commune had not confirmed over', () => {
    const detained = given(supervised)
      .when(
        command(
          'RecordDetention',
          { facilityType: 'TEMPORARY_HOLDING', from: '2025-10-01' },
          as('commune-police'),
        ),
      )
      .then(() => undefined);
    given([...supervised, ...detained])
      .when(apply())
      .thenRefuses(LOAN_RULES.lawAbiding);
    const violation = (occurredOn: string) =>
      given(supervised)
        .when(
          command(
            'RecordViolation',
            { kind: 'ADMINISTRATIVE', occurredOn, handling: 'FINE', description: 'Gây rối (giả định)' },
            as('commune-police'),
          ),
        )
        .then(() => undefined);
    const confirmedOn = business.communeConfirmation.date;
    given([...supervised, ...violation(confirmedOn)])
      .when(apply())
      .thenRefuses(LOAN_RULES.lawAbiding);
    // A violation before the commune confirmed the list is one it vouched over.
    given([...supervised, ...violation('2025-09-04')])
      .when(apply())
      .then((e) => expect(e[0]?.type).toBe('LoanApplied'));
  });
});

describe('loan refusals', () => {
  it('refuses a disbursement before approval', () => {
    const applied = given(historyUpTo('supervised'))
      .when(apply())
      .then(() => undefined);
    given([...historyUpTo('supervised'), ...applied])
      .when(
        command('DisburseLoan', { loanId: LOAN, amount: 80_000_000, disbursedOn: '2025-10-25' }, as('vbsp')),
      )
      .thenRefuses(LOAN_RULES.status);
  });
});
