import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@dacxa/event-store';
import { correctionsProjection, evolveCorrectionDoc, type CorrectionDoc } from './corrections.js';

let position = 0n;
function rec(
  type: string,
  data: Record<string, unknown>,
  occurredAt = '2025-11-03T02:00:00Z',
): RecordedEvent {
  position++;
  return {
    id: `e${position}`,
    stream: 'correction-c1',
    revision: 0,
    position,
    type,
    schemaVersion: 1,
    data: data as never,
    metadata: { actor: 'u', role: 'commune-police', unit: 'xa-a/cong-an' },
    occurredAt,
    recordedAt: occurredAt,
    prevHash: '',
    hash: '',
  };
}
const fold = (events: RecordedEvent[]): CorrectionDoc | null =>
  events.reduce<CorrectionDoc | null>((doc, e) => evolveCorrectionDoc(doc, e), null);

const CASE_ID = '0192f5c4-0000-7000-8000-0000000000c1';
const proposal = (extra: Record<string, unknown> = {}) =>
  rec('CorrectionProposed', {
    correctionId: 'c1',
    target: { kind: 'case', id: CASE_ID, revision: 0 },
    action: 'correct',
    changes: [{ path: ['notice', 'number'], value: '301/TB-TG' }],
    reason: 'Ghi nhầm số thông báo',
    targetType: 'ReleaseNoticeReceived',
    targetHolders: [
      { tag: 'commune', unit: 'xa-a' },
      { tag: 'village', unit: 'xa-a', name: 'Thôn 1' },
    ],
    proposedBy: 'u-cong-an-1',
    proposedAt: '2025-11-03T02:00:00Z',
    ...extra,
  });

describe('the corrections inbox', () => {
  it('lists a proposal as pending, scoped by the corrected record’s kind and holder', () => {
    expect(fold([proposal()])).toEqual({
      correctionId: 'c1',
      target: {
        kind: 'case',
        id: CASE_ID,
        stream: `case-${CASE_ID}`,
        revision: 0,
        type: 'ReleaseNoticeReceived',
      },
      targetKind: 'case',
      targetId: CASE_ID,
      holders: [
        { tag: 'commune', unit: 'xa-a' },
        { tag: 'village', unit: 'xa-a', name: 'Thôn 1' },
      ],
      holderUnit: 'xa-a',
      scopeUnit: 'xa-a',
      scopeKey: 'case:xa-a',
      action: 'correct',
      changes: [{ path: ['notice', 'number'], value: '301/TB-TG' }],
      reason: 'Ghi nhầm số thông báo',
      document: null,
      proposedBy: 'u-cong-an-1',
      proposedAt: '2025-11-03T02:00:00Z',
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      rejectionReason: null,
    });
  });

  it('selects a task’s correction on its lead unit, an office of the commune', () => {
    const doc = fold([
      proposal({
        target: { kind: 'task', id: CASE_ID, revision: 2 },
        targetHolders: [
          { tag: 'issuer', unit: 'xa-a' },
          { tag: 'lead', unit: 'xa-a/cong-an' },
        ],
      }),
    ]);
    expect(doc).toMatchObject({
      holderUnit: 'xa-a/cong-an',
      scopeUnit: 'xa-a',
      scopeKey: 'task:xa-a/cong-an',
    });
  });

  it('records who approved and when, and leaves the pending list', () => {
    const doc = fold([
      proposal(),
      rec('CorrectionApproved', {
        correctionId: 'c1',
        approvedBy: 'u-chu-tich',
        approvedAt: '2025-11-05T02:00:00Z',
      }),
    ]);
    expect(doc).toMatchObject({
      status: 'approved',
      decidedBy: 'u-chu-tich',
      decidedAt: '2025-11-05T02:00:00Z',
      rejectionReason: null,
    });
  });

  it('records a rejection with its reason, at the instant the log took it', () => {
    const doc = fold([
      proposal(),
      rec(
        'CorrectionRejected',
        { correctionId: 'c1', rejectedBy: 'u-chu-tich', reason: 'Số đúng như đã ghi' },
        '2025-11-04T08:30:00Z',
      ),
    ]);
    expect(doc).toMatchObject({
      status: 'rejected',
      decidedBy: 'u-chu-tich',
      decidedAt: '2025-11-04T08:30:00Z',
      rejectionReason: 'Số đúng như đã ghi',
    });
  });

  it('carries a sealed value as recorded, never opened into the view', () => {
    const sealed = { $sealed: 1, p: 'p1', c: 'identity', t: 'X', f: 'a', v: 'AAAA' };
    const doc = fold([proposal({ changes: [{ path: ['a'], value: sealed }] })]);
    expect(doc?.changes).toEqual([{ path: ['a'], value: sealed }]);
  });

  it('ignores a decision without its proposal, and routes only correction streams', () => {
    expect(
      fold([rec('CorrectionApproved', { correctionId: 'c1', approvedBy: 'x', approvedAt: 'y' })]),
    ).toBeNull();
    expect(correctionsProjection.route(proposal())).toEqual([{ collection: 'corrections', id: 'c1' }]);
    expect(correctionsProjection.route({ ...proposal(), stream: `case-${CASE_ID}` })).toEqual([]);
  });
});
