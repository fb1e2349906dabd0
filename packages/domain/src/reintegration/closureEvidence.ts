import { z } from 'zod';
import { cite, type LegalRef } from '../shared/legalBasis.js';
import type { ClosureReason } from './values.js';

/**
 * The kind of paper a closure proposal (HCD-10) rests on. Each reason of TT10 14(1) is proven by
 * its own papers: a closure on a paper of another kind is refused, whatever its number says.
 */
export const ClosureEvidenceKind = z.enum([
  'DEATH_CERTIFICATE',
  'DEATH_REGISTRATION',
  'EXIT_CONFIRMATION',
  'MISSING_DECLARATION',
  'CRIMINAL_RECORD_CERTIFICATE',
  'EXPUNGEMENT_DECISION',
  'TRANSMITTAL',
  'JUDGMENT',
]);
export type ClosureEvidenceKind = z.infer<typeof ClosureEvidenceKind>;

/** Each kind as the paper is called, for the forms and the refusals a person reads. */
export const CLOSURE_EVIDENCE_LABELS: Readonly<Record<ClosureEvidenceKind, string>> = {
  DEATH_CERTIFICATE: 'Giấy chứng tử, giấy báo tử',
  DEATH_REGISTRATION: 'Trích lục khai tử của UBND xã (đăng ký khai tử)',
  EXIT_CONFIRMATION: 'Văn bản xác nhận đã xuất cảnh, định cư ở nước ngoài',
  MISSING_DECLARATION: 'Quyết định của Tòa án tuyên bố mất tích',
  CRIMINAL_RECORD_CERTIFICATE: 'Phiếu lý lịch tư pháp xác nhận không có án tích',
  EXPUNGEMENT_DECISION: 'Quyết định xóa án tích của Tòa án',
  TRANSMITTAL: 'Văn bản chuyển hồ sơ đến nơi cư trú mới',
  JUDGMENT: 'Bản án phạt tù về tội mới đã có hiệu lực',
};

interface Evidence {
  kinds: readonly ClosureEvidenceKind[];
  basis: readonly LegalRef[];
}

/**
 * What proves each reason (TT10 14(1)). Expungement: the criminal-record certificate when it is
 * automatic (BLHS 70), the court's decision otherwise (BLHS 71, 72), as TT10 13(2) has the commune
 * police receive them. A person is missing only once a court declares it (BLDS 68); abroad, once
 * the exit is confirmed; dead, on the death certificate or the commune's own death registration.
 */
export const CLOSURE_EVIDENCE: Readonly<Record<ClosureReason, Evidence>> = {
  EXPUNGED: {
    kinds: ['CRIMINAL_RECORD_CERTIFICATE', 'EXPUNGEMENT_DECISION'],
    basis: [cite('TT10', '13(2)'), cite('TT10', '14(1)(a)')],
  },
  MOVED: { kinds: ['TRANSMITTAL'], basis: [cite('TT10', '14(1)(b)'), cite('TT10', '15(2)')] },
  ABROAD: { kinds: ['EXIT_CONFIRMATION'], basis: [cite('TT10', '14(1)')] },
  MISSING: { kinds: ['MISSING_DECLARATION'], basis: [cite('TT10', '14(1)'), cite('BLDS', '68')] },
  DIED: { kinds: ['DEATH_CERTIFICATE', 'DEATH_REGISTRATION'], basis: [cite('TT10', '14(1)')] },
  NEW_PRISON_SENTENCE: { kinds: ['JUDGMENT'], basis: [cite('TT10', '14(1)(e)')] },
};

/** Whether a paper of this kind proves this reason; a proposal naming no kind proves none. */
export function provesReason(reason: ClosureReason, kind: ClosureEvidenceKind | undefined): boolean {
  return kind !== undefined && CLOSURE_EVIDENCE[reason].kinds.includes(kind);
}

/** The papers that would prove a reason, as a refusal names them. */
export function evidenceNeededFor(reason: ClosureReason): string {
  return CLOSURE_EVIDENCE[reason].kinds.map((kind) => CLOSURE_EVIDENCE_LABELS[kind]).join(' hoặc ');
}
