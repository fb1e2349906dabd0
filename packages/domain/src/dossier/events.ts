import { z } from 'zod';
import { DeadlineFacts } from '../calendar/deadlineFact.js';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { cite, type LegalRef } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { PersonDetails } from '../shared/personal.js';
import type { Role } from '../shared/roles.js';
import {
  CivilObligationStatus,
  ConductRating,
  DossierKind,
  EligibilityCheck,
  Quarter,
  ReducedCategory,
  Sentence,
} from './values.js';
import { MedicalFacts, MeritFacts } from './paperFacts.js';

/**
 * The heads who compile dossiers, lists and certificates (LĐX 15, 18(3), 37(1)): a warden or the
 * provincial THAHS head (the sub-committee) for prisoners, the provincial court for suspended persons.
 */
export const FACILITY_ROLES: readonly Role[] = ['facility-warden', 'amnesty-subcommittee', 'court'];
const facility = FACILITY_ROLES;
const dossierEvent = <const T extends string, F extends z.ZodRawShape>(
  type: T,
  vi: string,
  en: string,
  emittedBy: readonly Role[],
  basis: LegalRef[],
  fields: F,
) =>
  defineEvent({
    type,
    version: 1,
    aggregate: 'dossier',
    label: { vi, en },
    emittedBy,
    basis,
    schema: z.object(fields).strict(),
  });

