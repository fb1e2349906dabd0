import type { Labels } from '../shared/defineEvent.js';
import { cite, type LegalRef } from '../shared/legalBasis.js';
import type { TimeLimit } from './deadlines.js';

/** An event that opens a deadline, the date field it counts from and the unit that must meet it. */
export interface DeadlineOpening {
  event: string;
  /**
   * The date field counted from: `quarter`, the last day of the quarter the event names;
   * `quarterOf:<field>`, the last day of the quarter that date falls in.
   */
  from: string;
  /** The date field holding the due date as computed when recorded: history, not what views show. */
  recorded?: string;
  /** The field naming the unit that must meet it, or `metadata.unit` (the recording unit). */
  unit: string;
  /** The field telling several deadlines of the rule in one stream apart. */
  key?: string;
  /** False where the deadline is another stream's duty, tracked there (a transfer's origin). */
  tracked?: false;
  /** True where the event moves a deadline still open (an extension): counted again from its `from`. */
  reopens?: true;
}

/** An event that meets a deadline, and the date field it was met on. */
export interface DeadlineClosing {
  event: string;
  on: string;
}

/** One procedural time limit (DOMAIN.md §4.3): where it starts, how it counts, what meets it. */
export interface DeadlineRule {
  label: Labels;
  basis: readonly LegalRef[];
  /** A duty is met by a step; a window only bounds when a step may still be taken. */
  nature: 'duty' | 'window';
  /** So many days of a kind, the count and kind the opening event records, or its months. */
  limit: TimeLimit | { daysField: string; kindField: string } | { monthsField: string };
  /**
   * A duty owed every quarter (`quarter`): each deadline's key is the quarter its `from` ends, an
   * event may open the next quarter's beside its own, and a quarter recorded missed opens the next.
   */
  period?: 'quarter';
  /** A calendar-day period ending on a day off ends on the next working day (BLDS 148(5)). */
  movesOffDayOff: boolean;
  opens: readonly DeadlineOpening[];
  closes: readonly DeadlineClosing[];
}

const WORKING = (days: number): TimeLimit => ({ days, kind: 'WORKING' });
const CALENDAR = (days: number): TimeLimit => ({ days, kind: 'CALENDAR' });

