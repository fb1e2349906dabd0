import { describe, expect, it } from 'vitest';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import { loaded } from '../testing/loaded.js';
import { caseContext, decideCaseInContext } from './caseContext.js';
import type { CaseCommand } from './caseCommands.js';
import { ReceiveTransferredCase } from './commands.js';
import { decideCase } from './decide.js';
import type { ClosureEvidenceKind } from './closureEvidence.js';
import { TRANSFER_RULES, type TransferContext } from './decideClosure.js';
import type { CaseEvent } from './events.js';
import { evolveCase } from './evolve.js';
import { CASE_RULES } from './rules.js';
import { initialCaseState, type CaseState } from './state.js';
import { SUPPORT_COMMANDS } from './supportCommands.js';
import { CASE_ID, COMMUNE, PERSON, as, command, doc, given, historyUpTo } from './testing.js';
import type { ClosureReason } from './values.js';

const DESTINATION = 'phuong-dong-hai';
const NEW_CASE = '0192f5c4-0000-7000-8000-000000000002';
/** The paper each reason is proposed on, unless a test names another. */
const PAPER: Record<ClosureReason, ClosureEvidenceKind> = {
  MOVED: 'TRANSMITTAL',
  DIED: 'DEATH_CERTIFICATE',
  EXPUNGED: 'CRIMINAL_RECORD_CERTIFICATE',
  NEW_PRISON_SENTENCE: 'JUDGMENT',
  ABROAD: 'EXIT_CONFIRMATION',
  MISSING: 'MISSING_DECLARATION',
};
/** `null`: a proposal naming no kind of paper, as one recorded before the kind was asked. */
const propose = (reason: ClosureReason, evidenceKind: ClosureEvidenceKind | null = PAPER[reason]) =>
  command(
    'ProposeClosure',
    {
      reason,
      evidence: doc('10/BC-CA', '2025-12-01', 'HCD-10'),
      ...(evidenceKind ? { evidenceKind } : {}),
      proposedOn: '2025-12-01',
    },
    as('commune-police'),
  );
const close = (reason: 'MOVED' | 'DIED', role: 'commune-chair' | 'commune-police' = 'commune-chair') =>
  command(
    'CloseCase',
    { reason, decision: doc('30/QĐ-UBND', '2025-12-03', 'HCD-11'), closedOn: '2025-12-03' },
    as(role),
  );

const inContext = givenWhenThen<CaseCommand, CaseEvent, CaseState, TransferContext>({
  decide: decideCaseInContext,
  evolve: evolveCase,
  initialState: initialCaseState,
});
/** The origin case's stream as the loader reads it. */
const origin = (events: CaseEvent[]): TransferContext => ({
  origin: loaded(`case-${CASE_ID}`, { evolve: evolveCase, initial: initialCaseState }, events),
});
const receiveFrom = (unit: string, person = PERSON) =>
  command(
    'ReceiveTransferredCase',
    { caseId: NEW_CASE, fromCaseId: CASE_ID, person, receivedOn: '2025-11-05' },
    as('commune-police', unit),
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
    // Lê Chân's police count 5 working days from their receipt of the file (TT10 15(2)).
    const opened = inContext()
      .when(receiveFrom(DESTINATION), origin(sent))
      .then((e) =>
        expect(e[0]?.data).toMatchObject({
          fromCommune: COMMUNE,
          source: 'AMNESTY',
          releaseDate: '2025-09-01',
          communeCode: DESTINATION,
          continueBy: '2025-11-12',
        }),
      );
    const state = opened.reduce(evolveCase, initialCaseState);
    expect(state).toMatchObject({ status: 'received', communeCode: DESTINATION });
    // The origin closes its own file as MOVED, now that it has been sent.
    given(sent)
      .when(propose('MOVED'))
      .then((e) => expect(e[0]?.type).toBe('CaseClosureProposed'));
  });
});