export const AmnestyPetitionSubmitted = dossierEvent(
  'AmnestyPetitionSubmitted',
  'Đơn đề nghị đặc xá và bản cam kết',
  'Amnesty petition submitted',
  facility,
  [cite('LĐX', '15(1)'), cite('NĐ52', '7(1)')],
  {
    dossierId: z.uuid(),
    roundId: z.uuid(),
    person: PersonDetails,
    facilityId: z.string().min(1),
    submittedOn: LocalDate,
    commitmentSigned: z.literal(true),
    sentence: Sentence,
    priorConvictions: z.number().int().nonnegative(),
    reducedCategory: ReducedCategory.optional(),
    /** A suspended person's dossier is the court's (LĐX 15(3)); absent on older petitions: a prisoner's. */
    dossierKind: DossierKind.optional(),
  },
);
export const InmatePeerReviewHeld = dossierEvent(
  'InmatePeerReviewHeld',
  'Họp bình xét đội/tổ phạm nhân',
  'Inmate peer review held',
  facility,
  [cite('NĐ52', '7(2)')],
  {
    votesFor: z.number().int().nonnegative(),
    votesAgainst: z.number().int().nonnegative(),
    minutes: DocRef,
  },
);
export const DossierDocumentAttached = dossierEvent(
  'DossierDocumentAttached',
  'Bổ sung tài liệu vào hồ sơ',
  'Document attached to the dossier',
  // The health department files the medical conclusions it or its hospitals issue (SEED-TINH II).
  [...facility, 'provincial-health-dept'],
  [cite('LĐX', '14'), cite('NĐ52', '5')],
  {
    docType: z.enum([
      'MERIT_REPORT',
      'REVOLUTIONARY_MERIT',
      'MEDICAL_CONCLUSION',
      'BIRTH_CERT',
      'CHILD_UNDER_36M',
      'DISABILITY_CERT',
      'CIVIL_OBLIGATION_PROOF',
      'CREDITOR_CONSENT',
      'PASSPORT',
      'SUSPENSION_DECISION',
      'OTHER',
    ]),
    document: DocRef,
    validUntil: LocalDate.optional(),
    /** What a medical conclusion states, so NĐ52 4(5)–(6) can be checked behind the paper. */
    medical: MedicalFacts.optional(),
    /** What a merit report states, so NĐ52 4(4) can be checked behind it. */
    merit: MeritFacts.optional(),
  },
);
export const CivilObligationStatusConfirmed = dossierEvent(
  'CivilObligationStatusConfirmed',
  'Cơ quan thi hành án dân sự xác nhận nghĩa vụ dân sự',
  'Civil obligations confirmed',
  // Only the civil-judgment enforcement office confirms what was paid (LĐX 31; NĐ52 5(3)(g), 5(4)).
  ['civil-enforcement'],
  [cite('LĐX', '11(1)'), cite('NĐ52', '4(2)')],
  {
    status: CivilObligationStatus,
    finesAndFeesPaid: z.boolean(),
    decision: DocRef,
    /** For a part paid: the office's decision that enforcement cannot yet proceed (chưa có điều kiện thi hành). */
    notYetEnforceableDecision: DocRef.optional(),
    /** Whether the obligations are owed on assets not owned by the State (creditor consent needed). */
    nonStateAssets: z.boolean().optional(),
  },
);
export const CommuneConfirmationIssued = dossierEvent(
  'CommuneConfirmationIssued',
  'UBND xã xác nhận hoàn cảnh, chấp hành pháp luật',
  'Commune confirmation issued',
  facility,
  [cite('LĐX', '14(3)'), cite('NĐ52', '5(3)')],
  {
    kind: z.enum(['FAMILY_HARDSHIP', 'SOLE_BREADWINNER', 'DISABILITY', 'LAW_ABIDING_WHILE_SUSPENDED']),
    communeCode: z.string().min(1),
    document: DocRef,
    /** The commune's comment on a suspended person (LĐX 14(5)): law-abiding while suspended or not. */
    lawAbiding: z.boolean().optional(),
  },
);
export const ConductRatingRecorded = dossierEvent(
  'ConductRatingRecorded',
  'Ghi nhận kết quả xếp loại chấp hành án phạt tù',
  'Conduct rating recorded',
  facility,
  [cite('LĐX', '11(1)'), cite('NĐ52', '4(1)')],
  {
    /** A classified quarter, or the rating from the round's conduct window to the facility's meeting. */
    period: z.enum(['QUARTER', 'SINCE_WINDOW']),
    quarter: Quarter.optional(),
    rating: ConductRating,
    ratedOn: LocalDate,
    /** The classification record (biên bản, quyết định xếp loại). */
    document: DocRef,
  },
);
export const FacilityProposalSigned = dossierEvent(
  'FacilityProposalSigned',
  'Văn bản đề nghị đặc xá của Hội đồng xét trại/Tòa án',
  'Facility proposal signed',
  facility,
  [cite('LĐX', '14(5)'), cite('NĐ52', '5(7)')],
  {
    recommendation: z.enum(['PROPOSE', 'NOT_PROPOSE']),
    reason: z.string().min(1).optional(),
    document: DocRef,
  },
);
export const EligibilityAssessed = dossierEvent(
  'EligibilityAssessed',
  'Đánh giá điều kiện đề nghị đặc xá',
  'Eligibility assessed',
  facility,
  [cite('LĐX', '11'), cite('LĐX', '12'), cite('NĐ52', '4')],
  {
    assessedOn: LocalDate,
    checks: z.array(EligibilityCheck).min(1),
    eligible: z.boolean(),
    servedDays: z.number().int(),
    requiredDays: z.number().int(),
    /** The round's parameters the assessment rested on that are not yet checked against the texts. */
    unverifiedParameters: z.array(z.string().min(1).max(500)).max(50).optional(),
  },
);
export const ComplaintLodged = dossierEvent(
  'ComplaintLodged',
  'Khiếu nại không được đưa vào danh sách',
  'Complaint lodged',
  facility,
  [cite('LĐX', '36')],
  {
    complaintId: z.uuid(),
    lodgedOn: LocalDate,
    viaRepresentative: z.boolean(),
    resolveBy: LocalDate,
    /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
    deadlines: DeadlineFacts.optional(),
  },
);
export const ComplaintResolved = dossierEvent(
  'ComplaintResolved',
  'Quyết định giải quyết khiếu nại lần đầu',
  'Complaint resolved',
  facility,
  [cite('LĐX', '37(1)')],
  {
    complaintId: z.uuid(),
    outcome: z.enum(['ACCEPTED', 'REJECTED']),
    resolvedOn: LocalDate,
    late: z.boolean(),
    procuracyCopied: z.literal(true),
    decision: DocRef,
  },
);
export const ComplaintAppealed = dossierEvent(
  'ComplaintAppealed',
  'Khiếu nại tiếp lên Bộ trưởng/Chánh án',
  'Complaint appealed',
  facility,
  [cite('LĐX', '37(2)')],
  {
    complaintId: z.uuid(),
    appealedOn: LocalDate,
    to: z.enum(['MPS_MINISTER', 'MND_MINISTER', 'SPC_CHIEF_JUSTICE']),
    resolveBy: LocalDate,
    /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
    deadlines: DeadlineFacts.optional(),
  },
);
export const ComplaintAppealResolved = dossierEvent(
  'ComplaintAppealResolved',
  'Giải quyết khiếu nại cuối cùng',
  'Appeal resolved',
  ['amnesty-subcommittee', 'court'],
  [cite('LĐX', '37(2)')],
  {
    complaintId: z.uuid(),
    outcome: z.enum(['ADDED_TO_ELIGIBLE', 'PLACED_ON_INELIGIBLE']),
    resolvedOn: LocalDate,
    late: z.boolean(),
    /** The Minister's or Chief Justice's decision on the appeal (LĐX 37(2)). */
    document: DocRef.optional(),
  },
);
export const DossierAppraised = dossierEvent(
  'DossierAppraised',
  'Ý kiến thẩm định hồ sơ',
  'Dossier appraised',
  ['amnesty-subcommittee', 'procuracy', 'court'],
  [cite('LĐX', '16'), cite('NĐ52', '8(2)')],
  {
    opinion: z.enum(['AGREE', 'DISAGREE', 'VOTED']),
    voteAgree: z.number().int().nonnegative().optional(),
    voteDisagree: z.number().int().nonnegative().optional(),
    reason: z.string().optional(),
    appraisedOn: LocalDate,
    /** The appraisal team's minutes. */
    document: DocRef.optional(),
  },
);
export const DisqualifyingEventRecorded = dossierEvent(
  'DisqualifyingEventRecorded',
  'Phát sinh căn cứ không được đề nghị đặc xá',
  'Disqualifying event recorded',
  ['court', 'procuracy', 'amnesty-subcommittee', 'facility-warden'],
  [cite('LĐX', '12')],
  {
    reason: z.enum([
      'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
      'NEW_PROSECUTION',
      'PREVIOUSLY_PARDONED',
      'TWO_OR_MORE_PRIOR_CONVICTIONS',
      'EXCLUDED_OFFENCE',
      'ROUND_SPECIFIC',
      'PRESIDENT_OTHER',
    ]),
    sourceUnit: z.string().min(1),
    document: DocRef,
    recordedOn: LocalDate,
    /** For ROUND_SPECIFIC: the round's exclusion the paper proves (e.g. `drug-use-evidence`). */
    roundExclusion: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    /** The units the notice went to (the sub-committee, the facility, the procuracy): who was told. */
    recipients: z.array(z.string().min(1)).max(20).optional(),
  },
);
export const DisqualificationLifted = dossierEvent(
  'DisqualificationLifted',
  'Hủy bỏ căn cứ không được đề nghị đặc xá (rút kháng nghị, đình chỉ điều tra…)',
  'Disqualification lifted',
  ['court', 'procuracy', 'amnesty-subcommittee'],
  [cite('LĐX', '12(2)'), cite('LĐX', '12(3)')],
  {
    /** The ground lifted: only one that can end (a protest withdrawn or decided, a prosecution dropped). */
    reason: z.enum(['AGGRAVATING_CASSATION_OR_REOPENING_PROTEST', 'NEW_PROSECUTION']),
    ground: z.enum(['PROTEST_WITHDRAWN', 'PROTEST_DECIDED_NOT_AGGRAVATING', 'PROSECUTION_ENDED']),
    sourceUnit: z.string().min(1),
    document: DocRef,
    liftedOn: LocalDate,
  },
);
export const DossierGrantOutcomeRecorded = dossierEvent(
  'DossierGrantOutcomeRecorded',
  'Kết quả được/không được đặc xá',
  'Grant outcome recorded',
  ['amnesty-subcommittee'],
  [cite('LĐX', '18')],
  {
    outcome: z.enum(['GRANTED', 'NOT_GRANTED']),
    grantDecision: DocRef.optional(),
  },
);
export const AmnestyNoticeSentToCommune = dossierEvent(
  'AmnestyNoticeSentToCommune',
  'Thông báo đặc xá đến UBND xã nơi về cư trú',
  'Amnesty notice sent to the commune',
  facility,
  [cite('LĐX', '18(1)')],
  {
    communeCode: z.string().min(1),
    sentOn: LocalDate,
    notice: DocRef,
  },
);
export const PrisonerReleased = dossierEvent(
  'PrisonerReleased',
  'Trả tự do',
  'Prisoner released',
  facility,
  [cite('LĐX', '18(2)'), cite('NĐ49', '7')],
  {
    releasedOn: LocalDate,
    reintegrationFundVnd: z.number().int().nonnegative(),
    travelAllowanceVnd: z.number().int().nonnegative(),
  },
);
export const AmnestyCertificateIssued = dossierEvent(
  'AmnestyCertificateIssued',
  'Cấp Giấy chứng nhận đặc xá',
  'Amnesty certificate issued',
  facility,
  [cite('LĐX', '18(3)'), cite('TT10', '11(1)')],
  {
    certificate: DocRef,
    issuedOn: LocalDate,
    reportToCommuneBy: LocalDate,
    destinationCommune: z.string().min(1),
  },
);

