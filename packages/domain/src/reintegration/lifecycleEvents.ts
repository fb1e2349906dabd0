import { z } from 'zod';
import { SignedAs } from '../shared/roles.js';
import { DeadlineFacts } from '../calendar/deadlineFact.js';
import { DocRef } from '../shared/docRef.js';
import { defineEvent } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { PersonDetails, personal } from '../shared/personal.js';
import { ClosureEvidenceKind } from './closureEvidence.js';
import { Address, CaseSource, ClosureReason, CommuneCode } from './values.js';

const aggregate = 'case';

export const ReleaseNoticeReceived = defineEvent({
  type: 'ReleaseNoticeReceived',
  version: 1,
  aggregate,
  label: {
    // TT10 8's words: the notice of the sentence's end, or of the amnesty decision.
    vi: 'Công an xã nhận thông báo phạm nhân hết thời hạn chấp hành án phạt tù hoặc thông báo về quyết định đặc xá',
    en: 'Release or amnesty notice received',
  },
  // The system records it only from an amnesty certificate (decideReception, LĐX 18(1)).
  emittedBy: ['commune-police', 'system'],
  basis: [cite('TT10', '8(1)'), cite('LĐX', '18(1)'), cite('LTHAHS19', '46(1)')],
  schema: z
    .object({
      caseId: z.uuid(),
      person: PersonDetails,
      source: CaseSource,
      communeCode: CommuneCode,
      /** The release date the notice gives (expected end of sentence, or the amnesty's effective date). */
      releaseDate: LocalDate,
      /** The date by which the person must report in, where the notice or certificate gives one. */
      reportBy: LocalDate.optional(),
      /** The amnesty round that freed the person, where there is one: reoffending is tracked per round. */
      roundId: z.uuid().optional(),
      receivedOn: LocalDate,
      /** Residence must be verified by then: 3 working days (TT10 8(1)). */
      verifyBy: LocalDate,
      /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
      deadlines: DeadlineFacts.optional(),
      notice: DocRef,
      /**
       * Computed: a sentence's end notified less than two months ahead (LTHAHS19 46(1)): the
       * facility's delay, flagged so the commune's preparation time is seen to have been short.
       */
      lateNotice: z.boolean().optional(),
    })
    .strict(),
});

export const ResidenceVerified = defineEvent({
  type: 'ResidenceVerified',
  version: 2,
  aggregate,
  label: { vi: 'Xác định nơi về cư trú', en: 'Residence verified' },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '8(1)')],
  schema: z.object({ address: Address, verifiedOn: LocalDate, familyContacted: z.boolean() }).strict(),
});

export const ResidenceMismatchReported = defineEvent({
  type: 'ResidenceMismatchReported',
  version: 1,
  aggregate,
  label: { vi: 'Báo cáo nơi cư trú không đúng (HCD-03)', en: 'Residence mismatch reported' },
  emittedBy: ['commune-police', 'commune-chair'],
  basis: [cite('TT10', '8(1)')],
  schema: z
    .object({
      reportedOn: LocalDate,
      reportedTo: z.string().min(1),
      reason: z.string().min(1),
      report: DocRef,
    })
    .strict(),
});

export const PersonReported = defineEvent({
  type: 'PersonReported',
  version: 1,
  aggregate,
  label: { vi: 'Người được đặc xá/chấp hành xong án trình diện', en: 'Person reported in at the commune' },
  emittedBy: ['commune-police'],
  basis: [cite('LĐX', '20(2)(a)'), cite('TT10', '9(1)')],
  schema: z
    .object({
      reportedOn: LocalDate,
      certificate: DocRef.meta({
        description: 'Giấy chứng nhận đặc xá (PT72) hoặc chấp hành xong án (PT70)',
      }),
      /** The date printed on the certificate, if any, by which the person had to report. */
      reportBy: LocalDate.optional(),
      minutes: DocRef.meta({ description: 'Biên bản trình diện (HCD-05)' }),
      commitmentSigned: z.literal(true),
      /** Computed: whether the person reported after `reportBy`. */
      late: z.boolean(),
      /** Computed: the management file is due 5 working days after reception (TT10 11(2)). */
      fileDueBy: LocalDate,
      /** Computed: the supervisor proposal is due 3 working days after reception (TT10 10(2)). */
      supervisorDueBy: LocalDate,
      /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
      deadlines: DeadlineFacts.optional(),
    })
    .strict(),
});

export const ReportingDeadlineMissed = defineEvent({
  type: 'ReportingDeadlineMissed',
  version: 1,
  aggregate,
  label: { vi: 'Quá hạn trình diện', en: 'Reporting deadline missed' },
  emittedBy: ['system', 'commune-police'],
  basis: [cite('TT10', '9(2)')],
  schema: z.object({ dueDate: LocalDate, detectedOn: LocalDate }).strict(),
});

