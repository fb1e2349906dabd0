import { z } from 'zod';
import { DeadlineFacts } from '../calendar/deadlineFact.js';
import { DocRef } from '../shared/docRef.js';
import { defineEvent } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { personal } from '../shared/personal.js';
import { Role, SignedAs } from '../shared/roles.js';
import { Group, Quarter, SupervisorRef } from './values.js';

const aggregate = 'case';

export const SupervisorAssignmentProposed = defineEvent({
  type: 'SupervisorAssignmentProposed',
  version: 1,
  aggregate,
  label: {
    vi: 'Đề xuất phân công người được giao quản lý, giám sát, giáo dục, giúp đỡ (HCD-06)',
    en: 'Supervisor assignment proposed',
  },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '10(2)')],
  schema: z
    .object({
      supervisor: SupervisorRef,
      proposedOn: LocalDate,
      proposal: DocRef,
      late: z.boolean(),
      /** Computed: the chair decides within 3 working days of the proposal (TT10 10(2)). */
      decisionDueBy: LocalDate.optional(),
      /** The facts the due date comes from: views derive the date. */
      deadlines: DeadlineFacts.optional(),
    })
    .strict(),
});

export const SupervisorAssigned = defineEvent({
  type: 'SupervisorAssigned',
  version: 1,
  aggregate,
  label: {
    vi: 'Quyết định phân công người được giao quản lý, giám sát, giáo dục, giúp đỡ (HCD-07)',
    en: 'Supervisor assigned',
  },
  emittedBy: ['commune-chair', 'commune-deputy-chair'],
  basis: [cite('TT10', '10(1)'), cite('NĐ49', '22(2)')],
  schema: z
    .object({
      supervisor: SupervisorRef,
      decision: DocRef,
      decidedOn: LocalDate,
      /** The facts of the first quarterly report owed (the quarter decided in): views derive its date. */
      deadlines: DeadlineFacts.optional(),
      /** Signed by the chair, or by a deputy "KT. Chủ tịch": from the signer's role, never the body. */
      signedAs: SignedAs.optional(),
    })
    .strict(),
});

export const SupervisorReplaced = defineEvent({
  type: 'SupervisorReplaced',
  version: 1,
  aggregate,
  label: {
    vi: 'Quyết định thay đổi người được giao quản lý, giám sát, giáo dục, giúp đỡ',
    en: 'Supervisor replaced',
  },
  emittedBy: ['commune-chair', 'commune-deputy-chair'],
  basis: [cite('TT10', '10(1)')],
  schema: z
    .object({
      previous: SupervisorRef,
      supervisor: SupervisorRef,
      reason: z.string().min(1),
      decision: DocRef,
      decidedOn: LocalDate,
      /** Signed by the chair, or by a deputy "KT. Chủ tịch". */
      signedAs: SignedAs.optional(),
    })
    .strict(),
});

export const SupervisionPlanIssued = defineEvent({
  type: 'SupervisionPlanIssued',
  version: 1,
  aggregate,
  label: { vi: 'Kế hoạch quản lý, giám sát, giáo dục, giúp đỡ', en: 'Supervision plan issued' },
  emittedBy: ['commune-chair', 'commune-deputy-chair'],
  basis: [cite('TT10', '10(3)')],
  schema: z
    .object({ plan: DocRef, measures: z.array(z.string().min(1)).min(1), issuedOn: LocalDate })
    .strict(),
});

export const VisitLogged = defineEvent({
  type: 'VisitLogged',
  version: 1,
  aggregate,
  label: {
    vi: 'Ghi nhận việc gặp gỡ, làm việc tại gia đình, nơi làm việc',
    en: 'Home or workplace visit logged',
  },
  emittedBy: ['supervisor', 'commune-police', 'village-head'],
  basis: [cite('NĐ49', '25'), cite('TT10', '10(3)')],
  schema: z
    .object({
      visitedOn: LocalDate,
      visitorRole: Role,
      place: z.enum(['HOME', 'WORKPLACE', 'OTHER']),
      findings: personal(z.string().min(1).max(4000), 'Nội dung ghi nhận khi gặp gỡ, làm việc', 'narrative'),
      concerns: z.array(
        z.enum(['HEALTH', 'HOUSING', 'EMPLOYMENT', 'FAMILY', 'SUBSTANCE', 'CONDUCT', 'OTHER']),
      ),
    })
    .strict(),
});

