import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type Labels } from '../shared/defineEvent.js';
import { cite, type LegalRef } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { personal } from '../shared/personal.js';
import type { Role } from '../shared/roles.js';
import { Vnd } from './values.js';

/** A support measure: what every one records (the date, and the paper if any) plus its own fields. */
function supportEvent<const T extends string, F extends z.ZodRawShape>(
  type: T,
  label: Labels,
  emittedBy: readonly Role[],
  basis: readonly LegalRef[],
  fields: F,
) {
  // `extend`, so a measure whose paper is required (ConvictionExpunged) overrides the optional one.
  const schema = z.object({ on: LocalDate, document: DocRef.optional() }).extend(fields).strict();
  return defineEvent({ type, version: 1, aggregate: 'case', label, emittedBy, basis, schema });
}

const police: readonly Role[] = ['commune-police'];
const culture: readonly Role[] = ['commune-culture-office', 'commune-police'];

export const CounsellingProvided = supportEvent(
  'CounsellingProvided',
  { vi: 'Trợ giúp tâm lý', en: 'Counselling provided' },
  ['commune-police', 'commune-culture-office', 'supervisor'],
  [cite('NĐ49', '10(1)'), cite('TT10', '17(2)')],
  { mode: z.enum(['INDIVIDUAL', 'GROUP', 'ONLINE']), topics: z.array(z.string().min(1)).min(1) },
);
export const ResidenceRegistered = supportEvent(
  'ResidenceRegistered',
  { vi: 'Đăng ký thường trú/tạm trú', en: 'Residence registered' },
  police,
  [cite('NĐ49', '25(4)')],
  { kind: z.enum(['PERMANENT', 'TEMPORARY']) },
);
export const IdentityCardIssued = supportEvent(
  'IdentityCardIssued',
  { vi: 'Cấp căn cước', en: 'Identity card issued' },
  police,
  [cite('NĐ49', '25(4)'), cite('TT10', '17(2)')],
  {},
);
export const CivilStatusRegistered = supportEvent(
  'CivilStatusRegistered',
  { vi: 'Đăng ký hộ tịch', en: 'Civil status registered' },
  ['commune-chair', 'commune-deputy-chair', 'commune-police'],
  [cite('NĐ49', '25(4)')],
  { act: z.enum(['BIRTH', 'MARRIAGE', 'DEATH', 'GUARDIANSHIP', 'OTHER']) },
);
export const CriminalRecordCertificateIssued = supportEvent(
  'CriminalRecordCertificateIssued',
  { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Criminal-record certificate issued' },
  police,
  [cite('NĐ49', '10(2)'), cite('NĐ49', '25(4)')],
  { showsConviction: z.boolean() },
);
export const VocationalTrainingEnrolled = supportEvent(
  'VocationalTrainingEnrolled',
  { vi: 'Tham gia học nghề', en: 'Vocational training enrolled' },
  culture,
  [cite('NĐ49', '11(1)')],
  {
    programme: z.string().min(1),
    level: z.enum(['COLLEGE', 'INTERMEDIATE', 'ELEMENTARY', 'UNDER_3_MONTHS']),
    feeSupport: Vnd,
  },
);
export const VocationalTrainingCompleted = supportEvent(
  'VocationalTrainingCompleted',
  { vi: 'Hoàn thành học nghề', en: 'Vocational training completed' },
  culture,
  [cite('NĐ49', '11(1)')],
  { programme: z.string().min(1) },
);
export const JobReferralMade = supportEvent(
  'JobReferralMade',
  { vi: 'Giới thiệu việc làm', en: 'Job referral made' },
  culture,
  [cite('NĐ49', '11(4)')],
  { employmentCentre: z.string().min(1), employer: z.string().min(1).optional() },
);
export const EmploymentStarted = supportEvent(
  'EmploymentStarted',
  { vi: 'Có việc làm', en: 'Employment started' },
  culture,
  [cite('TT10', '12(1)(a)')],
  {
    sector: z.string().min(1),
    contract: z.enum(['LABOUR_CONTRACT', 'SEASONAL', 'SELF_EMPLOYED', 'HOUSEHOLD']),
    monthlyIncome: personal(Vnd.optional(), 'Thu nhập hằng tháng', 'income'),
  },
);
export const EmploymentEnded = supportEvent(
  'EmploymentEnded',
  { vi: 'Mất/thôi việc làm', en: 'Employment ended' },
  culture,
  [cite('TT10', '12(1)(a)')],
  { reason: z.string().min(1) },
);
// The commune's economic office guides the person through land, farming and environment procedures
// so they settle (the An Khánh plan's task for it, under the commune's duty of NĐ49 22).
export const LivelihoodSupportGiven = supportEvent(
  'LivelihoodSupportGiven',
  {
    vi: 'Hướng dẫn, giúp đỡ thủ tục đất đai, nông nghiệp, môi trường để ổn định cuộc sống',
    en: 'Livelihood support given (land, farming, environment procedures)',
  },
  ['commune-economic-office'],
  [cite('NĐ49', '22')],
  {
    area: z.enum(['LAND', 'AGRICULTURE', 'ENVIRONMENT', 'BUSINESS_REGISTRATION', 'OTHER']),
    measure: z.string().min(1).max(2000),
  },
);
export const SocialAssistanceGranted = supportEvent(
  'SocialAssistanceGranted',
  { vi: 'Trợ giúp xã hội', en: 'Social assistance granted' },
  ['commune-chair', 'commune-deputy-chair'],
  // 11(3) is for under-18s and children (the measure below), not social assistance.
  [cite('NĐ49', '22(4)')],
  { measure: z.string().min(1) },
);
export const ChildProtectionMeasureApplied = supportEvent(
  'ChildProtectionMeasureApplied',
  { vi: 'Áp dụng biện pháp bảo vệ trẻ em', en: 'Child protection measure applied' },
  ['commune-chair', 'commune-deputy-chair'],
  [cite('NĐ49', '11(3)'), cite('NĐ49', '22(4)')],
  { measure: z.string().min(1) },
);
export const AdditionalPenaltySupervisionLinked = supportEvent(
  'AdditionalPenaltySupervisionLinked',
  { vi: 'Đồng thời quản lý việc chấp hành hình phạt bổ sung', en: 'Additional-penalty supervision linked' },
  police,
  [cite('TT10', '15(3)')],
  {
    penalty: z.enum(['PROBATIONARY_RESIDENCE', 'RESIDENCE_BAN', 'POST_BAN', 'RIGHTS_DEPRIVATION']),
    until: LocalDate,
  },
);
export const ExpungementGuided = supportEvent(
  'ExpungementGuided',
  { vi: 'Hướng dẫn thủ tục xóa án tích', en: 'Expungement guidance given' },
  police,
  [cite('TT10', '13')],
  { route: z.enum(['AUTOMATIC_ART70', 'COURT_ART71', 'SPECIAL_ART72']) },
);
export const ConvictionExpunged = supportEvent(
  'ConvictionExpunged',
  { vi: 'Đã được xóa án tích', en: 'Conviction expunged' },
  police,
  [cite('TT10', '13'), cite('TT10', '14(1)(a)')],
  {
    route: z.enum(['AUTOMATIC_ART70', 'COURT_ART71', 'SPECIAL_ART72']),
    // Required: a closure as EXPUNGED rests on it, and TT10 13(2) files the paper itself.
    document: DocRef.meta({
      description: 'Phiếu lý lịch tư pháp (đương nhiên xóa án tích) hoặc quyết định xóa án tích của Tòa án',
    }),
  },
);

/** The support measures, in the order the case file lists them. */
export const SUPPORT_EVENTS = [
  CounsellingProvided,
  ResidenceRegistered,
  IdentityCardIssued,
  CivilStatusRegistered,
  CriminalRecordCertificateIssued,
  VocationalTrainingEnrolled,
  VocationalTrainingCompleted,
  JobReferralMade,
  EmploymentStarted,
  EmploymentEnded,
  LivelihoodSupportGiven,
  SocialAssistanceGranted,
  ChildProtectionMeasureApplied,
  AdditionalPenaltySupervisionLinked,
  ExpungementGuided,
  ConvictionExpunged,
] as const;
