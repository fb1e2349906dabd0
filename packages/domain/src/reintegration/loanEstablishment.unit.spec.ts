import { describe, expect, it } from 'vitest';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import {
  decideEstablishmentLoan,
  evolveEstablishmentLoan,
  initialEstablishmentLoanState,
  type EstablishmentLoanCommand,
  type EstablishmentLoanContext,
  type EstablishmentLoanEvent,
  type EstablishmentLoanState,
} from './loanEstablishment.js';
import { ESTABLISHMENT_RULES as R } from './loanEstablishmentRules.js';
import { LOAN_RULES } from './loanRules.js';
import { ratesOf } from './loanTesting.js';
import { CASE_RULES } from './rules.js';
import { COMMUNE, as, doc } from './testing.js';

const given = givenWhenThen<
  EstablishmentLoanCommand,
  EstablishmentLoanEvent,
  EstablishmentLoanState,
  EstablishmentLoanContext
>({
  decide: decideEstablishmentLoan,
  evolve: evolveEstablishmentLoan,
  initialState: initialEstablishmentLoanState,
  context: { vbspRates: ratesOf() },
});
const LOAN = '0192f5c4-0000-7000-8000-00000000300a';
const workers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ contract: doc(`${i + 1}/HĐLĐ`, '2025-08-01') }));
const collateral = {
  description: 'Quyền sử dụng đất (giả định)',
  value: 900_000_000,
  contract: doc('12/HĐTC', '2025-10-01'),
};
const application = {
  loanId: LOAN,
  communeCode: COMMUNE,
  establishment: { name: 'Hợp tác xã Giả Định', kind: 'COOPERATIVE' as const },
  totalWorkers: 30,
  releasedWorkers: workers(3),
  plan: doc('02/XN-UBND', '2025-10-01', 'Mẫu 02'),
  amountRequested: 300_000_000,
  termMonths: 60,
  collateral: collateral as typeof collateral | undefined,
  appliedOn: '2025-10-06',
};
const bank = as('vbsp', 'nhcsxh');
const applyFor = (data: Partial<typeof application> = {}) =>
  ({
    type: 'ApplyForEstablishmentLoan',
    data: { ...application, ...data },
    meta: bank,
  }) as EstablishmentLoanCommand;
const approve = (amount: number, ratePercentPerYear = 6.6) =>
  ({
    type: 'ApproveEstablishmentLoan',
    data: { loanId: LOAN, amount, termMonths: 60, ratePercentPerYear, approvedOn: '2025-10-20' },
    meta: bank,
  }) as EstablishmentLoanCommand;

describe('loans to a business establishment employing people who served a sentence (QĐ 22/2023)', () => {
  it('records an application with 10% of the staff released, a confirmed plan and security', () => {
    given()
      .when(applyFor())
      .then((e) => expect(e[0]?.type).toBe('EstablishmentLoanApplied'));
  });

  it('refuses fewer than 10% of the staff, or more released workers than staff', () => {
    given()
      .when(applyFor({ totalWorkers: 31 }))
      .thenRefuses(R.share);
    given()
      .when(applyFor({ totalWorkers: 2 }))
      .thenRefuses(R.workforce);
  });

  it('refuses a plan the commune has not confirmed on Mẫu 02', () => {
    given()
      .when(applyFor({ plan: doc('02/PA', '2025-10-01') }))
      .thenRefuses(R.plan);
  });

  it('caps the loan at 2 billion đồng a project and 100 million đồng a released worker, over 120 months at most', () => {
    given()
      .when(applyFor({ amountRequested: 300_000_001 }))
      .thenRefuses(R.amount);
    const big = { totalWorkers: 250, releasedWorkers: workers(25) };
    given()
      .when(applyFor({ ...big, amountRequested: 2_000_000_000 }))
      .then((e) => expect(e).toHaveLength(1));
    given()
      .when(applyFor({ ...big, amountRequested: 2_000_000_001 }))
      .thenRefuses(R.amount);
    given()
      .when(applyFor({ termMonths: 121 }))
      .thenRefuses(R.term);
  });

  it('needs security above 100 million đồng', () => {
    given()
      .when(applyFor({ collateral: undefined }))
      .thenRefuses(R.collateral);
    given()
      .when(applyFor({ collateral: undefined, amountRequested: 100_000_000 }))
      .then((e) => expect(e).toHaveLength(1));
  });

  it('is recorded by VBSP only, once', () => {
    given()
      .when({ ...applyFor(), meta: as('commune-police') })
      .thenRefuses(CASE_RULES.roleNotAllowed);
    const applied = given()
      .when(applyFor())
      .then(() => undefined);
    given(applied).when(applyFor()).thenRefuses(R.exists);
  });

  it('approves at the poor-household rate in force, within the same limits', () => {
    const applied = given()
      .when(applyFor())
      .then(() => undefined);
    given(applied)
      .when(approve(300_000_000))
      .then((e) => expect(e[0]?.data).toMatchObject({ rateInForce: { effectiveFrom: '2019-01-01' } }));
    given(applied).when(approve(300_000_000, 7.2)).thenRefuses(LOAN_RULES.rate);
    given(applied).when(approve(400_000_000)).thenRefuses(R.amount);
    given().when(approve(300_000_000)).thenRefuses(R.status);
  });
});
