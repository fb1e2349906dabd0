import { HOLDER_TAGS, type Holders, type RecordKind } from '@dacxa/domain';
import { CORRECTION_SCOPE_TAGS, correctionScopeKey } from '@dacxa/read-models';
import type { ViewSpec } from './viewCatalogue.js';
import { filtersOf } from './viewFilters.js';

const KINDS = new Set<string>(Object.keys(CORRECTION_SCOPE_TAGS));
const TAGS = new Set<string>(HOLDER_TAGS);

/** The holders the proposal recorded for the corrected record: the only ones the policy is asked about. */
function holdersOf(doc: Record<string, unknown>): Holders {
  if (!Array.isArray(doc.holders)) return [];
  return doc.holders.flatMap((h: unknown) => {
    const { tag, unit, name } = (h ?? {}) as Record<string, unknown>;
    if (typeof tag !== 'string' || !TAGS.has(tag) || typeof unit !== 'string') return [];
    return [{ tag, unit, ...(typeof name === 'string' ? { name } : {}) } as Holders[number]];
  });
}

/**
 * The corrections inbox (four eyes): a correction is read as the record it corrects is, by that
 * record's kind and holders (historyRoutes.ts reads a correction's history the same way). Its new
 * values are never personal (the decider refuses sealed fields), so reads are not logged.
 */
export const CORRECTIONS_VIEW: ViewSpec = {
  projection: 'corrections',
  collection: 'corrections',
  access: {
    kinds: CORRECTION_SCOPE_TAGS,
    key: correctionScopeKey,
    kindOf: (doc) =>
      typeof doc.targetKind === 'string' && KINDS.has(doc.targetKind) ? (doc.targetKind as RecordKind) : null,
    field: 'scopeKey',
    holders: holdersOf,
  },
  filters: filtersOf('corrections', 'corrections'),
  orderBy: 'correctionId',
  personal: false,
};
