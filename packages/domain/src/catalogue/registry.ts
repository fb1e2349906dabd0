import { LOAN_LIST_EVENTS } from '../reintegration/loanListEvents.js';
import { VBSP_RATE_EVENTS } from '../reintegration/vbspRateEvents.js';
import { ESTABLISHMENT_LOAN_EVENTS } from '../reintegration/loanEstablishmentEvents.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import { DEADLINE_MISSED_EVENTS } from '../calendar/deadlineMissed.js';
import { CALENDAR_EVENTS } from '../calendar/events.js';
import { CORRECTION_EVENTS } from '../correction/events.js';
import { DOSSIER_EVENTS } from '../dossier/events.js';
import { ORG_UNIT_EVENTS } from '../orgUnits/events.js';
import { OVERSIGHT_EVENTS } from '../oversight/events.js';
import { PERSON_EVENTS } from '../person/person.js';
import { PLAN_EVENTS } from '../plan/events.js';
import { CASE_EVENTS } from '../reintegration/events.js';
import { REPORT_EVENTS } from '../report/events.js';
import { ROUND_EVENTS } from '../round/events.js';
import type { DomainEvent, EventDefinition } from '../shared/defineEvent.js';
import { SUBJECT_REQUEST_EVENTS } from '../subjectRequest/events.js';
import { BREACH_EVENTS } from '../breach/events.js';
import { TASK_EVENTS } from '../task/events.js';
import { personalPathsOf } from '../shared/personalPaths.js';
import { UPCASTERS, type UpcastContext, type Upcaster } from './upcasters.js';

/** Every event type dacxa records, each declared once. */
export const ALL_EVENTS: readonly EventDefinition[] = [
  ...CASE_EVENTS,
  ...PLAN_EVENTS,
  ...TASK_EVENTS,
  ...REPORT_EVENTS,
  ...OVERSIGHT_EVENTS,
  ...ROUND_EVENTS,
  ...DOSSIER_EVENTS,
  ...ORG_UNIT_EVENTS,
  ...CALENDAR_EVENTS,
  ...CORRECTION_EVENTS,
  ...SUBJECT_REQUEST_EVENTS,
  ...BREACH_EVENTS,
  ...LOAN_LIST_EVENTS,
  ...VBSP_RATE_EVENTS,
  ...ESTABLISHMENT_LOAN_EVENTS,
  ...Object.values(DEADLINE_MISSED_EVENTS),
  ...PERSON_EVENTS,
  ...AUDIT_EVENTS,
];

const byType = new Map(ALL_EVENTS.map((definition) => [definition.type, definition]));

/** A stored event could not be read as any version of a known event type. */
export class UnreadableEventError extends Error {
  readonly code = 'ERR_UNREADABLE_EVENT';
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    reason: string,
  ) {
    super(
      `Không đọc được sự kiện ${type} v${schemaVersion}: ${reason} (cannot read ${type} v${schemaVersion}: ${reason})`,
    );
    this.name = 'UnreadableEventError';
  }
}

/** The declaration of an event type, if dacxa knows it. */
export function eventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}

/**
 * An event as stored (any version) as the domain's current shape: upcast step by step to the
 * current version, then parsed by the current schema, so nothing malformed reaches a decider.
 */
export function readStoredEvent(
  stored: { type: string; schemaVersion: number; data: unknown; metadata: UpcastContext['metadata'] },
  upcasters: readonly Upcaster[] = UPCASTERS,
): DomainEvent {
  const definition = byType.get(stored.type);
  if (!definition) throw new UnreadableEventError(stored.type, stored.schemaVersion, 'unknown type');
  if (stored.schemaVersion > definition.version) {
    throw new UnreadableEventError(
      stored.type,
      stored.schemaVersion,
      `newer than this build (v${definition.version})`,
    );
  }
  let data = stored.data;
  for (let version = stored.schemaVersion; version < definition.version; version++) {
    const step = upcasters.find((u) => u.type === stored.type && u.from === version);
    if (!step)
      throw new UnreadableEventError(stored.type, stored.schemaVersion, `no upcaster from v${version}`);
    data = step.up(data, { metadata: stored.metadata });
  }
  const parsed = definition.schema.safeParse(data);
  if (parsed.success) return { type: stored.type, data: parsed.data };
  // A personal value erased (right to erasure) or withheld from the reader reads as a marker, which
  // its schema refuses; nothing the domain folds reads a personal value, so the event still reads.
  if (parsed.error.issues.every((issue) => withinPersonal(definition, issue.path)))
    return { type: stored.type, data };
  throw new UnreadableEventError(stored.type, stored.schemaVersion, parsed.error.message);
}

const personalPaths = new Map<string, string[][]>();

/** Whether an issue's path lies in a personal field of the event's schema (`[]`: any element). */
function withinPersonal(definition: EventDefinition, path: readonly PropertyKey[]): boolean {
  let paths = personalPaths.get(definition.type);
  if (!paths) personalPaths.set(definition.type, (paths = personalPathsOf(definition.schema)));
  return paths.some(
    (personal) =>
      personal.length <= path.length &&
      personal.every((part, i) => part === '[]' || part === String(path[i])),
  );
}

/** Parses an event of the current version with its published schema: what a decider returns must pass. */
export function validateEvent(event: DomainEvent): DomainEvent {
  const definition = byType.get(event.type);
  if (!definition) throw new UnreadableEventError(event.type, 0, 'unknown type');
  return readStoredEvent(
    { type: event.type, schemaVersion: definition.version, data: event.data, metadata: { unit: '' } },
    [],
  );
}
