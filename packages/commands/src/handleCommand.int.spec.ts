import { describe, expect, it } from 'vitest';
import { AGGREGATES } from '@dacxa/domain';
import { ConcurrencyError } from '@dacxa/event-store';
import { CommandError } from './errors.js';
import { handleCommand, type CommandDeps, type IncomingCommand } from './handleCommand.js';
import { CASE_ID, NOTICE, RECEIVED, VISIT, police, testDeps } from './testing.js';

const STREAM = `case-${CASE_ID}`;
const run = (deps: CommandDeps, incoming: Omit<IncomingCommand, 'id'>) =>
  handleCommand(deps, 'case', AGGREGATES.case, { id: CASE_ID, ...incoming });

async function receivedCase(): Promise<CommandDeps> {
  const deps = await testDeps();
  await run(deps, { type: 'ReceiveReleaseNotice', data: NOTICE, meta: police('xa-1/cong-an', '2025-08-29') });
  await run(deps, { type: 'ReceivePerson', data: RECEIVED, meta: police('xa-1/cong-an', '2025-09-03') });
  return deps;
}

const head = (deps: CommandDeps) => deps.store.headRevision(STREAM);
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) =>
      error instanceof CommandError || error instanceof ConcurrencyError ? error.code : String(error),
  );

describe('writers without If-Match', () => {
  it('all succeed when a hundred of them log visits on one case at once', async () => {
    const deps = await receivedCase();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => run(deps, { type: 'LogVisit', data: VISIT, meta: police() })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await head(deps)).toBe(101);
  });

  it('but a writer that sent a stale If-Match gets the conflict, and nothing is written', async () => {
    const deps = await receivedCase();
    const stale = run(deps, { type: 'LogVisit', data: VISIT, meta: police(), expectedRevision: 0 });
    await expect(codeOf(stale)).resolves.toBe('ERR_CONFLICT');
    expect(await head(deps)).toBe(1);
  });
});

describe('an Idempotency-Key', () => {
  it('returns the first result for the same command and body, recording it once', async () => {
    const deps = await receivedCase();
    const first = await run(deps, { type: 'LogVisit', data: VISIT, meta: police(), idempotencyKey: 'k-1' });
    const again = await run(deps, { type: 'LogVisit', data: VISIT, meta: police(), idempotencyKey: 'k-1' });
    expect(again.revision).toBe(first.revision);
    expect(again.replayed).toBe(true);
    expect(await head(deps)).toBe(2);
  });

  it('is refused with another body, another command or another stream, never answered with the first result', async () => {
    const deps = await receivedCase();
    await run(deps, { type: 'LogVisit', data: VISIT, meta: police(), idempotencyKey: 'k-2' });
    const otherBody = run(deps, {
      type: 'LogVisit',
      data: { ...VISIT, findings: 'Khác' },
      meta: police(),
      idempotencyKey: 'k-2',
    });
    await expect(codeOf(otherBody)).resolves.toBe('ERR_IDEMPOTENCY_KEY_REUSED');
    const otherStream = handleCommand(deps, 'case', AGGREGATES.case, {
      id: '0192f5c4-0000-7000-8000-000000000009',
      type: 'ReceiveReleaseNotice',
      data: { ...NOTICE, caseId: '0192f5c4-0000-7000-8000-000000000009' },
      meta: police(),
      idempotencyKey: 'k-2',
    });
    await expect(codeOf(otherStream)).resolves.toBe('ERR_IDEMPOTENCY_KEY_REUSED');
    expect(await head(deps)).toBe(2);
  });

  it('gives every concurrent request with one key the one result', async () => {
    const deps = await receivedCase();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        run(deps, { type: 'LogVisit', data: VISIT, meta: police(), idempotencyKey: 'k-3' }),
      ),
    );
    expect(new Set(results.map((r) => r.revision)).size).toBe(1);
    expect(await head(deps)).toBe(2);
  });
});

describe('the access policy, asked before and after deciding', () => {
  it('answers another commune’s write to a case as if the case did not exist', async () => {
    const deps = await receivedCase();
    const foreign = run(deps, { type: 'LogVisit', data: VISIT, meta: police('xa-3/cong-an') });
    await expect(codeOf(foreign)).resolves.toBe('ERR_NOT_FOUND');
    expect(await head(deps)).toBe(1);
  });

  it('refuses a case opened for a commune the caller does not act for', async () => {
    const deps = await testDeps();
    const elsewhere = run(deps, {
      type: 'ReceiveReleaseNotice',
      data: { ...NOTICE, communeCode: 'xa-3' },
      meta: police(),
    });
    await expect(codeOf(elsewhere)).resolves.toBe('ERR_FORBIDDEN');
    expect(await head(deps)).toBeNull();
  });

  it('refuses a token whose unit is not in the tree', async () => {
    const deps = await receivedCase();
    const stranger = run(deps, { type: 'LogVisit', data: VISIT, meta: police('xa-khong-co/cong-an') });
    await expect(codeOf(stranger)).resolves.toBe('ERR_NOT_FOUND');
  });
});

describe('the body', () => {
  it('is refused with a control character or a bidi override, and nothing is written', async () => {
    const deps = await receivedCase();
    for (const findings of ['có\u0000 NUL', 'đổi \u202Ehướng']) {
      const bad = run(deps, { type: 'LogVisit', data: { ...VISIT, findings }, meta: police() });
      await expect(bad).rejects.toMatchObject({ name: 'ZodError' });
    }
    expect(await head(deps)).toBe(1);
  });

  it('is stored in NFC, so the same words hash the same however they were typed', async () => {
    const deps = await receivedCase();
    await run(deps, {
      type: 'LogVisit',
      data: { ...VISIT, findings: 'Đã gặp, ổn định'.normalize('NFD') },
      meta: police(),
    });
    const events = [];
    for await (const e of deps.store.readStream(STREAM))
      events.push(await deps.sealer.unsealEvent(e, { role: 'system', purpose: 'processing', inScope: true }));
    expect((events.at(-1)?.data as { findings: string }).findings).toBe('Đã gặp, ổn định'.normalize('NFC'));
  });
});

describe('facts from another aggregate', () => {
  it('are read from the log, and the event records which stream and revision it rested on', async () => {
    const deps = await receivedCase();
    await run(deps, {
      type: 'NotifyResidenceChange',
      data: { toCommune: 'xa-2', notifiedOn: '2025-10-01' },
      meta: police(),
    });
    await run(deps, {
      type: 'TransferCaseOut',
      data: {
        toCommune: 'xa-2',
        sentOn: '2025-10-02',
        transmittal: { number: '15/CV-CAX', date: '2025-10-02' },
      },
      meta: police(),
    });
    const arrived = '0192f5c4-0000-7000-8000-000000000002';
    await handleCommand(deps, 'case', AGGREGATES.case, {
      id: arrived,
      type: 'ReceiveTransferredCase',
      data: { caseId: arrived, fromCaseId: CASE_ID, person: NOTICE.person, receivedOn: '2025-10-06' },
      meta: police('xa-2/cong-an', '2025-10-06'),
    });
    const opened = [];
    for await (const e of deps.store.readStream(`case-${arrived}`)) opened.push(e);
    expect(opened[0]?.data).toMatchObject({ communeCode: 'xa-2', fromCommune: 'xa-1' });
    // It rests on the origin case and on the calendar its deadlines came from (none published yet).
    expect(opened[0]?.metadata.restsOn).toEqual([
      { stream: STREAM, revision: 3 },
      { stream: 'calendar-vn', revision: null },
    ]);
  });
});
