import type { LegalRef } from './legalBasis.js';

/** A business rule a decider enforces: a stable id, what a refusal says, and where the law says it. */
export interface Rule {
  id: string;
  /** `forbidden`: this actor may not do it; `illegal-state`: nobody may, in the case's present state. */
  kind: 'forbidden' | 'illegal-state';
  vi: string;
  en: string;
  basis?: LegalRef;
}

/** Declares a rule once; deciders refuse by naming it, and the catalogue lists it. */
export function defineRule<const R extends Rule>(rule: R): R {
  return rule;
}

/** A refusal by the domain: names the rule, its legal basis, and says why in Vietnamese and English. */
export class DomainRefusal extends Error {
  readonly code: 'ERR_FORBIDDEN' | 'ERR_ILLEGAL_STATE';
  readonly rule: string;
  readonly basis: LegalRef | undefined;
  readonly vi: string;
  readonly en: string;

  constructor(rule: Rule, detail?: string) {
    const suffix = detail ? ` (${detail})` : '';
    super(`${rule.vi}${suffix} — ${rule.en}${suffix}`);
    this.name = rule.kind === 'forbidden' ? 'ForbiddenError' : 'IllegalStateError';
    this.code = rule.kind === 'forbidden' ? 'ERR_FORBIDDEN' : 'ERR_ILLEGAL_STATE';
    this.rule = rule.id;
    this.basis = rule.basis;
    this.vi = rule.vi + suffix;
    this.en = rule.en + suffix;
  }
}

/** Throws the refusal for `rule`. */
export function refuse(rule: Rule, detail?: string): never {
  throw new DomainRefusal(rule, detail);
}

/** Refuses with `rule` unless `condition` holds. */
export function ensure(condition: boolean, rule: Rule, detail?: string): asserts condition {
  if (!condition) refuse(rule, detail);
}
