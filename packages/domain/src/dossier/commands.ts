import { writtenAct } from '../shared/writtenAct.js';
import { z } from 'zod';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { LocalDate } from '../shared/localDate.js';
import * as e from './events.js';

const cmd = <T extends string, S extends z.ZodType>(type: T, vi: string, en: string, schema: S) =>
  defineCommand({ type, label: { vi, en }, schema });

export const DOSSIER_COMMANDS = [
  cmd(
    'SubmitPetition',
    'Nộp đơn đề nghị đặc xá',
    'Submit a petition',
    // When the decision was posted at the facility is read from the round's stream.
    e.AmnestyPetitionSubmitted.schema,
  ),
  cmd('RecordPeerReview', 'Ghi nhận bình xét', 'Record the peer review', e.InmatePeerReviewHeld.schema),
  cmd('AttachDocument', 'Bổ sung tài liệu', 'Attach a document', e.DossierDocumentAttached.schema),
  cmd(
    'ConfirmCivilObligations',
    'Ghi nhận xác nhận nghĩa vụ dân sự',
    'Record the civil-obligation confirmation',
    e.CivilObligationStatusConfirmed.schema,
  ),
  cmd(
    'RecordCommuneConfirmation',
    'Ghi nhận xác nhận của UBND xã',
    'Record a commune confirmation',
    e.CommuneConfirmationIssued.schema,
  ),
  cmd(
    'RecordConductRating',
    'Ghi nhận kết quả xếp loại chấp hành án',
    'Record a conduct rating',
    e.ConductRatingRecorded.schema,
  ),
  cmd(
    'AssessEligibility',
    'Đánh giá điều kiện',
    'Assess eligibility',
    z
      .object({
        assessedOn: LocalDate,
        // The round's parameters, the person's grant history, the conduct ratings the facility
        // recorded and the round exclusions the sentence or a paper proves are read from the log:
        // the assessor types in only the judgement that is the facility's by nature.
        securityConcern: z.boolean().nullable(),
        newProsecution: z.boolean(),
      })
      .strict(),
  ),
  cmd(
    'SignFacilityProposal',
    'Ký văn bản đề nghị đặc xá',
    'Sign the facility proposal',
    e.FacilityProposalSigned.schema,
  ),
  cmd(
    'LodgeComplaint',
    'Tiếp nhận khiếu nại',
    'Lodge a complaint',
    // When complaints about the posted list close is read from the round's stream.
    e.ComplaintLodged.schema.omit({ resolveBy: true, deadlines: true }),
  ),
  cmd(
    'ResolveComplaint',
    'Giải quyết khiếu nại',
    'Resolve the complaint',
    e.ComplaintResolved.schema.omit({ late: true }),
  ),
  cmd(
    'AppealComplaint',
    'Khiếu nại tiếp',
    'Appeal the resolution',
    e.ComplaintAppealed.schema.omit({ resolveBy: true, deadlines: true }),
  ),
  cmd(
    'ResolveAppeal',
    'Giải quyết khiếu nại cuối cùng',
    'Resolve the appeal',
    writtenAct(e.ComplaintAppealResolved.schema.omit({ late: true })),
  ),
  cmd('AppraiseDossier', 'Thẩm định hồ sơ', 'Appraise the dossier', writtenAct(e.DossierAppraised.schema)),
  cmd(
    'RecordDisqualifyingEvent',
    'Ghi nhận căn cứ không được đề nghị',
    'Record a disqualifying event',
    e.DisqualifyingEventRecorded.schema,
  ),
  cmd(
    'LiftDisqualification',
    'Ghi nhận hủy bỏ căn cứ không được đề nghị',
    'Lift a disqualification',
    e.DisqualificationLifted.schema,
  ),
  cmd(
    'RecordGrantOutcome',
    'Ghi nhận kết quả đặc xá',
    'Record the grant outcome',
    // Whether the President's grant decision names this dossier is read from the round's stream.
    e.DossierGrantOutcomeRecorded.schema,
  ),
  cmd(
    'SendAmnestyNotice',
    'Gửi thông báo đặc xá về xã',
    'Send the amnesty notice to the commune',
    e.AmnestyNoticeSentToCommune.schema,
  ),
  cmd('RecordRelease', 'Ghi nhận trả tự do', 'Record the release', e.PrisonerReleased.schema),
  cmd(
    'IssueCertificate',
    'Cấp Giấy chứng nhận đặc xá',
    'Issue the amnesty certificate',
    e.AmnestyCertificateIssued.schema,
  ),
  cmd(
    'DistributeCertificateCopies',
    'Gửi bản sao Giấy chứng nhận',
    'Distribute certificate copies',
    writtenAct(e.CertificateCopiesDistributed.schema),
  ),
  cmd(
    'RecordForeignNationalHandling',
    'Ghi nhận thông báo lãnh sự',
    'Record the consular handling',
    writtenAct(e.ForeignNationalAmnestyHandled.schema),
  ),
] as const;
export type DossierCommand = CommandOf<(typeof DOSSIER_COMMANDS)[number]>;
