import {
  CLOSURE_REASON_LABELS,
  DEADLINE_RULES,
  eventDefinition,
  formatVietnameseDate,
  localDateAt,
  type DeadlineRuleId,
} from '@dacxa/domain';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';

/** One line of a person's history, in Vietnamese, with no personal value in it. */
export interface TimelineEntry {
  stream: string;
  position: string;
  occurredOn: string;
  type: string;
  text: string;
}

/** Why a case ended (TT10 14(1)), as the timeline says it: never the stored code. */
const CLOSURE_REASONS: Readonly<Record<string, string>> = CLOSURE_REASON_LABELS;

/** A violation's kind, in Vietnamese. */
const VIOLATION_KINDS: Record<string, string> = {
  ADMINISTRATIVE: 'vi phạm hành chính',
  OBLIGATION: 'vi phạm nghĩa vụ',
  CRIMINAL_SUSPECTED: 'có dấu hiệu phạm tội',
};

/** Where a person was held (TT10 12(1)(d)), in Vietnamese. */
const HELD_IN: Record<string, string> = {
  TEMPORARY_HOLDING: 'tạm giữ',
  DETENTION: 'tạm giam',
  COMPULSORY_EDUCATION: 'cơ sở giáo dục bắt buộc',
  COMPULSORY_REHAB: 'cơ sở cai nghiện bắt buộc',
  REFORM_SCHOOL: 'trường giáo dưỡng',
};

/** The duty the clock recorded missed, by its rule's Vietnamese label, and its due date. */
const missedDuty = (d: Record<string, unknown>): string => {
  const rule = DEADLINE_RULES[d.rule as DeadlineRuleId] as { label: { vi: string } } | undefined;
  // A quarter names which report; other keys are ids, never shown.
  const quarter = typeof d.key === 'string' && /^\d{4}-Q[1-4]$/.test(d.key) ? ` ${d.key}` : '';
  const due = typeof d.dueOn === 'string' ? `, hạn ${formatVietnameseDate(d.dueOn)}` : '';
  return `${rule?.label.vi ?? 'thời hạn'}${quarter}${due}`;
};

// Details worth a clause, taken only from fields that are never personal.
const DETAILS: Record<string, (d: Record<string, unknown>) => string> = {
  PersonClassified: (d) => `nhóm ${String(d.group)} (${String(d.quarter)})`,
  SupervisorAssigned: (d) => `theo quyết định số ${String((d.decision as { number: string }).number)}`,
  ManagementFileOpened: (d) => `hồ sơ ${String(d.fileNo)}${d.late ? ', quá hạn' : ''}`,
  PersonReported: (d) => (d.late ? 'quá hạn trình diện' : 'đúng hạn'),
  CaseTransferredOut: (d) => `chuyển đến ${String(d.toCommune)}`,
  CaseClosed: (d) => `lý do: ${CLOSURE_REASONS[String(d.reason)] ?? 'khác'}`,
  LoanApproved: (d) => `${Number(d.amount).toLocaleString('vi-VN')} đồng, ${String(d.termMonths)} tháng`,
  ViolationRecorded: (d) => VIOLATION_KINDS[String(d.kind)] ?? 'vi phạm',
  PersonDetained: (d) => HELD_IN[String(d.facilityType)] ?? 'bị giữ',
  CaseDeadlineMissed: missedDuty,
};

/** A readable line: "03/09/2025 — Người được đặc xá … trình diện: đúng hạn". */
export function timelineText(event: RecordedEvent): string {
  const label = eventDefinition(event.type)?.label.vi ?? event.type;
  const detail = DETAILS[event.type]?.(event.data as Record<string, unknown>);
  return `${formatVietnameseDate(localDateAt(event.occurredAt))} — ${label}${detail ? `: ${detail}` : ''}`;
}

/**
 * A person's timeline across their streams (found through the case-file and dossier views'
 * `personId`), read from the log and rendered on request: nothing to rebuild, always current.
 */
export async function readPersonTimeline(
  events: EventStore,
  streams: readonly string[],
): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  for (const stream of streams) {
    for await (const event of events.readStream(stream)) {
      entries.push({
        stream,
        position: event.position.toString(),
        occurredOn: localDateAt(event.occurredAt),
        type: event.type,
        text: timelineText(event),
      });
    }
  }
  return entries.sort((a, b) =>
    a.occurredOn === b.occurredOn
      ? BigInt(a.position) < BigInt(b.position)
        ? -1
        : 1
      : a.occurredOn < b.occurredOn
        ? -1
        : 1,
  );
}
