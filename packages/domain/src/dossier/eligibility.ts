import { toUtcDate, type LocalDate } from '../shared/localDate.js';
import type { RoundParameters } from '../round/parameters.js';
import type { ReducedEvidence } from './reducedEvidence.js';
import type { EligibilityCheck, Sentence } from './values.js';

/** Everything an assessment looks at; `null` where the dossier does not yet say. */
export interface EligibilityFacts {
  sentence: Sentence;
  reducedCategory: string | null;
  /** Whether the dossier's papers prove the category on the day assessed (null: none claimed). */
  reducedEvidence?: ReducedEvidence | null;
  consecutiveGoodQuarters: number | null;
  ratedGoodSinceWindow: boolean | null;
  finesAndFeesPaid: boolean | null;
  civilObligation: string | null;
  securityConcern: boolean | null;
  aggravatingProtest: boolean;
  newProsecution: boolean;
  previouslyPardoned: boolean;
  priorConvictions: number;
  roundExclusionsMatched: readonly string[];
}

type Outcome = EligibilityCheck['outcome'];
const check = (
  rule: string,
  outcome: Outcome,
  vi: string,
  en: string,
  citation: string,
): EligibilityCheck => ({ rule, outcome, reason: { vi, en }, citation });
const DAY = 86_400_000;

/** Days served by the cut-off: from custody, less bail/deferment/suspension (reductions never count). */
export function servedDays(sentence: Sentence, cutoff: LocalDate): number {
  return (
    Math.floor((toUtcDate(cutoff).getTime() - toUtcDate(sentence.servedSince).getTime()) / DAY) +
    1 -
    sentence.excludedDays
  );
}

/** Days a sentence must have been served: LĐX 11(1)(b), or the round's reduced fraction for 11(3). */
export function requiredDays(sentence: Sentence, reduced: boolean, params: RoundParameters): number {
  if (sentence.kind === 'LIFE_COMMUTED') return Math.round((sentence.seriousListed ? 17 : 14) * 365.25);
  const fraction = reduced ? params.reducedFraction : sentence.seriousListed ? 1 / 2 : 1 / 3;
  return Math.ceil(sentence.termMonths * fraction * (365.25 / 12));
}

function quartersNeeded(sentence: Sentence, params: RoundParameters): number {
  if (sentence.kind === 'LIFE_COMMUTED') return params.lifeQuarters;
  const band = params.quarterBands.find(
    (b) =>
      sentence.termMonths > b.overMonths && (b.upToMonths === null || sentence.termMonths <= b.upToMonths),
  );
  // A term no band covers needs the most any band asks: the conservative reading, never none.
  return band?.quarters ?? Math.max(0, ...params.quarterBands.map((b) => b.quarters));
}

function conduct(facts: EligibilityFacts, params: RoundParameters): EligibilityCheck {
  const citation = 'LĐX 11(1)(a); NĐ52 4(1)';
  const needed = quartersNeeded(facts.sentence, params);
  if (facts.consecutiveGoodQuarters === null || facts.ratedGoodSinceWindow === null) {
    return check(
      'conduct',
      'MISSING_DATA',
      'Thiếu kết quả xếp loại chấp hành án',
      'Conduct ratings are missing',
      citation,
    );
  }
  const ok = facts.consecutiveGoodQuarters >= needed && facts.ratedGoodSinceWindow;
  return ok
    ? check(
        'conduct',
        'PASS',
        `${facts.consecutiveGoodQuarters} quý liên tục khá/tốt (cần ${needed})`,
        `${facts.consecutiveGoodQuarters} consecutive good quarters (needs ${needed})`,
        citation,
      )
    : check(
        'conduct',
        'FAIL',
        `Chưa đủ ${needed} quý liên tục khá/tốt hoặc không khá/tốt từ ${params.conductWindowFrom}`,
        `Fewer than ${needed} consecutive good quarters, or not rated good since ${params.conductWindowFrom}`,
        citation,
      );
}

/** Whether the reduced threshold applies: a category claimed and proven on paper (NĐ52 5(3)). */
export const reducedApplies = (facts: Pick<EligibilityFacts, 'reducedCategory' | 'reducedEvidence'>) =>
  facts.reducedCategory !== null && (facts.reducedEvidence ?? 'proven') === 'proven';

function timeServed(facts: EligibilityFacts, params: RoundParameters): EligibilityCheck {
  const reduced = reducedApplies(facts);
  const served = servedDays(facts.sentence, params.servedTimeCutoff);
  const required = requiredDays(facts.sentence, reduced, params);
  const citation = reduced ? 'LĐX 11(3)' : 'LĐX 11(1)(b)';
  // A category claimed without a valid paper: the general threshold applies until one is attached.
  if (served < required && facts.reducedCategory !== null && !reduced) {
    const expired = facts.reducedEvidence === 'expired';
    return check(
      'time-served',
      'MISSING_DATA',
      expired
        ? `Mới chấp hành ${served} ngày, cần ${required}; tài liệu chứng minh diện giảm thời gian đã hết hạn (kết luận y tế có giá trị 06 tháng)`
        : `Mới chấp hành ${served} ngày, cần ${required}; hồ sơ chưa có tài liệu chứng minh diện giảm thời gian`,
      expired
        ? `Served ${served} of ${required} days; the paper proving the reduced category has expired (a medical conclusion is valid 6 months)`
        : `Served ${served} of ${required} days; no paper in the dossier proves the reduced category`,
      'LĐX 11(3); NĐ52 5(3)',
    );
  }
  return served >= required
    ? check(
        'time-served',
        'PASS',
        `Đã chấp hành ${served} ngày, cần ${required}`,
        `Served ${served} days of the ${required} required`,
        citation,
      )
    : check(
        'time-served',
        'FAIL',
        `Mới chấp hành ${served} ngày, cần ${required} tính đến ${params.servedTimeCutoff}`,
        `Served ${served} days, ${required} required by ${params.servedTimeCutoff}`,
        citation,
      );
}