export const CertificateCopiesDistributed = dossierEvent(
  'CertificateCopiesDistributed',
  'Gửi bản sao Giấy chứng nhận đặc xá',
  'Certificate copies distributed',
  facility,
  [cite('LĐX', '18(4)')],
  {
    recipients: z
      .array(
        z.enum([
          'CRIMINAL_RECORDS_CENTRE',
          'SENTENCING_COURT',
          'ADDITIONAL_PENALTY_AGENCY',
          'CIVIL_ENFORCEMENT',
          'THAHS_AGENCY',
          'COMMUNE',
          'PROCURACY',
        ]),
      )
      .min(1),
    sentOn: LocalDate,
    /** The dispatch sending the copies. */
    document: DocRef.optional(),
  },
);
export const ForeignNationalAmnestyHandled = dossierEvent(
  'ForeignNationalAmnestyHandled',
  'Thông báo lãnh sự, lưu trú chờ xuất cảnh cho người nước ngoài',
  'Foreign national’s amnesty handled',
  ['amnesty-subcommittee', 'provincial-police'],
  [cite('LĐX', '19'), cite('NĐ52', '6')],
  {
    nationality: z.string().min(2),
    consularNotifiedOn: LocalDate,
    stayFacility: z.string().min(1).optional(),
    /** The notice to the consulate. */
    document: DocRef.optional(),
  },
);

export const DOSSIER_EVENTS = [
  AmnestyPetitionSubmitted,
  InmatePeerReviewHeld,
  DossierDocumentAttached,
  CivilObligationStatusConfirmed,
  CommuneConfirmationIssued,
  ConductRatingRecorded,
  EligibilityAssessed,
  FacilityProposalSigned,
  ComplaintLodged,
  ComplaintResolved,
  ComplaintAppealed,
  ComplaintAppealResolved,
  DossierAppraised,
  DisqualifyingEventRecorded,
  DisqualificationLifted,
  DossierGrantOutcomeRecorded,
  AmnestyNoticeSentToCommune,
  PrisonerReleased,
  AmnestyCertificateIssued,
  CertificateCopiesDistributed,
  ForeignNationalAmnestyHandled,
] as const;
export type DossierEvent = EventOf<(typeof DOSSIER_EVENTS)[number]>;
