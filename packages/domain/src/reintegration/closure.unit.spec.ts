import { describe, expect, it } from 'vitest';
import { decideCase } from './decide.js';
import type { CaseEvent } from './events.js';
import { evolveCase } from './evolve.js';
import { CASE_RULES } from './rules.js';
import { initialCaseState } from './state.js';
import { CASE_ID, COMMUNE, PERSON, as, command, doc, given, historyUpTo } from './testing.js';

const DESTINATION = 'phuong-dong-hai';
const NEW_CASE = '0192f5c4-0000-7000-8000-000000000002';
const propose = (reason: 'MOVED' | 'DIED' | 'EXPUNGED' | 'NEW_PRISON_SENTENCE') =>
  command(
    'ProposeClosure',
    { reason, evidence: doc('10/BC-CA', '2025-12-01', 'HCD-10'), proposedOn: '2025-12-01' },
    as('commune-police'),
  );
const close = (reason: 'MOVED' | 'DIED', role: 'commune-chair' | 'commune-police' = 'commune-chair') =>
  command(
    'CloseCase',
    { reason, decision: doc('30/QĐ-UBND', '2025-12-03', 'HCD-11'), closedOn: '2025-12-03' },
    as(role),
  );

function run(events: CaseEvent[], ...commands: ReturnType<typeof command>[]): CaseEvent[] {
  const out = [...events];
  for (const c of commands) out.push(...decideCase(c, out.reduce(evolveCase, initialCaseState)));
  return out;
}

describe('transfer to another commune', () => {
  const supervised = historyUpTo('supervised');
  const transfer = command(
    'TransferCaseOut',
    { toCommune: DESTINATION, sentOn: '2025-11-03', transmittal: doc('05/CV-CA', '2025-11-03') },
    as('commune-police'),
  );

  it('needs the change of residence first, then sends the file with 5 working days to continue', () => {
    given(supervised).when(transfer).thenRefuses(CASE_RULES.transferNeedsNotice);
    const moved = run(
      supervised,
      command(
        'NotifyResidenceChange',
        { toCommune: DESTINATION, notifiedOn: '2025-11-01' },
        as('commune-police'),
      ),
    );
    given(moved)
      .when(transfer)
      .then((e) => expect(e[0]?.data).toMatchObject({ continueBy: '2025-11-10' }));
  });

  it('hands the case over: the origin can no longer act, the destination opens it and must assign a supervisor', () => {
    const sent = run(
      supervised,
      command(
        'NotifyResidenceChange',
        { toCommune: DESTINATION, notifiedOn: '2025-11-01' },
        as('commune-police'),
      ),
      transfer,
    );
    given(sent)
      .when(
        command(
          'LogVisit',
          { visitedOn: '2025-11-05', place: 'HOME', findings: 'x', concerns: [] },
          as('commune-police'),
        ),
      )
      .thenRefuses(CASE_RULES.transferredOut);
    const origin = { status: 'transferredOut', toCommune: DESTINATION, sentOn: '2025-11-03' };
    const receive = (unit: string) =>
      command(
        'ReceiveTransferredCase',
        {
          caseId: NEW_CASE,
          fromCaseId: CASE_ID,
          fromCommune: COMMUNE,
          person: PERSON,
          source: 'AMNESTY',
          releaseDate: '2025-09-01',
          receivedOn: '2025-11-05',
          origin,
        },
        as('commune-police', unit),
      );
    given().when(receive('xa-khac')).thenRefuses(CASE_RULES.transferNotForUs);
    const opened = given()
      .when(receive(DESTINATION))
      .then((e) => expect(e[0]?.data).toMatchObject({ communeCode: DESTINATION, continueBy: '2025-11-10' }));
    const state = opened.reduce(evolveCase, initialCaseState);
    expect(state).toMatchObject({ status: 'received', communeCode: DESTINATION });
    // The origin closes its own file as MOVED, now that it has been sent.
    given(sent)
      .when(propose('MOVED'))
      .then((e) => expect(e[0]?.type).toBe('CaseClosureProposed'));
  });
});

describe('closure', () => {
  const supervised = historyUpTo('supervised');

  it('accepts only a reason the file supports', () => {
    given(supervised).when(propose('MOVED')).thenRefuses(CASE_RULES.closureUnsupported);
    given(supervised).when(propose('EXPUNGED')).thenRefuses(CASE_RULES.closureUnsupported);
    given(supervised).when(propose('NEW_PRISON_SENTENCE')).thenRefuses(CASE_RULES.closureUnsupported);
    const convicted = run(
      supervised,
      command(
        'RecordReoffenceConviction',
        { judgment: doc('45/2025/HS-ST', '2025-11-20'), sentenceMonths: 24, startedServingOn: '2025-11-25' },
        as('commune-police'),
      ),
    );
    given(convicted)
      .when(propose('NEW_PRISON_SENTENCE'))
      .then((e) => expect(e).toHaveLength(1));
  });

  it('is decided by the commune chair, on a proposal with the same reason, and ends the case', () => {
    const proposed = run(supervised, propose('DIED'));
    given(proposed).when(close('DIED', 'commune-police')).thenRefuses(CASE_RULES.onlyChairCloses);
    given(proposed).when(close('MOVED')).thenRefuses(CASE_RULES.noClosureProposal);
    given(supervised).when(close('DIED')).thenRefuses(CASE_RULES.noClosureProposal);
    const closed = run(proposed, close('DIED'));
    given(closed).when(close('DIED')).thenRefuses(CASE_RULES.closed);
    given(closed)
      .when(command('IssueIdentityCard', { on: '2025-12-05' }, as('commune-police')))
      .thenRefuses(CASE_RULES.closed);
  });
});
