import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_EVENTS } from './registry.js';
import { renderEventsDoc } from './renderEventsDoc.js';

describe('docs/events.md', () => {
  it('is what the event declarations generate (run `npx pnpm events-doc` after changing an event)', () => {
    const committed = readFileSync(new URL('../../../../docs/events.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderEventsDoc());
  });

  it('lists every event type once, each with labels, emitters and a version', () => {
    const types = ALL_EVENTS.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    for (const event of ALL_EVENTS) {
      expect(
        event.label.vi && event.label.en && event.emittedBy.length > 0 && event.version >= 1,
      ).toBeTruthy();
    }
  });
});
