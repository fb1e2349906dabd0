import { describe, expect, it, vi } from 'vitest';
import { AGGREGATES } from '@dacxa/domain';
import { createAggregateCache } from './aggregateCache.js';
import { handleCommand, type CommandDeps, type IncomingCommand } from './handleCommand.js';
import { loadAggregate } from './loadAggregate.js';
import { CASE_ID, NOTICE, RECEIVED, VISIT, police, testDeps } from './testing.js';

const STREAM = `case-${CASE_ID}`;
const run = (deps: CommandDeps, incoming: Omit<IncomingCommand, 'id'>) =>
  handleCommand(deps, 'case', AGGREGATES.case, { id: CASE_ID, ...incoming });

async function cachedDeps(): Promise<CommandDeps & { aggregates: ReturnType<typeof createAggregateCache> }> {
  const deps = { ...(await testDeps()), aggregates: createAggregateCache() };
  await run(deps, { type: 'ReceiveReleaseNotice', data: NOTICE, meta: police('xa-1/cong-an', '2025-08-29') });
  await run(deps, { type: 'ReceivePerson', data: RECEIVED, meta: police('xa-1/cong-an', '2025-09-03') });
  return deps;
}

/** The revisions each read of the case's stream started from. */
function readsOf(deps: CommandDeps): Array<number | undefined> {
  const from: Array<number | undefined> = [];
  const read = deps.store.readStream.bind(deps.store);
  vi.spyOn(deps.store, 'readStream').mockImplementation((stream, options) => {
    if (stream === STREAM) from.push(options?.from);
    return read(stream, options);
  });
  return from;
}

describe('the aggregate cache', () => {
  it('reads only the events after the revision it folded, and decides as a full read would', async () => {
    const deps = await cachedDeps();
    const from = readsOf(deps);
    for (let i = 0; i < 3; i++) await run(deps, { type: 'LogVisit', data: VISIT, meta: police() });
    // Cached at revision 0 by the reception's read; each visit reads from the one after.
    expect(from).toEqual([1, 2, 3]);
    const whole = await loadAggregate(
      deps.store,
      deps.sealer,
      AGGREGATES.case,
      STREAM,
      (e) => e.revision <= 3,
    );
    expect(deps.aggregates.get(STREAM, 'case', deps.sealer.erasures())).toMatchObject({
      revision: 3,
      state: whole.state,
    });
  });

  it('sees what another writer appended meanwhile, so its decisions rest on the whole log', async () => {
    const deps = await cachedDeps();
    // Another process (here: a handler without the cache) logs a visit behind the cache's back.
    const other: CommandDeps = {
      store: deps.store,
      sealer: deps.sealer,
      tree: deps.tree,
      grants: deps.grants,
    };
    await run(other, { type: 'LogVisit', data: VISIT, meta: police() });
    const first = await run(deps, { type: 'LogVisit', data: VISIT, meta: police() });
    expect(first.revision).toBe(3);
    expect(deps.aggregates.get(STREAM, 'case', deps.sealer.erasures())?.revision).toBe(2);
  });

  it('answers a replayed Idempotency-Key from the cached events, recording once', async () => {
    const deps = await cachedDeps();
    const visit = { type: 'LogVisit', data: VISIT, meta: police(), idempotencyKey: 'k-1' };
    const first = await run(deps, visit);
    const again = await run(deps, visit);
    expect(again).toMatchObject({ revision: first.revision, replayed: true });
    expect(await deps.store.headRevision(STREAM)).toBe(2);
  });

  it('empties itself after an erasure in this process: no opened data outlives the key', async () => {
    const deps = await cachedDeps();
    await run(deps, { type: 'LogVisit', data: VISIT, meta: police() });
    expect(deps.aggregates.size).toBe(1);
    const before = deps.sealer.erasures();
    vi.spyOn(deps.sealer, 'erasures').mockReturnValue(before + 1);
    expect(deps.aggregates.get(STREAM, 'case', deps.sealer.erasures())).toBeUndefined();
    expect(deps.aggregates.size).toBe(0);
  });

  it('keeps at most its limit, dropping the least recently used', () => {
    const cache = createAggregateCache(2);
    const entry = { kind: 'case', state: {}, events: [], revision: 0, erasures: 0 };
    cache.set('a', entry);
    cache.set('b', entry);
    cache.get('a', 'case', 0);
    cache.set('c', entry);
    expect([cache.get('a', 'case', 0), cache.get('b', 'case', 0), cache.get('c', 'case', 0)]).toEqual([
      entry,
      undefined,
      entry,
    ]);
  });
});
