import { z } from 'zod';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { CorrectionProposed, CorrectionRejected } from './events.js';

export const CORRECTION_COMMANDS = [
  defineCommand({
    type: 'ProposeCorrection',
    label: { vi: 'Đề nghị đính chính', en: 'Propose a correction' },
    // What the target is and who proposes come from the log and the token, never the body.
    schema: CorrectionProposed.schema.omit({
      targetType: true,
      targetHolders: true,
      proposedBy: true,
      proposedAt: true,
    }),
  }),
  defineCommand({
    type: 'ApproveCorrection',
    label: { vi: 'Phê duyệt đính chính', en: 'Approve a correction' },
    schema: z.object({ correctionId: z.uuid() }).strict(),
  }),
  defineCommand({
    type: 'RejectCorrection',
    label: { vi: 'Từ chối đính chính', en: 'Reject a correction' },
    schema: CorrectionRejected.schema.omit({ rejectedBy: true }),
  }),
] as const;
export type CorrectionCommand = CommandOf<(typeof CORRECTION_COMMANDS)[number]>;