export const NonReportingEscalated = defineEvent({
  type: 'NonReportingEscalated',
  version: 1,
  aggregate,
  label: { vi: 'Báo cáo người không trình diện (HCD-04)', en: 'Failure to report escalated' },
  emittedBy: ['commune-chair', 'commune-deputy-chair', 'commune-police'],
  basis: [cite('TT10', '9(2)')],
  schema: z
    .object({
      whereabouts: z.enum(['AT_HOME', 'UNKNOWN']),
      escalatedTo: z.string().min(1),
      escalatedOn: LocalDate,
      report: DocRef,
    })
    .strict(),
});

export const ManagementFileOpened = defineEvent({
  type: 'ManagementFileOpened',
  version: 1,
  aggregate,
  label: { vi: 'Lập hồ sơ quản lý (HCD-01)', en: 'Management file opened' },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '11(2)'), cite('NĐ49', '25(3)')],
  schema: z.object({ fileNo: z.string().min(1), openedOn: LocalDate, late: z.boolean() }).strict(),
});

export const ResidenceChangeNotified = defineEvent({
  type: 'ResidenceChangeNotified',
  version: 1,
  aggregate,
  label: { vi: 'Thông báo thay đổi nơi cư trú', en: 'Change of residence notified' },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '14(1)(b)')],
  schema: z.object({ toCommune: CommuneCode, notifiedOn: LocalDate }).strict(),
});

export const CaseTransferredOut = defineEvent({
  type: 'CaseTransferredOut',
  version: 1,
  aggregate,
  label: { vi: 'Chuyển hồ sơ đến xã nơi cư trú mới', en: 'Case file sent to the new commune' },
  emittedBy: ['commune-police', 'commune-chair'],
  basis: [cite('TT10', '15(2)'), cite('TT10', '14(1)(b)')],
  schema: z
    .object({
      toCommune: CommuneCode,
      sentOn: LocalDate,
      transmittal: DocRef,
      continueBy: LocalDate,
      /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
      deadlines: DeadlineFacts.optional(),
    })
    .strict(),
});

export const CaseTransferredIn = defineEvent({
  type: 'CaseTransferredIn',
  version: 1,
  aggregate,
  label: { vi: 'Tiếp nhận hồ sơ chuyển đến', en: 'Transferred case received' },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '15(2)')],
  schema: z
    .object({
      caseId: z.uuid(),
      fromCaseId: z.uuid(),
      fromCommune: CommuneCode,
      person: PersonDetails,
      source: CaseSource,
      communeCode: CommuneCode,
      releaseDate: LocalDate,
      receivedOn: LocalDate,
      /** Supervision must continue by then: 5 working days after the file was sent (TT10 15(2)). */
      continueBy: LocalDate,
      /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
      deadlines: DeadlineFacts.optional(),
    })
    .strict(),
});

export const CaseClosureProposed = defineEvent({
  type: 'CaseClosureProposed',
  version: 1,
  aggregate,
  label: { vi: 'Đề xuất kết thúc quản lý (HCD-10)', en: 'Case closure proposed' },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '14')],
  schema: z
    .object({
      reason: ClosureReason,
      evidence: DocRef,
      /**
       * What the paper is (a death certificate, a court's declaration…), checked against the reason
       * (TT10 14(1)). Optional only so proposals recorded before it was asked still read; the
       * decider refuses a new proposal without it.
       */
      evidenceKind: ClosureEvidenceKind.optional(),
      proposedOn: LocalDate,
    })
    .strict(),
});

export const CaseClosed = defineEvent({
  type: 'CaseClosed',
  version: 1,
  aggregate,
  label: { vi: 'Quyết định kết thúc quản lý (HCD-11)', en: 'Case closed' },
  emittedBy: ['commune-chair', 'commune-deputy-chair'],
  basis: [cite('TT10', '14')],
  schema: z
    .object({
      reason: ClosureReason,
      decision: DocRef,
      closedOn: LocalDate,
      /** Signed by the chair, or by a deputy "KT. Chủ tịch". */
      signedAs: SignedAs.optional(),
    })
    .strict(),
});

/** The free-text address of ResidenceVerified version 1, before addresses were structured. */
export const ResidenceVerifiedV1 = z
  .object({
    address: personal(z.string().min(1), 'Địa chỉ', 'address'),
    verifiedOn: LocalDate,
    familyContacted: z.boolean(),
  })
  .strict();

export const ArrivedAtDifferentCommuneAccepted = defineEvent({
  type: 'ArrivedAtDifferentCommuneAccepted',
  version: 1,
  aggregate,
  label: {
    vi: 'Tiếp nhận người về cư trú không đúng địa chỉ trong giấy chứng nhận',
    en: 'Arrival at a different commune accepted',
  },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '9(3)')],
  schema: z
    .object({
      caseId: z.uuid(),
      person: PersonDetails,
      source: CaseSource,
      communeCode: CommuneCode,
      /** The commune the certificate named; it is told the person settled here. */
      originalCommune: CommuneCode,
      releaseDate: LocalDate,
      lawfulResidence: z.literal(true),
      reportedOn: LocalDate,
      certificate: DocRef,
      minutes: DocRef,
      fileDueBy: LocalDate,
      supervisorDueBy: LocalDate,
      /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
      deadlines: DeadlineFacts.optional(),
    })
    .strict(),
});
