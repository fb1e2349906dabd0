import { describe, expect, it } from 'vitest';
import { getInMemoryEventStore, type EventStore, type RecordedEvent } from '@dacxa/event-store';
import { getInMemoryDocumentStore } from '../inMemoryDocumentStore.js';
import type { DocumentStore } from '../types.js';
import type { Change, Projection } from './projection.js';
import { createProjectionEngine } from './projectionEngine.js';
import { ProjectionTimeoutError } from './waitList.js';

const meta = { actor: 'u', role: 'commune-police', unit: 'xa-a' };
const append = (store: EventStore, stream: string, type: string, data: Record<string, string> = {}) =>
  store.append(stream, [{ type, data, metadata: meta }]);

/** Counts events per stream; throws on `Boom` unless fixed; `calls` counts evolve calls. */
function counter(version = 1, fixed = false) {
  const calls: string[] = [];
  const projection: Projection = {
    name: 'counter',
    version,
    collections: [{ name: 'counts', indexes: ['n'] }],
    route: (e: RecordedEvent) => [{ collection: 'counts', id: e.stream }],
    evolve: (doc, e) => {
      calls.push(e.type);
      if (e.type === 'Boom' && !fixed) throw new Error('không xử lý được sự kiện này');
      return { n: ((doc?.n as number | undefined) ?? 0) + (version === 2 ? 10 : 1) };
    },
  };
  return { projection, calls };
}

async function engineOver(
  events: EventStore,
  documents: DocumentStore,
  projection: Projection,
  waitMs = 2000,
) {
  const engine = createProjectionEngine({
    events,
    documents,
    projections: [projection],
    batchSize: 2,
    lingerMs: 1,
  });
  engine.start();
  await engine.waitFor((await events.headPosition()) ?? 0n, waitMs).catch(() => undefined);
  return engine;
}

async function eventually(check: () => boolean, ms = 2000): Promise<void> {
  for (const started = Date.now(); !check();) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('projection engine', () => {
  it('folds events into documents in batches and commits the checkpoint with them', async () => {
    const events = getInMemoryEventStore();
    const documents = getInMemoryDocumentStore();
    for (let i = 0; i < 5; i++) await append(events, `case-${i % 2}`, 'Visit');
    const engine = await engineOver(events, documents, counter().projection);
    const counts = engine.collection('counter', 'counts');
    expect(await documents.get(counts, 'case-0')).toMatchObject({ doc: { n: 3 }, position: '5' });
    expect(await documents.readState('counter')).toMatchObject({
      position: '5',
      status: 'running',
      generation: 1,
    });
    expect(await engine.health()).toEqual([
      { name: 'counter', status: 'running', position: '5', lag: '0', error: null },
    ]);
    await engine.stop();
  });

  it('stops at an event it cannot apply, keeping what came before and recording the event, without skipping it', async () => {
    const events = getInMemoryEventStore();
    const documents = getInMemoryDocumentStore();
    await append(events, 'case-a', 'Visit');
    await append(events, 'case-a', 'Boom');
    await append(events, 'case-a', 'Visit');
    const engine = await engineOver(events, documents, counter().projection, 100);
    const [health] = await engine.health();
    expect(health).toMatchObject({
      status: 'failed',
      position: '1',
      lag: '2',
      error: { position: '2', type: 'Boom', message: 'không xử lý được sự kiện này' },
    });
    expect(await documents.get(engine.collection('counter', 'counts'), 'case-a')).toMatchObject({
      doc: { n: 1 },
    });
    await engine.stop();
    // A fixed projection is a new version: rebuilt from the start, the failing event included.
    const fixed = await engineOver(events, documents, counter(2, true).projection);
    expect(await documents.get(fixed.collection('counter', 'counts'), 'case-a')).toMatchObject({
      doc: { n: 30 },
    });
    await fixed.stop();
  });

  it('resumes from its checkpoint after a restart, applying each event once', async () => {
    const events = getInMemoryEventStore();
    const documents = getInMemoryDocumentStore();
    for (let i = 0; i < 3; i++) await append(events, 'case-a', 'Visit');
    const first = counter();
    await (await engineOver(events, documents, first.projection)).stop();
    for (let i = 0; i < 2; i++) await append(events, 'case-a', 'Visit');
    const second = counter();
    const engine = await engineOver(events, documents, second.projection);
    expect(second.calls).toHaveLength(2);
    expect(await documents.get(engine.collection('counter', 'counts'), 'case-a')).toMatchObject({
      doc: { n: 5 },
    });
    await engine.stop();
  });

  it('rebuilds a new version into a new generation, swaps, and drops the old one', async () => {
    const events = getInMemoryEventStore();
    const documents = getInMemoryDocumentStore();
    for (let i = 0; i < 3; i++) await append(events, 'case-a', 'Visit');
    const v1 = await engineOver(events, documents, counter(1).projection);
    const old = v1.collection('counter', 'counts');
    await v1.stop();
    const v2 = createProjectionEngine({
      events,
      documents,
      projections: [counter(2).projection],
      batchSize: 2,
      lingerMs: 1,
    });
    v2.start();
    // Until the swap, readers keep the old generation.
    await eventually(() => {
      try {
        return v2.collection('counter', 'counts') !== '';
      } catch {
        return false;
      }
    });
    await eventually(() => v2.collection('counter', 'counts') === 'counts__g2');
    expect(await documents.get('counts__g2', 'case-a')).toMatchObject({ doc: { n: 30 } });
    await expect(documents.get(old, 'case-a')).rejects.toThrow(/unknown collection/);
    await v2.stop();
  });

  it('pushes every committed change in order, and lets a caller wait for its own write', async () => {
    const events = getInMemoryEventStore();
    const documents = getInMemoryDocumentStore();
    const engine = await engineOver(events, documents, counter().projection);
    const changes: Change[] = [];
    engine.onChange((c) => changes.push(c));
    const { position } = await append(events, 'case-z', 'Visit');
    await engine.waitFor(position, 2000);
    expect(changes).toEqual([
      {
        view: 'counter',
        collection: 'counts',
        key: 'case-z',
        position: String(position),
        document: { n: 1 },
      },
    ]);
    await expect(engine.waitFor(position + 10n, 30)).rejects.toBeInstanceOf(ProjectionTimeoutError);
    await engine.stop();
  });
});