function obligations(facts: EligibilityFacts): EligibilityCheck[] {
  const fines =
    facts.finesAndFeesPaid === null
      ? check(
          'fines-paid',
          'MISSING_DATA',
          'Chưa có xác nhận nộp tiền phạt, án phí',
          'No confirmation that fines and court fees are paid',
          'LĐX 11(1)(c)',
        )
      : facts.finesAndFeesPaid
        ? check('fines-paid', 'PASS', 'Đã nộp tiền phạt, án phí', 'Fines and court fees paid', 'LĐX 11(1)(c)')
        : check(
            'fines-paid',
            'FAIL',
            'Chưa nộp đủ tiền phạt, án phí',
            'Fines or court fees unpaid',
            'LĐX 11(1)(c)',
          );
  const status = facts.civilObligation;
  const citation = facts.sentence.corruption ? 'LĐX 11(1)(d)' : 'LĐX 11(1)(đ); NĐ52 4(2–3)';
  const met =
    status === 'FULFILLED' ||
    status === 'ENFORCEMENT_TERMINATED' ||
    status === 'CREDITOR_WAIVED' ||
    (status === 'PARTIAL_UNABLE_TO_PAY' && !facts.sentence.corruption);
  const civil =
    status === null
      ? check(
          'civil-obligations',
          'MISSING_DATA',
          'Chưa có xác nhận của cơ quan thi hành án dân sự',
          'No confirmation from civil-judgment enforcement',
          citation,
        )
      : met
        ? check(
            'civil-obligations',
            'PASS',
            'Đã thực hiện nghĩa vụ dân sự theo quy định',
            'Civil obligations met as the law requires',
            citation,
          )
        : check(
            'civil-obligations',
            'FAIL',
            facts.sentence.corruption
              ? 'Tội tham nhũng phải thực hiện xong nghĩa vụ dân sự'
              : 'Chưa thực hiện nghĩa vụ dân sự',
            facts.sentence.corruption
              ? 'Corruption requires civil obligations fully met'
              : 'Civil obligations not met',
            citation,
          );
  return [fines, civil];
}

function exclusions(facts: EligibilityFacts, params: RoundParameters): EligibilityCheck[] {
  const statute: [string, boolean, string, string, string][] = [
    [
      'national-security',
      facts.sentence.nationalSecurityListed,
      'Tội xâm phạm an ninh quốc gia thuộc danh mục loại trừ',
      'A listed national-security crime',
      'LĐX 12(1)',
    ],
    [
      'aggravating-protest',
      facts.aggravatingProtest,
      'Đang có kháng nghị giám đốc thẩm/tái thẩm theo hướng tăng nặng',
      'A cassation or reopening protest toward heavier liability is pending',
      'LĐX 12(2)',
    ],
    [
      'new-prosecution',
      facts.newProsecution,
      'Đang bị truy cứu trách nhiệm hình sự về tội phạm khác',
      'Being prosecuted for another crime',
      'LĐX 12(3)',
    ],
    [
      'previously-pardoned',
      facts.previouslyPardoned,
      'Đã được đặc xá trước đây',
      'Pardoned before',
      'LĐX 12(4)',
    ],
    [
      'prior-convictions',
      facts.priorConvictions >= 2,
      'Có từ 2 tiền án trở lên',
      'Two or more prior convictions',
      'LĐX 12(5)',
    ],
  ];
  const out = statute.map(([rule, excluded, vi, en, citation]) =>
    excluded
      ? check(rule, 'FAIL', vi, en, citation)
      : check(rule, 'PASS', `Không thuộc: ${vi.toLowerCase()}`, `Not: ${en.toLowerCase()}`, citation),
  );
  for (const rule of params.exclusions) {
    const hit = facts.roundExclusionsMatched.includes(rule.id);
    out.push(
      check(
        `round:${rule.id}`,
        hit ? 'FAIL' : 'PASS',
        hit ? rule.vi : `Không thuộc: ${rule.vi}`,
        hit ? rule.en : `Not: ${rule.en}`,
        rule.citation,
      ),
    );
  }
  const security =
    facts.securityConcern === null
      ? check(
          'security',
          'MISSING_DATA',
          'Chưa có đánh giá về an ninh, trật tự',
          'No assessment of the risk to security and order',
          'LĐX 11(1)(e)',
        )
      : facts.securityConcern
        ? check(
            'security',
            'FAIL',
            'Việc tha tù có thể ảnh hưởng an ninh, trật tự',
            'Release may harm security and order',
            'LĐX 11(1)(e)',
          )
        : check(
            'security',
            'PASS',
            'Không ảnh hưởng an ninh, trật tự',
            'No risk to security and order',
            'LĐX 11(1)(e)',
          );
  return [security, ...out];
}

/** One explained result for every rule of LĐX 11–12 and the round's own exclusions. */
export function assessEligibility(
  facts: EligibilityFacts,
  params: RoundParameters,
): { checks: EligibilityCheck[]; eligible: boolean } {
  const checks = [
    conduct(facts, params),
    timeServed(facts, params),
    ...obligations(facts),
    ...exclusions(facts, params),
  ];
  return { checks, eligible: checks.every((c) => c.outcome === 'PASS') };
}
