import { getJson } from './api.js';
import { vnDate } from './format.js';

/** A correction as the `corrections` view gives it (packages/read-models/src/views/corrections.ts). */
export interface CorrectionDoc {
  correctionId: string;
  target: { kind: string; id: string; stream: string; revision: number; type: string };
  action: 'correct' | 'void';
  changes: Array<{ path: string[]; value: unknown }>;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
}

/** The records a correction can name, in Vietnamese, and where the API keeps each. */
export const TARGETS: Record<string, { label: string; path: string }> = {
  case: { label: 'Hồ sơ tái hòa nhập', path: 'cases' },
  plan: { label: 'Kế hoạch', path: 'plans' },
  task: { label: 'Nhiệm vụ', path: 'tasks' },
  report: { label: 'Báo cáo', path: 'reports' },
  oversight: { label: 'Giám sát, kiến nghị', path: 'oversight' },
  round: { label: 'Đợt đặc xá', path: 'rounds' },
  dossier: { label: 'Hồ sơ đề nghị đặc xá', path: 'dossiers' },
};

export const DECISION_LABELS: Record<CorrectionDoc['status'], string> = {
  pending: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
  rejected: 'Đã từ chối',
};

/**
 * A value as the API gave it: a day as dd/mm/yyyy, a value the reader may not see as the API's own
 * mark ("[ẩn]"), anything else as its JSON. Nothing is opened here: the API decides what is shown.
 */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? vnDate(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const at = (data: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (node, part) =>
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
    data,
  );

interface History {
  events: Array<{ revision: number; label: string; data: unknown }>;
}

/** The corrected event as the caller may read it now: its label and its data (sealed values opened or "[ẩn]"). */
export async function targetEvent(
  c: CorrectionDoc,
): Promise<{ label: string; old(path: string[]): unknown }> {
  const where = TARGETS[c.target.kind]?.path ?? c.target.kind;
  const history = await getJson<History>(
    `/${where}/${c.target.id}/history?after=${c.target.revision - 1}&limit=1`,
  );
  const event = history.events.find((e) => e.revision === c.target.revision);
  return { label: event?.label ?? c.target.type, old: (path) => at(event?.data, path) };
}
