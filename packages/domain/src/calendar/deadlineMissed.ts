import { z } from 'zod';
import { defineCommand } from '../shared/command.js';
import { defineEvent } from '../shared/defineEvent.js';
import type { LegalRef } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { DEADLINE_RULES, type DeadlineRuleId } from './deadlineRules.js';

/** The aggregates whose streams hold duties the clock can record missed (the rule id's prefix). */
export type DeadlineHolder = 'case' | 'dossier' | 'oversight' | 'round' | 'subject-request';

/** The duties (not windows: a window closes, nobody misses it) held in a `holder`'s streams. */
export function dutiesOf(holder: DeadlineHolder): DeadlineRuleId[] {
  return (Object.keys(DEADLINE_RULES) as DeadlineRuleId[]).filter(
    (id) => id.startsWith(`${holder}.`) && DEADLINE_RULES[id].nature === 'duty',
  );
}

const basisOf = (holder: DeadlineHolder): LegalRef[] => {
  const refs = dutiesOf(holder).flatMap((id) => [...DEADLINE_RULES[id].basis]);
  return refs.filter((r, i) => refs.findIndex((s) => s.source === r.source && s.article === r.article) === i);
};

/**
 * What a missed duty records: the rule, the opening's key where a stream has several (a complaint,
 * a recommendation, an appraisal team), the due date as the view derived it and the day after it.
 */
const missedSchema = (holder: DeadlineHolder) =>
  z
    .object({
      rule: z.enum(dutiesOf(holder) as [DeadlineRuleId, ...DeadlineRuleId[]]),
      key: z.string().min(1).max(200).optional(),
      dueOn: LocalDate,
      detectedOn: LocalDate,
    })
    .strict();

const LABEL = { vi: 'Quá thời hạn thực hiện', en: 'Deadline missed' } as const;
const missed = <const T extends string>(type: T, holder: DeadlineHolder) =>
  defineEvent({
    type,
    version: 1,
    aggregate: holder,
    label: LABEL,
    emittedBy: ['system'],
    basis: basisOf(holder),
    schema: missedSchema(holder),
  });

/** A case's duty passed unmet (TT10 8(1), 10(2), 11(2), 15(2)): recorded by the clock only. */
export const CaseDeadlineMissed = missed('CaseDeadlineMissed', 'case');
/** A dossier's complaint or appeal went unresolved in its 5 days (LĐX 37). */
export const DossierDeadlineMissed = missed('DossierDeadlineMissed', 'dossier');
/** An oversight recommendation went unanswered by its response date (LĐX 30(3), 34(3)). */
export const OversightDeadlineMissed = missed('OversightDeadlineMissed', 'oversight');
/** An appraisal team sent no minutes in its 15 days (LĐX 16(1)). */
export const RoundDeadlineMissed = missed('RoundDeadlineMissed', 'round');

/** A data-subject request went unacknowledged or unanswered in its time (Decree 356/2025). */
export const SubjectRequestDeadlineMissed = missed('SubjectRequestDeadlineMissed', 'subject-request');

/** Every missed-deadline event, by the aggregate whose stream holds it. */
export const DEADLINE_MISSED_EVENTS = {
  case: CaseDeadlineMissed,
  dossier: DossierDeadlineMissed,
  oversight: OversightDeadlineMissed,
  round: RoundDeadlineMissed,
  'subject-request': SubjectRequestDeadlineMissed,
} as const;

/** The stored types of the missed-deadline events: what views read as `missed-recorded`. */
export const DEADLINE_MISSED_TYPES: readonly string[] = Object.values(DEADLINE_MISSED_EVENTS).map(
  (e) => e.type,
);

/** The clock's one command per holder: record that a duty passed unmet. System only. */
export const recordDeadlineMissed = (holder: DeadlineHolder) =>
  defineCommand({
    type: 'RecordDeadlineMissed',
    label: { vi: 'Ghi nhận quá thời hạn', en: 'Record a missed deadline' },
    schema: missedSchema(holder),
  });
