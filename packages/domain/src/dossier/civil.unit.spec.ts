import { describe, expect, it } from 'vitest';
import type { DossierCommand } from './commands.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import { C, POSTED_ROUND, assess, doc, givenDossier, goodRatings, historyIn, petition } from './testing.js';

const ROUND = POSTED_ROUND;
const given = givenDossier(ROUND);
const petitioned = historyIn(ROUND, petition('2024-08-12'));
const confirm = (data: object, role: 'civil-enforcement' | 'facility-warden' = 'civil-enforcement') =>
  C(
    'ConfirmCivilObligations',
    { finesAndFeesPaid: true, decision: doc('12/XN-THADS', '2024-08-13'), ...data },
    role,
  );
const partial = (extra: object = {}) =>
  confirm({
    status: 'PARTIAL_UNABLE_TO_PAY',
    notYetEnforceableDecision: doc('7/QĐ-CCTHADS', '2024-07-01'),
    ...extra,
  });
const consent = C('AttachDocument', { docType: 'CREDITOR_CONSENT', document: doc('ĐN-01', '2024-08-05') });
const civil = (...steps: DossierCommand[]) => {
  const events = historyIn(ROUND, petition('2024-08-12'), ...goodRatings(), ...steps, assess());
  return (events.at(-1)?.data as { checks: { rule: string; outcome: string }[] }).checks.find(
    (c) => c.rule === 'civil-obligations',
  )?.outcome;
};

describe('civil obligations, as the enforcement office confirms them (LĐX 11(1)(c)–(đ), 31; NĐ52 4(2)–(3))', () => {
  it('are confirmed by the civil-judgment enforcement office, not by the facility', () => {
    given(petitioned)
      .when(confirm({ status: 'FULFILLED' }, 'facility-warden'))
      .thenRefuses(R.role);
    given(petitioned)
      .when(confirm({ status: 'FULFILLED' }))
      .then((e) => expect(e[0]?.type).toBe('CivilObligationStatusConfirmed'));
  });

  it('count a part paid only with the office’s decision that the rest cannot yet be enforced', () => {
    given(petitioned)
      .when(confirm({ status: 'PARTIAL_UNABLE_TO_PAY' }))
      .thenRefuses(R.partialNeedsDecision);
    expect(civil(partial())).toBe('PASS');
  });

  it('need the creditor’s written consent where the assets are not the State’s, or the creditor waived', () => {
    expect(civil(partial({ nonStateAssets: true }))).toBe('MISSING_DATA');
    expect(civil(partial({ nonStateAssets: true }), consent)).toBe('PASS');
    expect(civil(confirm({ status: 'CREDITOR_WAIVED' }))).toBe('MISSING_DATA');
    expect(civil(confirm({ status: 'CREDITOR_WAIVED' }), consent)).toBe('PASS');
  });

  it('let the health department attach a medical conclusion and nothing else', () => {
    const paper = (docType: string) =>
      C('AttachDocument', { docType, document: doc('45/KL-BV', '2024-08-01') }, 'provincial-health-dept');
    given(petitioned).when(paper('MERIT_REPORT')).thenRefuses(R.healthDeptMedicalOnly);
    given(petitioned)
      .when(paper('MEDICAL_CONCLUSION'))
      .then((e) => expect(e[0]?.type).toBe('DossierDocumentAttached'));
  });
});
