import { z } from 'zod';
import { personal } from '../shared/personal.js';

/** Where a case came from: a sentence served in full, or an amnesty (LĐX 18(1); LTHAHS19 46(1)). */
export const CaseSource = z.enum(['EXPIRY', 'AMNESTY']);

/** A commune, ward or special zone after 01/07/2025, by its administrative code. */
export const CommuneCode = z.string().regex(/^[a-z0-9-]{2,40}$/);

/** A residence address: commune code and village are data for the views, the street is personal. */
export const Address = z
  .object({
    communeCode: CommuneCode,
    village: z.string().min(1).max(100),
    street: personal(z.string().max(200).optional(), 'Số nhà, đường', 'address'),
  })
  .strict();
export type Address = z.infer<typeof Address>;

/** The assigned supervisor or helper: a person or an organisation (TT10 10(1)). */
export const SupervisorRef = z
  .object({
    kind: z.enum(['PERSON', 'ORGANISATION']),
    /** The user id of a person, or the unit code of an organisation. */
    ref: z.string().min(1),
    name: personal(z.string().min(1).max(200), 'Tên người/tổ chức được phân công', 'identity'),
  })
  .strict();
export type SupervisorRef = z.infer<typeof SupervisorRef>;

/** A/B/C/D grouping (TT10 12): D is a person in custody or a compulsory facility. */
export const Group = z.enum(['A', 'B', 'C', 'D']);
export type Group = z.infer<typeof Group>;

/** The six reasons a case ends (TT10 14(1)). */
export const ClosureReason = z.enum([
  'EXPUNGED',
  'MOVED',
  'ABROAD',
  'MISSING',
  'DIED',
  'NEW_PRISON_SENTENCE',
]);
export type ClosureReason = z.infer<typeof ClosureReason>;

/** Why a case ended, as a person reads it on a timeline or a list: never the stored code. */
export const CLOSURE_REASON_LABELS: Readonly<Record<ClosureReason, string>> = {
  EXPUNGED: 'đã được xóa án tích',
  MOVED: 'thay đổi nơi cư trú, đã chuyển hồ sơ đến nơi cư trú mới',
  ABROAD: 'xuất cảnh, định cư ở nước ngoài',
  MISSING: 'bị Tòa án tuyên bố mất tích',
  DIED: 'đã chết',
  NEW_PRISON_SENTENCE: 'bị kết án phạt tù về tội mới',
};

/** A quarter, `YYYY-Qn`. */
export const Quarter = z.string().regex(/^(19|20)\d{2}-Q[1-4]$/, 'quý có dạng YYYY-Qn, 1900–2099 (quarter)');

/** An amount in Vietnamese đồng: whole, non-negative. */
export const Vnd = z.number().int().nonnegative();
