import type { RoundParameters } from '../round/parameters.js';
import { check } from './check.js';
import type { EligibilityCheck, Sentence } from './values.js';

type Exclusion = RoundParameters['exclusions'][number];

/** What a round's exclusions are found from: the sentence as recorded and the papers proving one. */
export interface ExclusionFacts {
  sentence: Sentence;
  priorConvictions: number;
  /** Exclusions a ROUND_SPECIFIC ground recorded on the dossier proves, by id. */
  provenExclusions: readonly string[];
}

/** Whether the sentence's facts meet the exclusion: true, false, or null where they do not say. */
function matches(rule: Exclusion, facts: ExclusionFacts): boolean | null {
  if (!rule.match) return false;
  const articles = facts.sentence.offenceArticles;
  const intentional = articles?.filter((a) => a.intentional).length;
  const crimes = articles?.length ?? facts.sentence.offences.length;
  let unknown = false;
  for (const way of rule.match) {
    if (way.intentionalCrimesAtLeast !== undefined && intentional === undefined) {
      unknown = true;
      continue;
    }
    const holds =
      (way.crimesAtLeast === undefined || crimes >= way.crimesAtLeast) &&
      (way.intentionalCrimesAtLeast === undefined || (intentional ?? 0) >= way.intentionalCrimesAtLeast) &&
      (way.priorConvictionsAtLeast === undefined || facts.priorConvictions >= way.priorConvictionsAtLeast);
    if (holds) return true;
  }
  return unknown ? null : false;
}

/**
 * The round's own exclusions (LĐX 12(6)), each found from the recorded facts, never chosen by the
 * assessor: from the sentence's offences where the exclusion rests on them, otherwise only from a
 * paper recorded on the dossier naming it.
 */
export function roundExclusionChecks(facts: ExclusionFacts, params: RoundParameters): EligibilityCheck[] {
  return params.exclusions.map((rule) => {
    const hit = facts.provenExclusions.includes(rule.id) || matches(rule, facts);
    const id = `round:${rule.id}`;
    if (hit === null)
      return check(
        id,
        'MISSING_DATA',
        `Bản án chưa ghi điều luật và lỗi cố ý của từng tội để xét: ${rule.vi}`,
        `The sentence does not record each offence’s article and intent, needed for: ${rule.en}`,
        rule.citation,
      );
    return hit
      ? check(id, 'FAIL', rule.vi, rule.en, rule.citation)
      : check(id, 'PASS', `Không thuộc: ${rule.vi}`, `Not: ${rule.en}`, rule.citation);
  });
}
