import type { CivilConfirmation } from './dossier.js';
import { check } from './check.js';
import type { EligibilityCheck, Sentence } from './values.js';

/** What the civil-obligation checks read: the enforcement office's confirmation and the papers held. */
export interface CivilFacts {
  sentence: Sentence;
  finesAndFeesPaid: boolean | null;
  civilObligation: string | null;
  civil: CivilConfirmation | null;
  /** A creditor's written consent (postponement or waiver) is in the dossier (NĐ52 5(5)). */
  creditorConsentHeld: boolean;
}

function fines(paid: boolean | null): EligibilityCheck {
  const c = 'LĐX 11(1)(c)';
  if (paid === null)
    return check(
      'fines-paid',
      'MISSING_DATA',
      'Chưa có xác nhận nộp tiền phạt, án phí',
      'No confirmation that fines and court fees are paid',
      c,
    );
  return paid
    ? check('fines-paid', 'PASS', 'Đã nộp tiền phạt, án phí', 'Fines and court fees paid', c)
    : check('fines-paid', 'FAIL', 'Chưa nộp đủ tiền phạt, án phí', 'Fines or court fees unpaid', c);
}

/** The paper a status needs beyond the confirmation itself, if it is missing: what to ask for. */
function missingPaper(facts: CivilFacts): [vi: string, en: string] | null {
  const { civilObligation: status, civil } = facts;
  if (status === 'PARTIAL_UNABLE_TO_PAY' && !civil?.notYetEnforceableDecision)
    return [
      'thiếu quyết định của cơ quan thi hành án dân sự về việc chưa có điều kiện thi hành án',
      'the enforcement office’s decision that enforcement cannot yet proceed is missing',
    ];
  const consentNeeded =
    status === 'CREDITOR_WAIVED' || (status === 'PARTIAL_UNABLE_TO_PAY' && civil?.nonStateAssets === true);
  if (consentNeeded && !facts.creditorConsentHeld)
    return [
      'thiếu văn bản của người được thi hành án đồng ý hoãn hoặc không yêu cầu thi hành án',
      'the creditor’s written consent to postpone or not enforce is missing',
    ];
  return null;
}

/**
 * LĐX 11(1)(c)–(đ), NĐ52 4(2)–(3), 5(3)(g), 5(5): fines and fees paid; civil obligations met, or (not
 * for corruption) partly met with the office's "chưa có điều kiện thi hành" decision; a creditor's
 * consent where the assets are not the State's or the creditor waived enforcement.
 */
export function civilChecks(facts: CivilFacts): EligibilityCheck[] {
  const status = facts.civilObligation;
  const corruption = facts.sentence.corruption;
  const citation = corruption ? 'LĐX 11(1)(d)' : 'LĐX 11(1)(đ); NĐ52 4(2–3)';
  if (status === null)
    return [
      fines(facts.finesAndFeesPaid),
      check(
        'civil-obligations',
        'MISSING_DATA',
        'Chưa có xác nhận của cơ quan thi hành án dân sự',
        'No confirmation from civil-judgment enforcement',
        citation,
      ),
    ];
  const met =
    status === 'FULFILLED' ||
    status === 'ENFORCEMENT_TERMINATED' ||
    status === 'CREDITOR_WAIVED' ||
    (status === 'PARTIAL_UNABLE_TO_PAY' && !corruption);
  const paper = met ? missingPaper(facts) : null;
  const civil = !met
    ? check(
        'civil-obligations',
        'FAIL',
        corruption ? 'Tội tham nhũng phải thực hiện xong nghĩa vụ dân sự' : 'Chưa thực hiện nghĩa vụ dân sự',
        corruption ? 'Corruption requires civil obligations fully met' : 'Civil obligations not met',
        citation,
      )
    : paper
      ? check(
          'civil-obligations',
          'MISSING_DATA',
          `Hồ sơ ${paper[0]}`,
          `The dossier: ${paper[1]}`,
          'NĐ52 5(3)(g), 5(5)',
        )
      : check(
          'civil-obligations',
          'PASS',
          'Đã thực hiện nghĩa vụ dân sự theo quy định',
          'Civil obligations met as the law requires',
          citation,
        );
  return [fines(facts.finesAndFeesPaid), civil];
}
