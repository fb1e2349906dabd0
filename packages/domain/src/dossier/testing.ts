import type { PersonGrant } from '../catalogue/aggregate.js';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import type { DossierCommand } from './commands.js';
import type { RoundEvent } from '../round/events.js';
import { evolveRound, initialRoundState } from '../round/round.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import { loaded } from '../testing/loaded.js';
import type { DossierContext } from './context.js';
import { decideDossier } from './decideDossier.js';
import { evolveDossier, initialDossierState, type DossierState } from './dossier.js';
import type { DossierEvent } from './events.js';

// Invented ids only; the facility is the one the dossier tests act for.
export const ROUND_ID = '0192f5c4-0000-7000-8000-0000000000f0';
export const DOSSIER = '0192f5c4-0000-7000-8000-0000000000f1';
export const OTHER_DOSSIER = '0192f5c4-0000-7000-8000-0000000000f9';
export const PERSON_ID = '0192f5c4-0000-7000-8000-0000000000f3';
export const COMPLAINT = '0192f5c4-0000-7000-8000-0000000000f2';
export const FACILITY = 'trai-giam-x';
const LIST = '0192f5c4-0000-7000-8000-0000000000fa';

const meta = (role: Role = 'facility-warden'): CommandMeta => ({
  actor: `u-${role}`,
  role,
  unit: FACILITY,
  now: '2024-08-10T02:00:00Z',
});
export const doc = (number: string, date: string) => ({ number, date });
/** A dossier command by a facility role (the warden unless named). */
export const C = (type: DossierCommand['type'], data: unknown, role?: Role): DossierCommand =>
  ({ type, data, meta: meta(role) }) as DossierCommand;

/** The petition's data, a 6-year fixed sentence served since 01/03/2021. */
export const petitionData = (submittedOn: string) => ({
  dossierId: DOSSIER,
  roundId: ROUND_ID,
  person: { personId: PERSON_ID, fullName: 'Phạm Nhân Giả Định', birthDate: '1985' },
  facilityId: FACILITY,
  submittedOn,
  commitmentSigned: true,
  priorConvictions: 0,
  sentence: {
    kind: 'FIXED',
    termMonths: 72,
    servedSince: '2021-03-01',
    excludedDays: 0,
    seriousListed: false,
    corruption: false,
    nationalSecurityListed: false,
    offences: ['Trộm cắp tài sản'],
    offenceArticles: [{ article: '173', intentional: true }],
  },
});
export const petition = (submittedOn: string) => C('SubmitPetition', petitionData(submittedOn));

/** An assessment's data: what only the assessor judges (no security concern, no prosecution). */
export const assessmentData = (extra: Record<string, unknown> = {}) => ({
  assessedOn: '2024-08-15',
  securityConcern: false,
  newProsecution: false,
  ...extra,
});

/** A conduct rating the warden records: a quarter's (`2024-Q2`), or, with no quarter, since the window. */
export const rating = (quarter: string | null, value = 'KHA', ratedOn?: string, role?: Role) =>
  C(
    'RecordConductRating',
    {
      period: quarter === null ? 'SINCE_WINDOW' : 'QUARTER',
      ...(quarter === null ? {} : { quarter }),
      rating: value,
      ratedOn: ratedOn ?? (quarter === null ? '2024-08-14' : quarterRatedOn(quarter)),
      document: doc(`XL-${quarter ?? 'window'}`, ratedOn ?? '2024-08-14'),
    },
    role,
  );
// A quarter is classified early in the month after it ends.
const quarterRatedOn = (quarter: string) => {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 4 ? `${year + 1}-01-05` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-05`;
};

/** Six good quarters (2023-Q1 to 2024-Q2) and khá since the 2024 window: what a fixed 6-year term needs. */
export const goodRatings = (role?: Role) => [
  ...['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2'].map((q) =>
    rating(q, 'KHA', undefined, role),
  ),
  rating(null, 'TOT', undefined, role),
];
export const assess = (extra: Record<string, unknown> = {}) => C('AssessEligibility', assessmentData(extra));

/** The round's events a dossier's steps rest on, as its stream records them. */
export const roundEvents = {
  decided: {
    type: 'AmnestyRoundDecided',
    data: {
      roundId: ROUND_ID,
      province: 'tp-hai-phong',
      decision: { number: '758/2024/QĐ-CTN', date: '2024-07-30' },
      occasion: 'Quốc khánh 2024',
      amnestyDate: '2024-10-01',
      parameters: KNOWN_ROUNDS['2024']!.parameters,
    },
  },
  announced: { type: 'AmnestyRoundAnnounced', data: { announcedOn: '2024-07-31' } },
  posted: { type: 'RoundDecisionPostedAtFacility', data: { facilityId: FACILITY, postedOn: '2024-08-09' } },
  ineligibleList: {
    type: 'ProposalListPosted',
    data: {
      listId: LIST,
      facilityId: FACILITY,
      kind: 'INELIGIBLE',
      dossierIds: [DOSSIER],
      postedOn: '2024-08-17',
      complaintsCloseOn: '2024-08-22',
    },
  },
  granted: (granted: string[]): RoundEvent => ({
    type: 'AmnestyGrantDecisionIssued',
    data: { decision: { number: '957/QĐ-CTN', date: '2024-09-29' }, effectiveFrom: '2024-10-01', granted },
  }),
} satisfies Record<string, RoundEvent | ((granted: string[]) => RoundEvent)>;

/** A dossier's context: its round's stream holding `events`, and the person's recorded grants. */
export function inRound(...events: RoundEvent[]): DossierContext {
  return withGrants([], ...events);
}

/** The same, with grants the log records for the person. */
export function withGrants(grants: readonly PersonGrant[], ...events: RoundEvent[]): DossierContext {
  return {
    round: loaded(`round-${ROUND_ID}`, { evolve: evolveRound, initial: initialRoundState }, events),
    grants,
  };
}

/** The events a run of commands records on one dossier, each decided on the state the ones before left. */
export function historyIn(context: DossierContext, ...commands: DossierCommand[]): DossierEvent[] {
  return commands.reduce<DossierEvent[]>(
    (events, c) => [
      ...events,
      ...decideDossier(c, events.reduce(evolveDossier, initialDossierState), context),
    ],
    [],
  );
}

/** The civil-judgment enforcement office's confirmation that everything is paid. */
export const obligationsMet = () =>
  C(
    'ConfirmCivilObligations',
    { status: 'FULFILLED', finesAndFeesPaid: true, decision: doc('12/XN-THADS', '2024-08-13') },
    'civil-enforcement',
  );

/** A round decided and announced, with its lists posted: where most dossier specs start. */
export const POSTED_ROUND = inRound(roundEvents.decided, roundEvents.announced, roundEvents.posted);

/** Given/when/then over the dossier's decider, with the round's facts as `context`. */
export const givenDossier = (context: DossierContext) =>
  givenWhenThen<DossierCommand, DossierEvent, DossierState, DossierContext>({
    decide: decideDossier,
    evolve: evolveDossier,
    initialState: initialDossierState,
    context,
  });