describe('receiving a transferred case', () => {
  const supervised = historyUpTo('supervised');
  const notified = run(
    supervised,
    command(
      'NotifyResidenceChange',
      { toCommune: DESTINATION, notifiedOn: '2025-11-01' },
      as('commune-police'),
    ),
  );
  const sent = run(
    notified,
    command(
      'TransferCaseOut',
      { toCommune: DESTINATION, sentOn: '2025-11-03', transmittal: doc('05/CV-CA', '2025-11-03') },
      as('commune-police'),
    ),
  );

  it('refuses a commune receiving a transfer that was never sent', () => {
    inContext().when(receiveFrom(DESTINATION), origin(notified)).thenRefuses(TRANSFER_RULES.notSent);
    inContext().when(receiveFrom(DESTINATION), origin([])).thenRefuses(TRANSFER_RULES.notSent);
    // decideCase alone has no origin in view: nothing shows the file was sent.
    given().when(receiveFrom(DESTINATION)).thenRefuses(TRANSFER_RULES.notSent);
  });

  it('refuses a commune the file was not sent to, and another person than the origin case’s', () => {
    inContext().when(receiveFrom('xa-khac'), origin(sent)).thenRefuses(CASE_RULES.transferNotForUs);
    const someoneElse = { ...PERSON, personId: '0192f5c4-0000-7000-8000-0000000000bb' };
    inContext()
      .when(receiveFrom(DESTINATION, someoneElse), origin(sent))
      .thenRefuses(TRANSFER_RULES.otherPerson);
  });

  it('takes the origin’s facts from its stream, never from the body', () => {
    const body = { ...receiveFrom(DESTINATION).data };
    for (const [field, value] of [
      ['origin', { status: 'transferredOut', toCommune: DESTINATION, sentOn: '2025-11-03' }],
      ['fromCommune', COMMUNE],
      ['releaseDate', '2025-09-01'],
    ] as const)
      expect(ReceiveTransferredCase.schema.safeParse({ ...body, [field]: value }).success).toBe(false);
    expect(ReceiveTransferredCase.schema.safeParse(body).success).toBe(true);
  });

  it('still receives the file once the origin has closed its case as MOVED', () => {
    const closed = run(
      sent,
      propose('MOVED'),
      command(
        'CloseCase',
        { reason: 'MOVED', decision: doc('31/QĐ-UBND', '2025-11-04', 'HCD-11'), closedOn: '2025-11-04' },
        as('commune-chair'),
      ),
    );
    inContext()
      .when(receiveFrom(DESTINATION), origin(closed))
      .then((e) => expect(e[0]?.data).toMatchObject({ communeCode: DESTINATION }));
  });

  it('reads the origin case the command names, and nothing for other steps', async () => {
    const asked: string[] = [];
    // Answers every kind with the origin case: the test asserts which streams were asked for.
    const loader = {
      load: async (kind: string, id: string) => {
        asked.push(`${kind}-${id}`);
        return origin(sent).origin!;
      },
      grantsOf: async () => [],
    } as unknown as Parameters<typeof caseContext>[1];
    expect((await caseContext(receiveFrom(DESTINATION), loader)).origin?.state.status).toBe('transferredOut');
    expect(await caseContext(propose('MOVED'), loader)).toEqual({ origin: null });
    expect(asked).toEqual([`case-${CASE_ID}`]);
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

  it('refuses a paper of the wrong kind for the reason, or none named (TT10 14(1))', () => {
    given(supervised).when(propose('DIED', 'TRANSMITTAL')).thenRefuses(CASE_RULES.closureEvidenceKind);
    given(supervised).when(propose('DIED', null)).thenRefuses(CASE_RULES.closureEvidenceKind);
    given(supervised)
      .when(propose('ABROAD', 'DEATH_CERTIFICATE'))
      .thenRefuses(CASE_RULES.closureEvidenceKind);
    // A person is missing only once a court declares it: an exit record or a death paper is not that.
    given(supervised)
      .when(propose('MISSING', 'EXIT_CONFIRMATION'))
      .thenRefuses(CASE_RULES.closureEvidenceKind);
    for (const reason of ['DIED', 'ABROAD', 'MISSING'] as const)
      given(supervised)
        .when(propose(reason))
        .then((e) => expect(e[0]?.data).toMatchObject({ reason, evidenceKind: PAPER[reason] }));
    // The commune's own death registration proves a death as well as a death certificate.
    given(supervised)
      .when(propose('DIED', 'DEATH_REGISTRATION'))
      .then((e) => expect(e).toHaveLength(1));
  });

  it('closes as EXPUNGED only on a recorded expungement with its paper, proposed on that kind of paper', () => {
    const recordExpunged = SUPPORT_COMMANDS.find((c) => c.type === 'RecordConvictionExpunged');
    const body = { on: '2025-11-20', route: 'AUTOMATIC_ART70' };
    expect(recordExpunged?.schema.safeParse(body).success).toBe(false);
    const paper = doc('1234/LLTP', '2025-11-18');
    expect(recordExpunged?.schema.safeParse({ ...body, document: paper }).success).toBe(true);
    const expunged = run(
      supervised,
      command(
        'RecordConvictionExpunged',
        { on: '2025-11-20', route: 'AUTOMATIC_ART70', document: paper },
        as('commune-police'),
      ),
    );
    given(expunged)
      .when(propose('EXPUNGED', 'DEATH_CERTIFICATE'))
      .thenRefuses(CASE_RULES.closureEvidenceKind);
    given(expunged)
      .when(propose('EXPUNGED', 'EXPUNGEMENT_DECISION'))
      .then((e) => expect(e).toHaveLength(1));
    given(expunged)
      .when(propose('EXPUNGED'))
      .then((e) => expect(e[0]?.type).toBe('CaseClosureProposed'));
  });

  it('refuses MOVED or a new sentence proposed on a paper other than the transmittal or the judgment', () => {
    const convicted = run(
      supervised,
      command(
        'RecordReoffenceConviction',
        { judgment: doc('45/2025/HS-ST', '2025-11-20'), sentenceMonths: 24, startedServingOn: '2025-11-25' },
        as('commune-police'),
      ),
    );
    given(convicted)
      .when(propose('NEW_PRISON_SENTENCE', 'TRANSMITTAL'))
      .thenRefuses(CASE_RULES.closureEvidenceKind);
  });
});
