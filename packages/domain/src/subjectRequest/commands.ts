import { defineCommand, type CommandOf } from '../shared/command.js';
import * as e from './events.js';

export const SUBJECT_REQUEST_COMMANDS = [
  defineCommand({
    type: 'ReceiveSubjectRequest',
    label: { vi: 'Tiếp nhận yêu cầu của chủ thể dữ liệu', en: 'Receive a data-subject request' },
    // Its deadlines are the domain's to compute, never the body's.
    schema: e.SubjectRequestReceived.schema.omit({
      acknowledgeBy: true,
      respondBy: true,
      responseDays: true,
      dayKind: true,
      deadlines: true,
    }),
  }),
  defineCommand({
    type: 'AcknowledgeSubjectRequest',
    label: { vi: 'Xác nhận đã nhận yêu cầu', en: 'Acknowledge the request' },
    schema: e.SubjectRequestAcknowledged.schema,
  }),
  defineCommand({
    type: 'ExtendSubjectRequest',
    label: { vi: 'Gia hạn giải quyết yêu cầu (một lần, 15 ngày)', en: 'Extend the request once (15 days)' },
    schema: e.SubjectRequestExtended.schema.pick({ extendedOn: true, reason: true, document: true }),
  }),
  defineCommand({
    type: 'AnswerSubjectRequest',
    label: { vi: 'Trả lời yêu cầu', en: 'Answer the request' },
    schema: e.SubjectRequestAnswered.schema,
  }),
] as const;
export type SubjectRequestCommand = CommandOf<(typeof SUBJECT_REQUEST_COMMANDS)[number]>;
