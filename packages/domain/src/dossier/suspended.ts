import { check } from './check.js';
import type { EligibilityCheck } from './values.js';

/**
 * A suspended person must have kept strictly to the law while suspended (LĐX 11(2)(d)), shown by
 * the commune's written comment (LĐX 14(5)), with the court's suspension decision (NĐ52 5(8)).
 */
export function lawAbidingCheck(facts: {
  lawAbidingWhileSuspended: boolean | null;
  suspensionDecisionHeld: boolean;
}): EligibilityCheck {
  const citation = 'LĐX 11(2)(d), 14(5); NĐ52 5(8)';
  if (!facts.suspensionDecisionHeld)
    return check(
      'law-abiding-while-suspended',
      'MISSING_DATA',
      'Hồ sơ chưa có quyết định tạm đình chỉ chấp hành án phạt tù',
      'The dossier holds no decision suspending the sentence',
      citation,
    );
  if (facts.lawAbidingWhileSuspended === null)
    return check(
      'law-abiding-while-suspended',
      'MISSING_DATA',
      'Chưa có văn bản nhận xét của UBND xã về việc chấp hành pháp luật trong thời gian tạm đình chỉ',
      'No commune comment on keeping to the law while suspended',
      citation,
    );
  return facts.lawAbidingWhileSuspended
    ? check(
        'law-abiding-while-suspended',
        'PASS',
        'UBND xã nhận xét chấp hành nghiêm chỉnh pháp luật trong thời gian tạm đình chỉ',
        'The commune says the person kept strictly to the law while suspended',
        citation,
      )
    : check(
        'law-abiding-while-suspended',
        'FAIL',
        'UBND xã nhận xét không chấp hành nghiêm chỉnh pháp luật trong thời gian tạm đình chỉ',
        'The commune says the person did not keep strictly to the law while suspended',
        citation,
      );
}
