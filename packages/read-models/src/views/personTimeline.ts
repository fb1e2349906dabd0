import { eventDefinition, formatVietnameseDate, localDateAt } from '@dacxa/domain';
import type { RecordedEvent } from '@dacxa/event-store';
import type { Projection } from '../engine/projection.js';

/** One line of a person's history, in Vietnamese, with no personal value in it. */
export interface TimelineEntry {
  [key: string]: unknown;
  personId: string;
  stream: string;
  occurredOn: string;
  text: string;
  type: string;
}

// Details worth a clause, taken only from fields that are never personal.
const DETAILS: Record<string, (d: Record<string, unknown>) => string> = {
  PersonClassified: (d) => `nhóm ${String(d.group)} (${String(d.quarter)})`,
  SupervisorAssigned: (d) => `theo quyết định số ${String((d.decision as { number: string }).number)}`,
  ManagementFileOpened: (d) => `hồ sơ ${String(d.fileNo)}${d.late ? ', quá hạn' : ''}`,
  PersonReported: (d) => (d.late ? 'quá hạn trình diện' : 'đúng hạn'),
  CaseTransferredOut: (d) => `chuyển đến ${String(d.toCommune)}`,
  CaseClosed: (d) => `lý do ${String(d.reason)}`,
  LoanApproved: (d) => `${Number(d.amount).toLocaleString('vi-VN')} đồng, ${String(d.termMonths)} tháng`,
  ViolationRecorded: (d) => String(d.kind).toLowerCase().replaceAll('_', ' '),
};

/** A readable line: "03/09/2025 — Người được đặc xá … trình diện: đúng hạn". */
export function timelineText(event: RecordedEvent): string {
  const label = eventDefinition(event.type)?.label.vi ?? event.type;
  const detail = DETAILS[event.type]?.(event.data as Record<string, unknown>);
  return `${formatVietnameseDate(localDateAt(event.occurredAt))} — ${label}${detail ? `: ${detail}` : ''}`;
}

/** A person's timeline across their case and dossier streams, by the event's data subject. */
export const personTimelineProjection: Projection<TimelineEntry> = {
  name: 'person-timeline',
  version: 1,
  collections: [{ name: 'timeline', indexes: ['personId', 'occurredOn'] }],
  route: (event) =>
    typeof event.metadata.subject === 'string' ? [{ collection: 'timeline', id: event.id }] : [],
  evolve: (_doc, event) => ({
    personId: String(event.metadata.subject),
    stream: event.stream,
    occurredOn: localDateAt(event.occurredAt),
    text: timelineText(event),
    type: event.type,
  }),
};
