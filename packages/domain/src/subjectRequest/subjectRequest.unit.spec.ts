import { describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR } from '../calendar/builtInCalendar.js';
import { DEADLINE_MISSED_RULES as M } from '../calendar/decideDeadlineMissed.js';
import { AGGREGATES } from '../catalogue/aggregates.js';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { DomainRefusal } from '../shared/rules.js';
import { SUBJECT_REQUEST_RULES as R } from './decide.js';

// An invented request about an invented person, to the commune's police (Decree 356/2025's clocks).
const requests = AGGREGATES['subject-request'];
type Cmd = Parameters<typeof requests.decide>[0];
type Ev = ReturnType<typeof requests.decide>[number];
const meta = (role: Role = 'commune-police', now = '2026-05-08T03:00:00Z'): CommandMeta => ({
  actor: `u-${role}`,
  role,
  unit: role === 'system' ? 'he-thong' : 'xa-an-khanh/cong-an',
  now,
});
const run = (history: readonly Ev[], type: string, data: unknown, m = meta()): Ev[] =>
  requests.decide(
    { type, data, meta: m } as Cmd,
    history.reduce((s, e) => requests.evolve(s, e), requests.initial),
    { calendar: BUILT_IN_CALENDAR },
  );
const receive = (kind: string, viaProcessor = false) =>
  run([], 'ReceiveSubjectRequest', {
    requestId: '0192f5c4-0000-7000-8000-00000000d001',
    personId: '0192f5c4-0000-7000-8000-00000000d0aa',
    communeCode: 'xa-an-khanh',
    kind,
    channel: 'IN_PERSON',
    viaProcessor,
    receivedOn: '2026-04-29',
  });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainRefusal);
    return (error as { rule: string }).rule;
  }
  return undefined;
};

describe('a data-subject request (Decree 356/2025)', () => {
  it('is acknowledged within 2 working days: received 29/04/2026, the 30/04 and 01/05 holidays pass', () => {
    expect(receive('ACCESS')[0]?.data).toMatchObject({ acknowledgeBy: '2026-05-05' });
    // An access request sets no time to act here: only the acknowledgement runs.
    expect(receive('ACCESS')[0]?.data).not.toHaveProperty('respondBy');
  });

  it('is acted on within 15 days for an objection, 20 with a processor', () => {
    expect(receive('OBJECTION')[0]?.data).toMatchObject({ respondBy: '2026-05-14', responseDays: 15 });
    expect(receive('CONSENT_WITHDRAWAL', true)[0]?.data).toMatchObject({
      respondBy: '2026-05-19',
      responseDays: 20,
    });
  });

  it('is extended once, by 15 days from its due date, only before that date and only where it has one', () => {
    const received = receive('OBJECTION');
    const extend = (history: readonly Ev[], extendedOn: string, now = '2026-05-20T03:00:00Z') =>
      run(
        history,
        'ExtendSubjectRequest',
        {
          extendedOn,
          reason: 'Cần xác minh với đơn vị xử lý',
          document: { number: '7/TB-CA', date: extendedOn },
        },
        meta('commune-police', now),
      );
    const extended = extend(received, '2026-05-12');
    // Due 14/05/2026; 15 calendar days on: 29/05/2026.
    expect(extended[0]?.data).toMatchObject({
      extendedFrom: '2026-05-14',
      respondBy: '2026-05-29',
      responseDays: 15,
    });
    expect(refusal(() => extend([...received, ...extended], '2026-05-13'))).toBe(R.extendedOnce.id);
    expect(refusal(() => extend(received, '2026-05-15'))).toBe(R.extensionAfterDue.id);
    expect(refusal(() => extend(receive('ACCESS'), '2026-04-30'))).toBe(R.notTimed.id);
    expect(refusal(() => extend(received, '2026-05-12', '2026-05-10T03:00:00Z'))).toBe(R.notYet.id);
  });

  it('refuses an answer dated before receipt, a refusal with no reason, and a second answer', () => {
    const received = receive('RESTRICTION');
    const answer = (data: Record<string, unknown>) =>
      run(received, 'AnswerSubjectRequest', { document: { number: '5/TB-CA', date: '2026-05-04' }, ...data });
    expect(refusal(() => answer({ answeredOn: '2026-04-28', outcome: 'FULFILLED' }))).toBe(
      R.beforeReceipt.id,
    );
    expect(refusal(() => answer({ answeredOn: '2026-05-04', outcome: 'REFUSED' }))).toBe(
      R.reasonForRefusal.id,
    );
    const answered = [...received, ...answer({ answeredOn: '2026-05-04', outcome: 'FULFILLED' })];
    expect(
      refusal(() =>
        run(answered, 'AnswerSubjectRequest', {
          answeredOn: '2026-05-05',
          outcome: 'FULFILLED',
          document: { number: '6/TB-CA', date: '2026-05-05' },
        }),
      ),
    ).toBe(R.answered.id);
  });

  it('lets the clock record a missed acknowledgement, and not once the request is answered', () => {
    const received = receive('OBJECTION');
    const missed = run(
      received,
      'RecordDeadlineMissed',
      { rule: 'subject-request.acknowledge', dueOn: '2026-05-05', detectedOn: '2026-05-06' },
      meta('system', '2026-05-06T01:00:00Z'),
    );
    expect(missed[0]?.type).toBe('SubjectRequestDeadlineMissed');
    const answered = [
      ...received,
      ...run(received, 'AnswerSubjectRequest', {
        answeredOn: '2026-05-04',
        outcome: 'FULFILLED',
        document: { number: '5/TB-CA', date: '2026-05-04' },
      }),
    ];
    expect(
      refusal(() =>
        run(
          answered,
          'RecordDeadlineMissed',
          { rule: 'subject-request.acknowledge', dueOn: '2026-05-05', detectedOn: '2026-05-06' },
          meta('system', '2026-05-06T01:00:00Z'),
        ),
      ),
    ).toBe(M.alreadyMet.id);
  });
});
