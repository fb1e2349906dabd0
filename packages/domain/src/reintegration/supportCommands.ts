import type { z } from 'zod';
import { defineCommand, type CommandDefinition } from '../shared/command.js';
import type { EventDefinition } from '../shared/defineEvent.js';
import * as s from './supportEvents.js';

/** A support measure's command: its data is the event's data, and the same roles may record it. */
function supportCommand<const T extends string, S extends z.ZodType, E extends string>(
  type: T,
  vi: string,
  event: EventDefinition<E, S>,
): CommandDefinition<T, S> & { event: EventDefinition<E, S> } {
  return { ...defineCommand({ type, label: { vi, en: event.label.en }, schema: event.schema }), event };
}

export const SUPPORT_COMMANDS = [
  supportCommand('ProvideCounselling', 'Ghi nhận trợ giúp tâm lý', s.CounsellingProvided),
  supportCommand('RegisterResidence', 'Ghi nhận đăng ký cư trú', s.ResidenceRegistered),
  supportCommand('IssueIdentityCard', 'Ghi nhận cấp căn cước', s.IdentityCardIssued),
  supportCommand('RegisterCivilStatus', 'Ghi nhận đăng ký hộ tịch', s.CivilStatusRegistered),
  supportCommand(
    'RecordCriminalRecordCertificate',
    'Ghi nhận cấp Phiếu lý lịch tư pháp',
    s.CriminalRecordCertificateIssued,
  ),
  supportCommand('EnrolVocationalTraining', 'Ghi nhận tham gia học nghề', s.VocationalTrainingEnrolled),
  supportCommand('CompleteVocationalTraining', 'Ghi nhận hoàn thành học nghề', s.VocationalTrainingCompleted),
  supportCommand('ReferToJob', 'Ghi nhận giới thiệu việc làm', s.JobReferralMade),
  supportCommand('RecordEmploymentStarted', 'Ghi nhận có việc làm', s.EmploymentStarted),
  supportCommand('RecordEmploymentEnded', 'Ghi nhận thôi việc', s.EmploymentEnded),
  supportCommand(
    'RecordLivelihoodSupport',
    'Ghi nhận hướng dẫn thủ tục đất đai, nông nghiệp, môi trường',
    s.LivelihoodSupportGiven,
  ),
  supportCommand('GrantSocialAssistance', 'Quyết định trợ giúp xã hội', s.SocialAssistanceGranted),
  supportCommand(
    'ApplyChildProtectionMeasure',
    'Áp dụng biện pháp bảo vệ trẻ em',
    s.ChildProtectionMeasureApplied,
  ),
  supportCommand(
    'LinkAdditionalPenaltySupervision',
    'Đồng thời quản lý việc chấp hành hình phạt bổ sung',
    s.AdditionalPenaltySupervisionLinked,
  ),
  supportCommand('GuideExpungement', 'Hướng dẫn xóa án tích', s.ExpungementGuided),
  supportCommand('RecordConvictionExpunged', 'Ghi nhận đã xóa án tích', s.ConvictionExpunged),
] as const;

/** A support command, typed by its `type`. */
export type SupportCommandDefinition = (typeof SUPPORT_COMMANDS)[number];
