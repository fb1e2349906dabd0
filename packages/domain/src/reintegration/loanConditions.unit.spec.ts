import { describe, expect, it } from 'vitest';
import { loaded } from '../testing/loaded.js';
import type { CaseEvent } from './events.js';
import { LOAN_RULES } from './loanRules.js';
import {
  LOAN,
  LOAN_CONTEXT,
  VBSP_STATEMENT,
  apply,
  business,
  givenCase as given,
  listOf,
} from './loanTesting.js';
import { initialCaseState } from './state.js';
import { CASE_ID, PERSON, as, command, doc, historyUpTo } from './testing.js';
import { evolveCase } from './evolve.js';

const supervised = historyUpTo('supervised');
const OTHER_CASE = '0192f5c4-0000-7000-8000-000000000009';

describe('on the commune police’s list and confirmed by the commune (QĐ22 3(2)(a), Mẫu 01)', () => {
  it('refuses an application naming no list, a list without the person, or another commune’s list', () => {
    given(supervised)
      .when(apply({ eligibilityListId: undefined }))
      .thenRefuses(LOAN_RULES.notListed);
    const elsewhere = { caseId: OTHER_CASE, personId: PERSON.personId };
    given(supervised)
      .when(apply(), { ...LOAN_CONTEXT, loanList: listOf([elsewhere]) })
      .thenRefuses(LOAN_RULES.notListed);
    given(supervised)
      .when(apply(), { ...LOAN_CONTEXT, loanList: listOf(undefined, 'phuong-dong-hai') })
      .thenRefuses(LOAN_RULES.notListed);
  });

  it('needs the commune’s confirmation on that Mẫu 01, after the police drew it up', () => {
    given(supervised)
      .when(apply({ communeConfirmation: doc('01/DS-CA', '2025-10-05') }))
      .thenRefuses(LOAN_RULES.confirmation);
    given(supervised)
      .when(apply({ communeConfirmation: doc('07/DS-CA', '2025-10-05', 'Mẫu 01') }))
      .thenRefuses(LOAN_RULES.confirmation);
    given(supervised)
      .when(apply({ communeConfirmation: doc('01/DS-CA', '2025-10-02', 'Mẫu 01') }))
      .thenRefuses(LOAN_RULES.confirmation);
  });
});

describe('no outstanding VBSP debt for the same purpose (QĐ22 3(3))', () => {
  const applied = given(supervised)
    .when(apply())
    .then(() => undefined);
  const second = apply({ loanId: '0192f5c4-0000-7000-8000-00000000100b' });

  it('refuses a second loan while the first is outstanding, and allows it once settled', () => {
    given([...supervised, ...applied])
      .when(second)
      .thenRefuses(LOAN_RULES.samePurpose);
    const settled: CaseEvent[] = [
      {
        type: 'LoanRejected',
        data: { loanId: LOAN, reason: 'Không đủ điều kiện', rejectedOn: '2025-10-20' },
      },
    ];
    given([...supervised, ...applied, ...settled])
      .when(second)
      .then((e) => expect(e).toHaveLength(1));
  });

  it('needs VBSP’s statement of debt under its other programmes, and refuses when some is outstanding', () => {
    given(supervised)
      .when(apply({ otherProgrammeDebt: undefined }))
      .thenRefuses(LOAN_RULES.otherProgrammeUndeclared);
    given(supervised)
      .when(apply({ otherProgrammeDebt: { ...VBSP_STATEMENT, outstandingSamePurpose: 15_000_000 } }))
      .thenRefuses(LOAN_RULES.otherProgrammeOutstanding);
    // Relayed by the commune police, the statement must be VBSP's paper; VBSP itself may just say so.
    const unsupported = { checkedOn: '2025-10-08', outstandingSamePurpose: 0 };
    given(supervised)
      .when(apply({ otherProgrammeDebt: unsupported }))
      .thenRefuses(LOAN_RULES.otherProgrammeUndeclared);
    given(supervised)
      .when({ ...apply({ otherProgrammeDebt: unsupported }), meta: as('vbsp') })
      .then((e) => expect(e).toHaveLength(1));
  });

  it('carries the former commune’s loans with a transferred case, so they still bar one here', () => {
    const DESTINATION = 'phuong-dong-hai';
    const NEW_CASE = '0192f5c4-0000-7000-8000-000000000002';
    const origin: CaseEvent[] = [...supervised, ...applied];
    const moving = [
      command(
        'NotifyResidenceChange',
        { toCommune: DESTINATION, notifiedOn: '2025-11-01' },
        as('commune-police'),
      ),
      command(
        'TransferCaseOut',
        { toCommune: DESTINATION, sentOn: '2025-11-03', transmittal: doc('05/CV-CA', '2025-11-03') },
        as('commune-police'),
      ),
    ];
    for (const c of moving)
      origin.push(
        ...given(origin)
          .when(c)
          .then(() => undefined),
      );
    const fromOrigin = {
      ...LOAN_CONTEXT,
      origin: loaded(`case-${CASE_ID}`, { evolve: evolveCase, initial: initialCaseState }, origin),
    };
    const received = given([])
      .when(
        command(
          'ReceiveTransferredCase',
          { caseId: NEW_CASE, fromCaseId: CASE_ID, person: PERSON, receivedOn: '2025-11-05' },
          as('commune-police', DESTINATION),
        ),
        fromOrigin,
      )
      .then((e) =>
        expect(e[1]).toMatchObject({
          type: 'LoansCarriedOver',
          data: { fromCaseId: CASE_ID, loans: [{ loanId: LOAN, purpose: 'BUSINESS', status: 'APPLIED' }] },
        }),
      );
    const here = listOf([{ caseId: NEW_CASE, personId: PERSON.personId }], DESTINATION);
    given(received)
      .when(
        {
          ...apply({ ...business, loanId: '0192f5c4-0000-7000-8000-00000000100c', appliedOn: '2025-11-20' }),
          meta: as('commune-police', DESTINATION),
        },
        { ...LOAN_CONTEXT, loanList: here },
      )
      .thenRefuses(LOAN_RULES.samePurpose);
  });
});

describe('law-abiding since the commune’s confirmation (QĐ22 3(2)(a))', () => {
  it('refuses a loan while the borrower is held, or after a violation the commune had not confirmed over', () => {
    const detention = command(
      'RecordDetention',
      { facilityType: 'TEMPORARY_HOLDING', from: '2025-10-01' },
      as('commune-police'),
    );
    const detained = given(supervised)
      .when(detention)
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
    given([...supervised, ...violation(business.communeConfirmation.date)])
      .when(apply())
      .thenRefuses(LOAN_RULES.lawAbiding);
    // A violation before the commune confirmed the list is one it vouched over.
    given([...supervised, ...violation('2025-09-04')])
      .when(apply())
      .then((e) => expect(e[0]?.type).toBe('LoanApplied'));
  });
});
