import type { ContextLoader } from '../catalogue/aggregate.js';
import type { Command } from '../shared/command.js';
import { localDateAt } from '../shared/localDate.js';
import { calendarAsKnownOn } from './asKnownOn.js';
import { CALENDAR_ID } from './events.js';
import { holidayCalendar, NO_CALENDAR_VERSION, type HolidayCalendar } from './holidayCalendar.js';
import type { CalendarState } from './state.js';

/** A decider's context with the holiday calendar it computes its dates on. */
export interface WithCalendar {
  calendar: HolidayCalendar;
}

// The steps that compute a date over the calendar, by aggregate.
const DATED: ReadonlySet<string> = new Set([
  // case
  'ReceiveReleaseNotice',
  'ReceivePerson',
  'AcceptArrivalFromOtherCommune',
  'ProposeSupervisor',
  'AssignSupervisor',
  'SubmitQuarterlyReport',
  'ApproveLoan',
  'TransferCaseOut',
  'ReceiveTransferredCase',
  // round
  'PostRoundDecisionAtFacility',
  'PostProposalList',
  'SendListsToAppraisal',
  // dossier
  'SubmitPetition',
  'LodgeComplaint',
  'AppealComplaint',
  // oversight
  'IssueRecommendation',
  // subject-request
  'ReceiveSubjectRequest',
  'ExtendSubjectRequest',
]);

/**
 * What a step that computes no date gets: a calendar covering no year, so a step that starts
 * computing one without being listed above fails loudly (ERR_CALENDAR_UNCOVERED, or a TypeError from
 * openDeadline for a count that needs no calendar) instead of
 * quietly using data the log did not give it.
 */
export const NO_CALENDAR: HolidayCalendar = holidayCalendar([], NO_CALENDAR_VERSION);

/**
 * The calendar as known when the command is decided: the built-in data overlaid by the log's
 * publications (`calendar-vn`), read through the loader so the decision records that it rested on
 * them. Never from the command's body.
 */
export async function calendarFor(
  command: Command,
  loader: ContextLoader<{ calendar: CalendarState }>,
): Promise<HolidayCalendar> {
  if (!DATED.has(command.type)) return NO_CALENDAR;
  const { state } = await loader.load('calendar', CALENDAR_ID);
  return calendarAsKnownOn(state, localDateAt(command.meta.now));
}

/** `context` with the calendar `calendarFor` loads. */
export async function withCalendar<X extends object>(
  command: Command,
  loader: ContextLoader<{ calendar: CalendarState }>,
  context: X,
): Promise<X & WithCalendar> {
  return { ...context, calendar: await calendarFor(command, loader) };
}
