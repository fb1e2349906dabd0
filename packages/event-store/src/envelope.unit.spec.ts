import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';
import { composeEnvelope } from './envelope.js';
import { prepareEvents } from './prepareEvents.js';

describe('composeEnvelope', () => {
  it('builds exactly the RFC 8785 text of the whole envelope', () => {
    const [event] = prepareEvents(
      [
        {
          type: 'PersonReceived',
          schemaVersion: 2,
          data: { z: 1, a: [{ b: 'Đặc xá', a: 1e21 }], é: 'x', '\u20ac': -0 },
          metadata: { actor: 'u', role: 'commune-police', unit: 'xa-01', commandId: 'c-1' },
          occurredAt: '2025-09-05T08:00:00+07:00',
        },
      ],
      '2025-09-05T01:00:00.000Z',
    );
    if (!event) throw new Error('no event');
    const composed = composeEnvelope(event, 'case-1', 7, '2025-09-05T01:00:01.000Z');
    const whole = canonicalJson({
      ...JSON.parse(composed),
      data: { z: 1, a: [{ b: 'Đặc xá', a: 1e21 }], é: 'x', '\u20ac': -0 },
    });
    expect(composed).toBe(whole);
    expect(composed.startsWith('{"data":{"a":[{"a":1e+21,"b":"Đặc xá"}],"z":1,"é":"x","€":0}')).toBe(true);
  });
});
