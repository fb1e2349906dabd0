import type { RecordedEvent } from '@dacxa/event-store';
import type { Projection } from '../engine/projection.js';
import { unitRoot } from './unitRoot.js';

/** A plan's task on the tracker. Overdue is asked at read time: `dueDate < today` for open ASSIGN tasks. */
export interface TaskDoc {
  [key: string]: unknown;
  taskId: string;
  planId: string;
  group: number;
  description: string;
  leadUnit: string;
  /** The commune (or higher unit) the lead unit belongs to: what a unit's scope selects on. */
  scopeUnit: string;
  coordinatingUnits: string[];
  requestType: 'ASSIGN' | 'REQUEST';
  dueDate: string | null;
  status: 'open' | 'completed';
  acknowledged: boolean;
  progress: number | null;
  difficulties: number;
  completedOn: string | null;
  late: boolean;
  /** REQUEST tasks are awaited, never overdue: this is what the tracker's "awaiting reply" column counts. */
  awaitingReply: boolean;
  /**
   * The board's reading of the deadline: `awaited` (a REQUEST to a court, procuracy or Front:
   * đang chờ phản hồi, never overdue), `open`, `overdue` (marked by the clock), `done`, or `none`.
   */
  deadlineStatus: 'none' | 'awaited' | 'open' | 'overdue' | 'done';
  /** The open ASSIGN deadline boards filter and sort on; null once done, and for REQUEST tasks. */
  dueOn: string | null;
  /** The day the clock recorded the task overdue (TaskOverdue's `detectedOn`). */
  overdueSince: string | null;
}

function deadlineOf(
  requestType: TaskDoc['requestType'],
  dueDate: string | null,
): Pick<TaskDoc, 'deadlineStatus' | 'dueOn'> {
  if (requestType === 'REQUEST') return { deadlineStatus: 'awaited', dueOn: null };
  return dueDate === null
    ? { deadlineStatus: 'none', dueOn: null }
    : { deadlineStatus: 'open', dueOn: dueDate };
}

/** The plan and task tracker (DOMAIN.md §5.10). */
export function evolveTask(doc: TaskDoc | null, event: RecordedEvent): TaskDoc | null {
  const d = event.data as Record<string, unknown>;
  if (event.type === 'TaskAssigned') {
    return {
      taskId: String(d.taskId),
      planId: String(d.planId),
      group: Number(d.group),
      description: String(d.description),
      leadUnit: String(d.leadUnit),
      scopeUnit: unitRoot(String(d.leadUnit)),
      coordinatingUnits: d.coordinatingUnits as string[],
      requestType: d.requestType as TaskDoc['requestType'],
      dueDate: (d.dueDate as string | undefined) ?? null,
      status: 'open',
      acknowledged: false,
      progress: null,
      difficulties: 0,
      completedOn: null,
      late: false,
      awaitingReply: d.requestType === 'REQUEST',
      ...deadlineOf(d.requestType as TaskDoc['requestType'], (d.dueDate as string | undefined) ?? null),
      overdueSince: null,
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'TaskAcknowledged':
      return { ...doc, acknowledged: true };
    case 'TaskProgressReported':
      return { ...doc, progress: (d.percent as number | undefined) ?? doc.progress };
    case 'DifficultyRaised':
      return { ...doc, difficulties: doc.difficulties + 1 };
    case 'TaskCompleted':
      return {
        ...doc,
        status: 'completed',
        completedOn: d.completedOn as string,
        late: d.late as boolean,
        awaitingReply: false,
        deadlineStatus: 'done',
        dueOn: null,
      };
    case 'TaskOverdue':
      return doc.status === 'open'
        ? { ...doc, deadlineStatus: 'overdue', overdueSince: d.detectedOn as string }
        : doc;
    default:
      return doc;
  }
}

export const tasksProjection: Projection<TaskDoc> = {
  name: 'tasks',
  version: 3,
  collections: [
    {
      name: 'tasks',
      indexes: ['planId', 'leadUnit', 'scopeUnit', 'dueOn'],
      filters: { planId: 'id', leadUnit: 'unit' },
    },
  ],
  route: (event) =>
    event.stream.startsWith('task-') ? [{ collection: 'tasks', id: event.stream.slice(5) }] : [],
  evolve: (doc, event) => evolveTask(doc, event),
};
