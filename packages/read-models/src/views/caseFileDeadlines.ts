import type { RecordedEvent } from '@dacxa/event-store';
import { deadlineFactsOf, dueUnderRule, type DeadlineRuleId, type HolidayCalendar } from '@dacxa/domain';

/** The case file's fields that hold a due date computed from a rule. */
export type DueField = 'verifyBy' | 'fileDueBy' | 'supervisorDueBy';

/** Where a field's due date comes from: the rule and the day counted from (DOMAIN.md, deadline rules). */
export interface DueFact {
  rule: DeadlineRuleId;
  from: string;
}

/** The fields each rule's due date is shown in; after a transfer in, both the file and the proposal wait on it. */
const FIELDS: Partial<Record<DeadlineRuleId, readonly DueField[]>> = {
  'case.verify-residence': ['verifyBy'],
  'case.open-file': ['fileDueBy'],
  'case.supervisor-proposal': ['supervisorDueBy'],
  'case.transfer-continue': ['fileDueBy', 'supervisorDueBy'],
};

/** What a case file carries of its computed deadlines. */
export interface CaseDeadlineFields {
  verifyBy: string | null;
  fileDueBy: string | null;
  supervisorDueBy: string | null;
  /** The facts each computed field comes from: an amended calendar recomputes the open ones from these. */
  dueFacts: Partial<Record<DueField, DueFact>>;
  /** Fields whose date rests on a provisional year (2027 today). */
  dueProvisional: Partial<Record<DueField, boolean>>;
}

/** One field over `calendar`; the date stored in it where the facts cannot be counted (an uncovered year). */
function derive<D extends CaseDeadlineFields>(doc: D, field: DueField, calendar: HolidayCalendar): D {
  const fact = doc.dueFacts[field];
  if (!fact) return doc;
  try {
    const due = dueUnderRule(fact.rule, fact.from, calendar);
    return { ...doc, [field]: due.date, dueProvisional: { ...doc.dueProvisional, [field]: due.provisional } };
  } catch {
    return { ...doc, dueProvisional: { ...doc.dueProvisional, [field]: true } };
  }
}

/** The facts an event opened on the case, kept beside the dates they give over `calendar`. */
export function withDueFacts<D extends CaseDeadlineFields>(
  doc: D,
  event: RecordedEvent,
  calendar: HolidayCalendar,
): D {
  let next = doc;
  for (const { fact, opening } of deadlineFactsOf(event.type, event.data as Record<string, unknown>)) {
    if (opening.tracked === false) continue;
    for (const field of FIELDS[fact.rule] ?? []) {
      next = { ...next, dueFacts: { ...next.dueFacts, [field]: { rule: fact.rule, from: fact.from } } };
      next = derive(next, field, calendar);
    }
  }
  return next;
}

/** The open fields recomputed over an amended calendar; a met one keeps the date it was met against. */
export function rederive<D extends CaseDeadlineFields>(
  doc: D,
  open: readonly DueField[],
  calendar: HolidayCalendar,
): D {
  return open.reduce((next, field) => derive(next, field, calendar), doc);
}