/** Every deadline the deciders compute, declared once: deciders, events' facts, views and docs read it. */
export const DEADLINE_RULES = {
  'case.verify-residence': {
    label: { vi: 'Xác minh nơi cư trú', en: 'Verify the residence' },
    basis: [cite('TT10', '8(1)')],
    nature: 'duty',
    limit: WORKING(3),
    movesOffDayOff: false,
    opens: [
      { event: 'ReleaseNoticeReceived', from: 'receivedOn', recorded: 'verifyBy', unit: 'communeCode' },
    ],
    closes: [
      { event: 'ResidenceVerified', on: 'verifiedOn' },
      { event: 'ResidenceMismatchReported', on: 'reportedOn' },
    ],
  },
  'case.open-file': {
    label: { vi: 'Lập hồ sơ quản lý', en: 'Open the management file' },
    basis: [cite('TT10', '11(2)')],
    nature: 'duty',
    limit: WORKING(5),
    movesOffDayOff: false,
    opens: [
      { event: 'PersonReported', from: 'reportedOn', recorded: 'fileDueBy', unit: 'metadata.unit' },
      {
        event: 'ArrivedAtDifferentCommuneAccepted',
        from: 'reportedOn',
        recorded: 'fileDueBy',
        unit: 'communeCode',
      },
    ],
    closes: [{ event: 'ManagementFileOpened', on: 'openedOn' }],
  },
  'case.supervisor-proposal': {
    label: { vi: 'Đề xuất quyết định phân công người giám sát', en: 'Propose the supervisor' },
    basis: [cite('TT10', '10(2)')],
    nature: 'duty',
    limit: WORKING(3),
    movesOffDayOff: false,
    opens: [
      { event: 'PersonReported', from: 'reportedOn', recorded: 'supervisorDueBy', unit: 'metadata.unit' },
      {
        event: 'ArrivedAtDifferentCommuneAccepted',
        from: 'reportedOn',
        recorded: 'supervisorDueBy',
        unit: 'communeCode',
      },
    ],
    closes: [{ event: 'SupervisorAssignmentProposed', on: 'proposedOn' }],
  },
  'case.supervisor-decision': {
    label: {
      vi: 'Quyết định phân công người được giao quản lý, giám sát, giáo dục, giúp đỡ',
      en: 'Decide the supervisor',
    },
    basis: [cite('TT10', '10(2)')],
    nature: 'duty',
    limit: WORKING(3),
    movesOffDayOff: false,
    opens: [
      {
        event: 'SupervisorAssignmentProposed',
        from: 'proposedOn',
        recorded: 'decisionDueBy',
        unit: 'metadata.unit',
      },
    ],
    closes: [{ event: 'SupervisorAssigned', on: 'decidedOn' }],
  },
  'case.quarterly-report': {
    label: { vi: 'Báo cáo quý của người được phân công', en: 'Quarterly supervisor report' },
    basis: [cite('TT10', '10(4)')],
    nature: 'duty',
    limit: CALENDAR(5),
    movesOffDayOff: true,
    period: 'quarter',
    // Owed from the quarter supervision is decided in; each report (or recorded miss) opens the next.
    opens: [
      {
        event: 'SupervisorAssigned',
        from: 'quarterOf:decidedOn',
        unit: 'metadata.unit',
        key: 'quarter',
      },
      {
        event: 'QuarterlySupervisorReportSubmitted',
        from: 'quarter',
        recorded: 'dueBy',
        unit: 'metadata.unit',
        key: 'quarter',
      },
    ],
    closes: [{ event: 'QuarterlySupervisorReportSubmitted', on: 'submittedOn' }],
  },
  'case.loan-repayment': {
    label: { vi: 'Trả hết nợ vay khi đến hạn', en: 'Repay the loan by the end of its term' },
    basis: [cite('QĐ22', '8'), cite('QĐ22', '13')],
    nature: 'duty',
    limit: { monthsField: 'termMonths' },
    // The term the bank approved ends on its day; VBSP's own rules, not this system, extend a day off.
    movesOffDayOff: false,
    opens: [
      {
        event: 'LoanApproved',
        from: 'approvedOn',
        recorded: 'repayBy',
        unit: 'metadata.unit',
        key: 'loanId',
      },
    ],
    closes: [{ event: 'LoanSettled', on: 'settledOn' }],
  },
  'case.transfer-continue': {
    label: { vi: 'Tiếp tục quản lý sau khi chuyển hồ sơ', en: 'Continue supervision after a transfer' },
    basis: [cite('TT10', '15(2)')],
    nature: 'duty',
    limit: WORKING(5),
    movesOffDayOff: false,
    opens: [
      { event: 'CaseTransferredIn', from: 'receivedOn', recorded: 'continueBy', unit: 'communeCode' },
      // The origin's estimate from the day it sent the file; the destination's stream tracks the duty.
      {
        event: 'CaseTransferredOut',
        from: 'sentOn',
        recorded: 'continueBy',
        unit: 'toCommune',
        tracked: false,
      },
    ],
    closes: [{ event: 'SupervisorAssignmentProposed', on: 'proposedOn' }],
  },
  'round.facility-list': {
    label: {
      vi: 'Lập danh sách và hồ sơ đề nghị đặc xá tại trại',
      en: 'Compile the facility’s proposal list and dossiers',
    },
    basis: [cite('LĐX', '15(2)')],
    nature: 'duty',
    limit: CALENDAR(10),
    movesOffDayOff: true,
    opens: [
      {
        event: 'RoundDecisionPostedAtFacility',
        from: 'postedOn',
        recorded: 'listsDueBy',
        unit: 'facilityId',
        key: 'facilityId',
      },
    ],
    // The facility's first list (eligible or not) meets it.
    closes: [{ event: 'ProposalListCompiled', on: 'compiledOn' }],
  },
  'round.court-list': {
    label: {
      vi: 'Tòa án lập danh sách, hồ sơ người đang được tạm đình chỉ chấp hành án phạt tù',
      en: 'The provincial court compiles the suspended persons’ list and dossiers',
    },
    basis: [cite('LĐX', '15(3)')],
    nature: 'duty',
    // "15 ngày kể từ ngày Quyết định về đặc xá được công bố": from the announcement, not the court's notice.
    limit: CALENDAR(15),
    movesOffDayOff: true,
    opens: [
      {
        event: 'RoundDecisionNotifiedToSuspended',
        from: 'announcedOn',
        recorded: 'listsDueBy',
        unit: 'facilityId',
        key: 'facilityId',
      },
    ],
    // The court's first list (eligible or not) meets it, as a facility's does.
    closes: [{ event: 'ProposalListCompiled', on: 'compiledOn' }],
  },
  'round.complaint-window': {
    label: {
      vi: 'Thời hạn khiếu nại về việc không được đề nghị đặc xá',
      en: 'Complaints about omission close',
    },
    basis: [cite('LĐX', '36(3)')],
    nature: 'window',
    limit: CALENDAR(5),
    movesOffDayOff: true,
    opens: [
      {
        event: 'ProposalListPosted',
        from: 'postedOn',
        recorded: 'complaintsCloseOn',
        unit: 'facilityId',
        key: 'listId',
      },
    ],
    closes: [],
  },
  'round.appraisal': {
    label: { vi: 'Thẩm định hồ sơ, danh sách đề nghị đặc xá', en: 'Inter-agency appraisal' },
    basis: [cite('LĐX', '16(1)')],
    nature: 'duty',
    limit: CALENDAR(15),
    // "15 ngày": calendar days, ending on the next working day when the 15th is a day off (BLDS 148(5)).
    movesOffDayOff: true,
    opens: [
      {
        event: 'ListsSentToAppraisal',
        from: 'sentOn',
        recorded: 'appraisalDue',
        unit: 'metadata.unit',
        key: 'teamId',
      },
    ],
    closes: [{ event: 'AppraisalMinutesIssued', on: 'minutes.date' }],
  },
  'dossier.petition-window': {
    label: { vi: 'Thời hạn viết đơn đề nghị đặc xá', en: 'Petitions close' },
    basis: [cite('LĐX', '15(1)'), cite('NĐ52', '7(1)')],
    nature: 'window',
    limit: CALENDAR(5),
    movesOffDayOff: true,
    // Checked when a petition is submitted, from the posting the round's stream records.
    opens: [],
    closes: [],
  },
  'dossier.complaint-resolution': {
    label: { vi: 'Giải quyết khiếu nại lần đầu', en: 'First-level complaint resolution' },
    basis: [cite('LĐX', '37(1)')],
    nature: 'duty',
    limit: CALENDAR(5),
    movesOffDayOff: true,
    opens: [
      {
        event: 'ComplaintLodged',
        from: 'lodgedOn',
        recorded: 'resolveBy',
        unit: 'metadata.unit',
        key: 'complaintId',
      },
    ],
    closes: [{ event: 'ComplaintResolved', on: 'resolvedOn' }],
  },
  'dossier.appeal-window': {
    label: { vi: 'Thời hạn khiếu nại tiếp', en: 'Appeals close' },
    basis: [cite('LĐX', '37(2)')],
    nature: 'window',
    limit: CALENDAR(5),
    movesOffDayOff: true,
    // Checked when an appeal is lodged, from the first-level decision the dossier's stream records.
    opens: [],
    closes: [],
  },
  'dossier.appeal-resolution': {
    label: { vi: 'Giải quyết khiếu nại tiếp', en: 'Appeal resolution' },
    basis: [cite('LĐX', '37(2)')],
    nature: 'duty',
    limit: CALENDAR(5),
    movesOffDayOff: true,
    opens: [
      {
        event: 'ComplaintAppealed',
        from: 'appealedOn',
        recorded: 'resolveBy',
        unit: 'metadata.unit',
        key: 'complaintId',
      },
    ],
    closes: [{ event: 'ComplaintAppealResolved', on: 'resolvedOn' }],
  },
  'oversight.response': {
    label: { vi: 'Trả lời yêu cầu, kiến nghị của cơ quan kiểm sát, giám sát', en: 'Respond to oversight' },
    basis: [cite('LĐX', '30(3)'), cite('LĐX', '34(3)')],
    nature: 'duty',
    limit: { daysField: 'responseDays', kindField: 'dayKind' },
    movesOffDayOff: true,
    opens: [
      {
        event: 'OversightRecommendationIssued',
        from: 'issuedOn',
        recorded: 'responseDue',
        unit: 'addresseeUnit',
        key: 'recommendationId',
      },
    ],
    closes: [{ event: 'OversightResponseSubmitted', on: 'respondedOn' }],
  },
  'subject-request.acknowledge': {
    label: { vi: 'Xác nhận đã nhận yêu cầu của chủ thể dữ liệu', en: 'Acknowledge a data-subject request' },
    // Decree 356/2025 as law firms quote it (DOMAIN.md §9.3): the clause is not yet checked.
    basis: [],
    nature: 'duty',
    limit: WORKING(2),
    movesOffDayOff: false,
    opens: [
      { event: 'SubjectRequestReceived', from: 'receivedOn', recorded: 'acknowledgeBy', unit: 'communeCode' },
    ],
    // An answer within the two days acknowledges the request too.
    closes: [
      { event: 'SubjectRequestAcknowledged', on: 'acknowledgedOn' },
      { event: 'SubjectRequestAnswered', on: 'answeredOn' },
    ],
  },
  'subject-request.respond': {
    label: { vi: 'Giải quyết yêu cầu của chủ thể dữ liệu', en: 'Act on a data-subject request' },
    basis: [],
    nature: 'duty',
    // 15 days for a restriction, an objection or consent withdrawn; 20 with a processor or third party.
    limit: { daysField: 'responseDays', kindField: 'dayKind' },
    movesOffDayOff: true,
    opens: [
      { event: 'SubjectRequestReceived', from: 'receivedOn', recorded: 'respondBy', unit: 'communeCode' },
      // The one extension reopens it: 15 more days from the date it extends.
      {
        event: 'SubjectRequestExtended',
        from: 'extendedFrom',
        recorded: 'respondBy',
        unit: 'communeCode',
        reopens: true,
      },
    ],
    closes: [{ event: 'SubjectRequestAnswered', on: 'answeredOn' }],
  },
} as const satisfies Record<string, DeadlineRule>;

/** A deadline rule's stable id, e.g. `case.supervisor-proposal`. */
export type DeadlineRuleId = keyof typeof DEADLINE_RULES;

/** The rule with this id, typed as the general shape. */
export const deadlineRule = (id: DeadlineRuleId): DeadlineRule => DEADLINE_RULES[id];
