import { z } from 'zod';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { LocalDate } from '../shared/localDate.js';
import { RoundParameters } from '../round/parameters.js';
import * as e from './events.js';

const cmd = <T extends string, S extends z.ZodType>(type: T, vi: string, en: string, schema: S) =>
  defineCommand({ type, label: { vi, en }, schema });

export const DOSSIER_COMMANDS = [
  cmd(
    'SubmitPetition',
    'Nộp đơn đề nghị đặc xá',
    'Submit a petition',
    e.AmnestyPetitionSubmitted.schema.extend({
      /** When the round decision was posted at the facility (from the round's stream). */
      decisionPostedOn: LocalDate,
    }),
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
    'AssessEligibility',
    'Đánh giá điều kiện',
    'Assess eligibility',
    z
      .object({
        assessedOn: LocalDate,
        round: RoundParameters,
        consecutiveGoodQuarters: z.number().int().nonnegative().nullable(),
        ratedGoodSinceWindow: z.boolean().nullable(),
        securityConcern: z.boolean().nullable(),
        newProsecution: z.boolean(),
        roundExclusionsMatched: z.array(z.string()),
        /** From the person's grant history across rounds, never typed in by hand (LĐX 12(4)). */
        previouslyPardoned: z.boolean(),
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
    e.ComplaintLodged.schema.omit({ resolveBy: true }).extend({
      /** When complaints about the posted list close (from the round's stream). */
      complaintsCloseOn: LocalDate,
    }),
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
    e.ComplaintAppealed.schema.omit({ resolveBy: true }),
  ),
  cmd(
    'ResolveAppeal',
    'Giải quyết khiếu nại cuối cùng',
    'Resolve the appeal',
    e.ComplaintAppealResolved.schema.omit({ late: true }),
  ),
  cmd('AppraiseDossier', 'Thẩm định hồ sơ', 'Appraise the dossier', e.DossierAppraised.schema),
  cmd(
    'RecordDisqualifyingEvent',
    'Ghi nhận căn cứ không được đề nghị',
    'Record a disqualifying event',
    e.DisqualifyingEventRecorded.schema,
  ),
  cmd(
    'RecordGrantOutcome',
    'Ghi nhận kết quả đặc xá',
    'Record the grant outcome',
    e.DossierGrantOutcomeRecorded.schema.extend({
      /** Whether the President's grant decision names this dossier (from the round's stream). */
      namedInGrantDecision: z.boolean(),
    }),
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
    e.CertificateCopiesDistributed.schema,
  ),
  cmd(
    'RecordForeignNationalHandling',
    'Ghi nhận thông báo lãnh sự',
    'Record the consular handling',
    e.ForeignNationalAmnestyHandled.schema,
  ),
] as const;
export type DossierCommand = CommandOf<(typeof DOSSIER_COMMANDS)[number]>;
