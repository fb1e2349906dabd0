import { z } from 'zod';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { personal } from '../shared/personal.js';
import { SupervisorRef } from './values.js';

/**
 * The commune Fatherland Front committee's opinion on the person or organisation commune police
 * propose to manage, supervise, educate and help someone: the choice is made with the Front
 * (TT10 10(1); NĐ49 25(3)), so the chair decides HCD-07 only on a proposal the Front agreed to.
 */
export const FrontSupervisorOpinionGiven = defineEvent({
  type: 'FrontSupervisorOpinionGiven',
  version: 1,
  aggregate: 'case',
  label: {
    vi: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã cho ý kiến về người được đề xuất giao quản lý, giám sát, giáo dục, giúp đỡ',
    en: 'Fatherland Front opinion on the proposed supervisor given',
  },
  emittedBy: ['fatherland-front'],
  basis: [cite('TT10', '10(1)'), cite('NĐ49', '25(3)')],
  schema: z
    .object({
      /** The candidate of the pending proposal (HCD-06) the opinion is on. */
      supervisor: SupervisorRef,
      agrees: z.boolean(),
      /** Why the Front disagrees, or what it asks of the person chosen. */
      remarks: personal(z.string().min(1).max(2000).optional(), 'Ý kiến của Mặt trận', 'narrative'),
      givenOn: LocalDate,
      /** The Front's written opinion (văn bản, biên bản trao đổi). */
      document: DocRef,
    })
    .strict(),
});
export type FrontSupervisorOpinionGivenEvent = EventOf<typeof FrontSupervisorOpinionGiven>;

export const GiveFrontSupervisorOpinion = defineCommand({
  type: 'GiveFrontSupervisorOpinion',
  label: {
    vi: 'Cho ý kiến về người được đề xuất giao quản lý, giám sát, giáo dục, giúp đỡ',
    en: 'Give the Front’s opinion on the proposed supervisor',
  },
  schema: FrontSupervisorOpinionGiven.schema,
});
export type GiveFrontSupervisorOpinionCommand = CommandOf<typeof GiveFrontSupervisorOpinion>;

/** The Front's opinion as the case keeps it until the chair decides (state field `frontOpinion`). */
export interface FrontOpinion {
  supervisor: SupervisorRef;
  agrees: boolean;
}
