import { describe, expect, it } from 'vitest';
import { getInMemoryEventStore } from '@dacxa/event-store';
import { getInMemoryDocumentStore } from '../inMemoryDocumentStore.js';
import type { Change, Projection } from './projection.js';
import { createProjectionEngine } from './projectionEngine.js';
import { createProjectionFollower } from './projectionFollower.js';

const counter: Projection = {
  name: 'counter',
  version: 1,
  collections: [{ name: 'counts', indexes: ['n'] }],
  route: (e) => [{ collection: 'counts', id: e.stream }],
  evolve: (doc) => ({ n: ((doc?.n as number | undefined) ?? 0) + 1 }),
};
const meta = { actor: 'u', role: 'commune-police', unit: 'xa-a' };

describe('projection follower (an api instance beside a separate projector)', () => {
  it('waits for the projector’s checkpoint and feeds each committed document as a change', async () => {
    const events = getInMemoryEventStore();
    const documents = getInMemoryDocumentStore();
    await events.append('case-a', [{ type: 'Visit', data: {}, metadata: meta }]);
    const projector = createProjectionEngine({ events, documents, projections: [counter], lingerMs: 1 });
    const follower = createProjectionFollower({ events, documents, projections: [counter], pollMs: 5 });
    const changes: Change[] = [];
    follower.onChange((c) => changes.push(c));
    follower.start();
    projector.start();
    await follower.waitFor(1n, 2000, 'counter');
    expect(follower.collection('counter', 'counts')).toBe('counts__g1');

    const { position } = await events.append('case-a', [{ type: 'Visit', data: {}, metadata: meta }]);
    await follower.waitFor(position, 2000);
    for (let i = 0; i < 200 && changes.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(changes).toEqual([
      {
        view: 'counter',
        collection: 'counts',
        key: 'case-a',
        position: String(position),
        document: { n: 2 },
      },
    ]);
    expect((await follower.health())[0]).toMatchObject({ name: 'counter', status: 'running', lag: '0' });
    await follower.stop();
    await projector.stop();
  });
});
