import type { RoundParameters } from '../round/parameters.js';
import type { HeldRating } from './dossier.js';
import { check } from './check.js';
import type { DossierKind, EligibilityCheck, Sentence } from './values.js';

const GOOD = new Set(['TOT', 'KHA']);
const LABEL: Record<string, string> = { TOT: 'tốt', KHA: 'khá', TRUNG_BINH: 'trung bình', KEM: 'kém' };

/** `2024-Q3` as a running number, so consecutive quarters differ by one. */
const index = (quarter: string): number => Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1;

function quartersNeeded(sentence: Sentence, params: RoundParameters): number {
  if (sentence.kind === 'LIFE_COMMUTED') return params.lifeQuarters;
  const band = params.quarterBands.find(
    (b) =>
      sentence.termMonths > b.overMonths && (b.upToMonths === null || sentence.termMonths <= b.upToMonths),
  );
  // A term no band covers needs the most any band asks: the conservative reading, never none.
  return band?.quarters ?? Math.max(0, ...params.quarterBands.map((b) => b.quarters));
}

/** The run of consecutive classified quarters that ends with the latest one. */
function latestRun(quarters: readonly string[]): number {
  const sorted = [...new Set(quarters)].map(index).sort((a, b) => b - a);
  let run = 0;
  while (run < sorted.length && sorted[run] === sorted[0]! - run) run++;
  return run;
}

/** What the conduct check reads: the ratings the facility recorded, as of the assessment. */
export interface ConductFacts {
  kind: DossierKind;
  sentence: Sentence;
  ratings: readonly HeldRating[];
  assessedOn: string;
}

/**
 * LĐX 11(1)(a) (11(2)(a) for a suspended person, rated before the suspension) and NĐ52 4(1): every
 * classified quarter khá or tốt, the round's run of consecutive quarters for the sentence, and, for a
 * prisoner, khá or tốt from the round's conduct window to the meeting. All from recorded ratings.
 */
export function conductCheck(facts: ConductFacts, params: RoundParameters): EligibilityCheck {
  const citation = facts.kind === 'SUSPENDED' ? 'LĐX 11(2)(a); NĐ52 4(1)' : 'LĐX 11(1)(a); NĐ52 4(1)';
  const rated = facts.ratings.filter((r) => r.ratedOn <= facts.assessedOn);
  const poor = rated.find((r) => !GOOD.has(r.rating));
  if (poor) {
    const when = poor.quarter ?? `từ ${params.conductWindowFrom}`;
    return check(
      'conduct',
      'FAIL',
      `Kỳ xếp loại ${when} chỉ đạt loại ${LABEL[poor.rating]}: mọi kỳ đã xếp loại phải khá hoặc tốt`,
      `Rated ${poor.rating} for ${poor.quarter ?? `the period since ${params.conductWindowFrom}`}: every classified period must be khá or tốt`,
      citation,
    );
  }
  const quarters = rated.flatMap((r) => (r.period === 'QUARTER' && r.quarter ? [r.quarter] : []));
  const needed = quartersNeeded(facts.sentence, params);
  if (quarters.length === 0)
    return check(
      'conduct',
      'MISSING_DATA',
      'Chưa ghi nhận kết quả xếp loại chấp hành án của quý nào',
      'No quarter’s conduct rating is recorded',
      citation,
    );
  const run = latestRun(quarters);
  if (run < needed)
    return check(
      'conduct',
      'FAIL',
      `${run} quý liên tục khá/tốt, cần ${needed}`,
      `${run} consecutive good quarters, ${needed} needed`,
      citation,
    );
  // The window is the prisoner's: a suspended person's ratings end when the sentence was suspended.
  const sinceWindow = rated.some((r) => r.ratedOn >= params.conductWindowFrom);
  if (facts.kind === 'PRISONER' && !sinceWindow)
    return check(
      'conduct',
      'MISSING_DATA',
      `Chưa có kết quả xếp loại từ ${params.conductWindowFrom} đến khi họp xét`,
      `No rating recorded since the round’s conduct window opened on ${params.conductWindowFrom}`,
      citation,
    );
  return check(
    'conduct',
    'PASS',
    `${run} quý liên tục khá/tốt (cần ${needed}), mọi kỳ đã xếp loại đều khá/tốt`,
    `${run} consecutive good quarters (needs ${needed}); every classified period khá or tốt`,
    citation,
  );
}
