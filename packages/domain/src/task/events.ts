import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';

const aggregate = 'task';
const assignees = [
  'commune-police',
  'commune-culture-office',
  'commune-economic-office',
  'commune-service-centre',
  'village-head',
  'fatherland-front',
  'court',
  'procuracy',
  'provincial-police',
] as const;

/** ASSIGN: an order to a subordinate unit. REQUEST: a request (đề nghị) to an independent body. */
export const RequestType = z.enum(['ASSIGN', 'REQUEST']);

const TaskAssignedV1Fields = {
  taskId: z.uuid(),
  planId: z.uuid(),
  group: z.number().int().positive(),
  leadUnit: z.string().min(1),
  coordinatingUnits: z.array(z.string().min(1)),
  requestType: RequestType,
  description: z.string().min(1).max(4000),
  dueDate: LocalDate.optional(),
  assignedOn: LocalDate,
};

/** TaskAssigned version 1, before the task recorded its plan's issuer. */
export const TaskAssignedV1 = z.object(TaskAssignedV1Fields).strict();

export const TaskAssigned = defineEvent({
  type: 'TaskAssigned',
  version: 2,
  aggregate,
  label: { vi: 'Phân công nhiệm vụ', en: 'Task assigned' },
  emittedBy: ['commune-chair', 'commune-deputy-chair', 'provincial-committee'],
  basis: [cite('NĐ49', '20(2)'), cite('NĐ49', '22')],
  schema: z
    .object({
      ...TaskAssignedV1Fields,
      /** The unit that issued the plan, as the plan's stream records it (v2): one of the task's holders. */
      issuerUnit: z.string().min(1),
    })
    .strict(),
});

export const TaskAcknowledged = defineEvent({
  type: 'TaskAcknowledged',
  version: 1,
  aggregate,
  label: { vi: 'Tiếp nhận nhiệm vụ', en: 'Task acknowledged' },
  emittedBy: assignees,
  basis: [cite('NĐ49', '22')],
  schema: z.object({ acknowledgedOn: LocalDate }).strict(),
});

export const TaskProgressReported = defineEvent({
  type: 'TaskProgressReported',
  version: 1,
  aggregate,
  label: { vi: 'Báo cáo tiến độ nhiệm vụ', en: 'Task progress reported' },
  emittedBy: assignees,
  basis: [cite('NĐ49', '22')],
  schema: z
    .object({
      reportedOn: LocalDate,
      percent: z.number().int().min(0).max(100).optional(),
      note: z.string().min(1),
      evidence: z.array(DocRef),
    })
    .strict(),
});

export const TaskCompleted = defineEvent({
  type: 'TaskCompleted',
  version: 1,
  aggregate,
  label: { vi: 'Hoàn thành nhiệm vụ', en: 'Task completed' },
  emittedBy: assignees,
  basis: [cite('NĐ49', '22')],
  schema: z.object({ completedOn: LocalDate, evidence: z.array(DocRef).min(1), late: z.boolean() }).strict(),
});

export const TaskOverdue = defineEvent({
  type: 'TaskOverdue',
  version: 1,
  aggregate,
  label: { vi: 'Nhiệm vụ quá hạn', en: 'Task overdue' },
  emittedBy: ['system'],
  basis: [cite('NĐ49', '22')],
  schema: z.object({ dueDate: LocalDate, detectedOn: LocalDate }).strict(),
});

export const DifficultyRaised = defineEvent({
  type: 'DifficultyRaised',
  version: 1,
  aggregate,
  label: { vi: 'Báo cáo khó khăn, vướng mắc', en: 'Difficulty raised' },
  emittedBy: assignees,
  basis: [cite('NĐ49', '22')],
  schema: z
    .object({ raisedOn: LocalDate, description: z.string().min(1).max(4000), raisedTo: z.string().min(1) })
    .strict(),
});

export const TASK_EVENTS = [
  TaskAssigned,
  TaskAcknowledged,
  TaskProgressReported,
  TaskCompleted,
  TaskOverdue,
  DifficultyRaised,
] as const;
export type TaskEvent = EventOf<(typeof TASK_EVENTS)[number]>;
