import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventStore } from '@dacxa/event-store';
import { generateReport } from './generateReport.js';
import { scenarioStore } from './testing/scenarioStore.js';

let store: EventStore;
let head: bigint;
beforeAll(async () => {
  store = await scenarioStore();
  head = (await store.headPosition()) ?? 0n;
});
afterEach(() => {
  vi.useRealTimers();
});

const GENERATED = new Date('2025-11-03T01:15:00Z');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('a report file made again', () => {
  it('is the same file, byte for byte, at one position and generation time, however much later it is packed', async () => {
    for (const format of ['docx', 'xlsx'] as const) {
      const made = async (packedAt: string) => {
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date(packedAt));
        const report = await generateReport(store, {
          id: 'hcd-13',
          unit: 'xa-an-khanh',
          period: '2025-Q3',
          at: head,
          format,
          generatedAt: GENERATED,
        });
        vi.useRealTimers();
        return report.bytes;
      };
      const first = await made('2025-11-03T01:15:00Z');
      const months = await made('2026-03-20T10:47:13Z');
      expect(sha(months), format).toBe(sha(first));
    }
  });
});
