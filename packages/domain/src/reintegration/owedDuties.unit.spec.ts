import { describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR } from '../calendar/builtInCalendar.js';
import { AGGREGATES } from '../catalogue/aggregates.js';
import type { CommandMeta } from '../shared/command.js';
import { DomainRefusal } from '../shared/rules.js';
import { DEADLINE_MISSED_RULES as R } from '../calendar/decideDeadlineMissed.js';
import { LIST_ID, LOAN_CONTEXT, VBSP_STATEMENT, listOf } from './loanTesting.js';
import { COMMUNE, SUPERVISOR, as, command, historyUpTo } from './testing.js';

// The case aggregate as the handler runs it: wrapped with its ledger of duties (invented people).
const kase = AGGREGATES.case;
type Cmd = Parameters<typeof kase.decide>[0];
type Ev = ReturnType<typeof kase.decide>[number];
const mau01 = { number: '3/DS-UBND', date: '2025-09-08', form: 'Mẫu 01' };
const context = {
  calendar: BUILT_IN_CALENDAR,
  restsOn: null,
  ...LOAN_CONTEXT,
  loanList: listOf(undefined, undefined, mau01),
} as never;
const state = (history: readonly Ev[]) => history.reduce((s, e) => kase.evolve(s, e), kase.initial);
const run = (history: readonly Ev[], c: unknown): Ev[] => kase.decide(c as Cmd, state(history), context);
const system = (now: string): CommandMeta => ({
  actor: 'dacxa-scheduler',
  role: 'system',
  unit: 'he-thong',
  now,
});
const missed = (key: string, dueOn: string, detectedOn: string) => ({
  type: 'RecordDeadlineMissed',
  data: { rule: 'case.quarterly-report', key, dueOn, detectedOn },
  meta: system(`${detectedOn}T01:00:00Z`),
});
const report = (quarter: string, submittedOn: string) =>
  command(
    'SubmitQuarterlyReport',
    { quarter, submittedOn, narrative: 'Chấp hành tốt' },
    as('supervisor', COMMUNE, SUPERVISOR.ref),
  );

function refusal(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the quarterly report a supervisor owes (TT10 10(4))', () => {
  const supervised = historyUpTo('supervised') as Ev[];

  it('is owed from the quarter the supervisor is decided in, recorded as facts on the decision', () => {
    const decision = supervised.at(-1);
    expect(decision?.type).toBe('SupervisorAssigned');
    expect(decision?.data).toMatchObject({
      deadlines: [{ rule: 'case.quarterly-report', from: '2025-09-30', provisional: false }],
    });
    // Q3 2025 is due 05/10/2025, a Sunday: Monday 06/10. The clock may record it missed from the 7th.
    expect(run(supervised, missed('2025-Q3', '2025-10-06', '2025-10-07'))).toEqual([
      {
        type: 'CaseDeadlineMissed',
        data: {
          rule: 'case.quarterly-report',
          key: '2025-Q3',
          dueOn: '2025-10-06',
          detectedOn: '2025-10-07',
        },
      },
    ]);
  });

  it('goes on quarter after quarter: a report or a recorded miss opens the next one', () => {
    const q3 = run(supervised, report('2025-Q3', '2025-10-03'));
    expect(q3[0]?.data).toMatchObject({
      deadlines: [{ from: '2025-09-30' }, { rule: 'case.quarterly-report', from: '2025-12-31' }],
    });
    const afterQ3 = [...supervised, ...q3];
    expect(refusal(() => run(afterQ3, missed('2025-Q3', '2025-10-06', '2025-10-07')))).toMatchObject({
      rule: R.alreadyMet.id,
    });
    const q4Missed = run(afterQ3, missed('2025-Q4', '2026-01-05', '2026-01-06'));
    // Q1 2026 is owed all the same: its miss can be recorded, a quarter never opened cannot.
    expect(run([...afterQ3, ...q4Missed], missed('2026-Q1', '2026-04-06', '2026-04-07'))).toHaveLength(1);
    const never = refusal(() =>
      run([...afterQ3, ...q4Missed], missed('2026-Q2', '2026-07-06', '2026-07-07')),
    );
    expect(never).toBeInstanceOf(DomainRefusal);
    expect(never).toMatchObject({ rule: R.notOpened.id });
  });

  it('does not refuse a decision whose next report falls in a year with no calendar', () => {
    const history = historyUpTo('proposed') as Ev[];
    const events = run(history, {
      ...command(
        'AssignSupervisor',
        {
          supervisor: SUPERVISOR,
          decision: { number: '9/QĐ-UBND', date: '2027-11-10', form: 'HCD-07' },
          decidedOn: '2027-11-10',
        },
        as('commune-chair'),
      ),
    });
    expect(events[0]?.data).toMatchObject({
      deadlines: [{ rule: 'case.quarterly-report', from: '2027-12-31', provisional: true }],
    });
  });
});

describe('a loan repaid by the end of its term (QĐ22 8, 13)', () => {
  it('is due the approved number of months after approval, and the clock may record it missed once past', () => {
    const loanId = '0192f5c4-0000-7000-8000-00000000100a';
    const bank = as('vbsp', COMMUNE);
    const supervised = historyUpTo('supervised') as Ev[];
    const applied = run(
      supervised,
      command(
        'ApplyForLoan',
        {
          loanId,
          purpose: 'BUSINESS',
          amountRequested: 50_000_000,
          termMonths: 36,
          appliedOn: '2025-09-10',
          viaHousehold: true,
          communeConfirmation: mau01,
          household: { borrower: 'PERSON', ground: 'REPRESENTS_HOUSEHOLD' },
          eligibilityListId: LIST_ID,
          otherProgrammeDebt: VBSP_STATEMENT,
        },
        bank,
      ),
    );
    const approved = run(
      [...supervised, ...applied],
      command(
        'ApproveLoan',
        { loanId, amount: 50_000_000, termMonths: 36, ratePercentPerYear: 6.6, approvedOn: '2025-09-30' },
        bank,
      ),
    );
    expect(approved[0]?.data).toMatchObject({
      repayBy: '2028-09-30',
      deadlines: [{ rule: 'case.loan-repayment', from: '2025-09-30' }],
    });
    const late = {
      type: 'RecordDeadlineMissed',
      data: { rule: 'case.loan-repayment', key: loanId, dueOn: '2028-09-30', detectedOn: '2028-10-01' },
      meta: system('2028-10-01T01:00:00Z'),
    };
    expect(run([...supervised, ...applied, ...approved], late)[0]?.type).toBe('CaseDeadlineMissed');
  });
});