export const QuarterlySupervisorReportSubmitted = defineEvent({
  type: 'QuarterlySupervisorReportSubmitted',
  version: 1,
  aggregate,
  label: {
    vi: 'Báo cáo quý của người được giao quản lý, giám sát, giáo dục, giúp đỡ (HCD-08)',
    en: 'Quarterly supervisor report submitted',
  },
  emittedBy: ['supervisor'],
  basis: [cite('TT10', '10(4)')],
  schema: z
    .object({
      quarter: Quarter,
      submittedOn: LocalDate,
      /** Computed: day 5 of the first month of the following quarter. */
      dueBy: LocalDate,
      late: z.boolean(),
      /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
      deadlines: DeadlineFacts.optional(),
      narrative: personal(z.string().min(1).max(8000), 'Nội dung báo cáo', 'narrative'),
    })
    .strict(),
});

export const PersonClassified = defineEvent({
  type: 'PersonClassified',
  version: 1,
  aggregate,
  label: { vi: 'Phân loại nhóm A/B/C/D', en: 'Person classified A/B/C/D' },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '12(1)'), cite('TT10', '12(2)')],
  schema: z.object({ group: Group, quarter: Quarter, classifiedOn: LocalDate }).strict(),
});

export const ViolationRecorded = defineEvent({
  type: 'ViolationRecorded',
  version: 1,
  aggregate,
  label: { vi: 'Vi phạm pháp luật, nghĩa vụ', en: 'Violation recorded' },
  emittedBy: ['commune-police'],
  basis: [cite('NĐ49', '25(6)')],
  schema: z
    .object({
      kind: z.enum(['ADMINISTRATIVE', 'OBLIGATION', 'CRIMINAL_SUSPECTED']),
      occurredOn: LocalDate,
      handling: z.enum(['WARNING', 'FINE', 'EDUCATION_AT_COMMUNE', 'REFERRED']).optional(),
      description: personal(z.string().min(1).max(4000), 'Mô tả vi phạm', 'narrative'),
      record: DocRef.optional(),
    })
    .strict(),
});

export const PersonDetained = defineEvent({
  type: 'PersonDetained',
  version: 1,
  aggregate,
  label: {
    vi: 'Bị tạm giữ, tạm giam, đưa vào cơ sở bắt buộc hoặc trường giáo dưỡng',
    en: 'Person detained',
  },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '12(1)(d)'), cite('TT10', '15(4)')],
  schema: z
    .object({
      // REFORM_SCHOOL: trường giáo dưỡng, where a minor is sent by a court's decision.
      facilityType: z.enum([
        'TEMPORARY_HOLDING',
        'DETENTION',
        'COMPULSORY_EDUCATION',
        'COMPULSORY_REHAB',
        'REFORM_SCHOOL',
      ]),
      from: LocalDate,
      order: DocRef.optional(),
    })
    .strict(),
});

export const PersonReturnedFromDetention = defineEvent({
  type: 'PersonReturnedFromDetention',
  version: 1,
  aggregate,
  label: { vi: 'Trở về địa phương sau khi bị tạm giữ, tạm giam', en: 'Person returned from detention' },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '15(4)')],
  schema: z.object({ returnedOn: LocalDate }).strict(),
});

export const ReoffenceConvicted = defineEvent({
  type: 'ReoffenceConvicted',
  version: 1,
  aggregate,
  label: { vi: 'Phạm tội mới, bị kết án phạt tù', en: 'Convicted of a new offence' },
  emittedBy: ['commune-police'],
  basis: [cite('TT10', '14(1)(e)')],
  schema: z
    .object({
      judgment: DocRef,
      sentenceMonths: personal(z.number().int().positive().max(600), 'Thời hạn tù (tháng)', 'criminal'),
      startedServingOn: LocalDate,
    })
    .strict(),
});
