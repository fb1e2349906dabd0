import type { RecordedEvent } from '@dacxa/event-store';
import type { Projection } from '../engine/projection.js';
import { unitRoot } from './unitRoot.js';

/** A personal-data breach and its 72-hour notice, for the controller's board and the clock. */
export interface BreachDoc {
  [key: string]: unknown;
  breachId: string;
  controllerUnit: string;
  scopeUnit: string;
  nature: string;
  peopleAffected: number;
  detectedAt: string;
  notifyBy: string;
  status: 'open' | 'notified';
  notifiedAt: string | null;
  late: boolean;
  overdue: boolean;
  /** notifyBy while the notice is still owed: what the clock selects on, an instant in clock hours. */
  dueAt: string | null;
}

export function evolveBreach(doc: BreachDoc | null, event: RecordedEvent): BreachDoc | null {
  const d = event.data as Record<string, unknown>;
  if (event.type === 'BreachRecorded')
    return {
      breachId: String(d.breachId),
      controllerUnit: String(d.controllerUnit),
      scopeUnit: unitRoot(String(d.controllerUnit)),
      nature: String(d.nature),
      peopleAffected: Number(d.peopleAffected),
      detectedAt: String(d.detectedAt),
      notifyBy: String(d.notifyBy),
      status: 'open',
      notifiedAt: null,
      late: false,
      overdue: false,
      dueAt: String(d.notifyBy),
    };
  if (!doc) return null;
  switch (event.type) {
    case 'BreachNotified':
      return {
        ...doc,
        status: 'notified',
        notifiedAt: String(d.notifiedAt),
        late: d.late === true,
        dueAt: null,
      };
    case 'BreachNotificationOverdue':
      return { ...doc, overdue: true };
    default:
      return doc;
  }
}

/** Breaches by controller (Law 91/2025; Decree 356/2025 Art. 23). */
export const breachesProjection: Projection<BreachDoc> = {
  name: 'breaches',
  version: 1,
  collections: [
    {
      name: 'breaches',
      indexes: ['controllerUnit', 'scopeUnit', 'dueAt'],
      filters: { controllerUnit: 'unit' },
    },
  ],
  route: (event) =>
    event.stream.startsWith('breach-') ? [{ collection: 'breaches', id: event.stream.slice(7) }] : [],
  evolve: (doc, event) => evolveBreach(doc, event),
};
