import { toUtcDate, type LocalDate } from '../shared/localDate.js';
import type { RoundParameters } from '../round/parameters.js';
import { check } from './check.js';
import { civilChecks, type CivilFacts } from './civilObligations.js';
import { conductCheck, type ConductFacts } from './conduct.js';
import type { ReducedEvidence } from './reducedEvidence.js';
import { roundExclusionChecks, type ExclusionFacts } from './roundExclusions.js';
import { lawAbidingCheck } from './suspended.js';
import type { EligibilityCheck, Sentence } from './values.js';

/** Everything an assessment looks at, all as the log records it; `null` where it does not yet say. */
export interface EligibilityFacts extends ConductFacts, CivilFacts, ExclusionFacts {
  reducedCategory: string | null;
  /** Whether the dossier's papers prove the category on the day assessed (null: none claimed). */
  reducedEvidence?: ReducedEvidence | null;
  /** Under 18 now, with the birth certificate (LĐX 11(4)): conditions (c)–(e) do not apply. */
  minorNow?: boolean;
  lawAbidingWhileSuspended: boolean | null;
  suspensionDecisionHeld: boolean;
  securityConcern: boolean | null;
  aggravatingProtest: boolean;
  newProsecution: boolean;
  previouslyPardoned: boolean;
}

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
  if (sentence.kind === 'LIFE_COMMUTED') {
    // LĐX 11(3): the President's shorter time for a category; without one for life, 11(1)(b) stands.
    const years =
      reduced && params.reducedLifeYears !== undefined
        ? params.reducedLifeYears
        : sentence.seriousListed
          ? 17
          : 14;
    return Math.round(years * 365.25);
  }
  const fraction = reduced ? params.reducedFraction : sentence.seriousListed ? 1 / 2 : 1 / 3;
  return Math.ceil(sentence.termMonths * fraction * (365.25 / 12));
}

/** Whether the reduced threshold applies: a category claimed and proven on paper (NĐ52 5(3)). */
export const reducedApplies = (
  facts: Pick<EligibilityFacts, 'reducedCategory' | 'reducedEvidence' | 'minorNow'>,
): boolean =>
  facts.minorNow === true ||
  (facts.reducedCategory !== null && (facts.reducedEvidence ?? 'proven') === 'proven');

function timeServed(facts: EligibilityFacts, params: RoundParameters): EligibilityCheck {
  const reduced = reducedApplies(facts);
  const served = servedDays(facts.sentence, params.servedTimeCutoff);
  const required = requiredDays(facts.sentence, reduced, params);
  const citation = facts.minorNow ? 'LĐX 11(4)' : reduced ? 'LĐX 11(3)' : 'LĐX 11(1)(b)';
  // A category claimed without a valid paper: the general threshold applies until one is attached.
  if (served < required && facts.reducedCategory !== null && !reduced) {
    if (facts.reducedEvidence === 'not-met')
      return check(
        'time-served',
        'FAIL',
        `Mới chấp hành ${served} ngày, cần ${required}; giấy tờ trong hồ sơ không chứng minh người này thuộc diện được giảm thời gian (NĐ52 Điều 4)`,
        `Served ${served} of ${required} days; the dossier's papers show the person is not in the reduced category (NĐ52 Art. 4)`,
        'LĐX 11(3); NĐ52 4',
      );
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
  out.push(...roundExclusionChecks(facts, params));
  const security = facts.minorNow
    ? check(
        'security',
        'PASS',
        'Không áp dụng với người dưới 18 tuổi đang chấp hành án',
        'Does not apply to a person under 18',
        'LĐX 11(4)',
      )
    : facts.securityConcern === null
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

/** LĐX 11(4): a person under 18 needs only conduct and no exclusion, not (c)–(đ). */
const notForMinors = (): EligibilityCheck[] =>
  (['fines-paid', 'civil-obligations'] as const).map((rule) =>
    check(
      rule,
      'PASS',
      'Không áp dụng với người dưới 18 tuổi đang chấp hành án',
      'Does not apply to a person under 18',
      'LĐX 11(4)',
    ),
  );

/** One explained result for every rule of LĐX 11–12 and the round's own exclusions. */
export function assessEligibility(
  facts: EligibilityFacts,
  params: RoundParameters,
): { checks: EligibilityCheck[]; eligible: boolean } {
  const checks = [
    conductCheck(facts, params),
    ...(facts.kind === 'SUSPENDED' ? [lawAbidingCheck(facts)] : []),
    timeServed(facts, params),
    ...(facts.minorNow ? notForMinors() : civilChecks(facts)),
    ...exclusions(facts, params),
  ];
  return { checks, eligible: checks.every((c) => c.outcome === 'PASS') };
}
