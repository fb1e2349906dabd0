import type { EventStore, Position } from '@dacxa/event-store';

/** A correction of one event, as the log records it: proposed, then approved or rejected. */
export interface RecordedCorrection {
  correctionId: string;
  /** The revision of the corrected event in its stream. */
  revision: number;
  action: 'correct' | 'void';
  changes: ReadonlyArray<{ path: readonly string[]; value: unknown }>;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  approvedBy?: string;
  /** When the approval was entered: from then on the event reads corrected. */
  approvedAt?: string;
  rejected?: boolean;
}

export interface CorrectionIndex {
  /** Every correction proposed for a stream's events, oldest first, as of the log's head. */
  of(stream: string): Promise<readonly RecordedCorrection[]>;
}

/**
 * The corrections of each record, kept from the log itself like the grant index: each call reads
 * only what was appended since the last, so an approval shows in the next read. Corrections carry
 * no personal data (a sealed field is never corrected in clear), so nothing is opened.
 */
export function createCorrectionIndex(store: EventStore): CorrectionIndex {
  const byStream = new Map<string, RecordedCorrection[]>();
  const byId = new Map<string, RecordedCorrection>();
  let after: Position | undefined;
  let catching: Promise<void> | null = null;

  async function catchUp(): Promise<void> {
    for await (const event of store.readAll(after === undefined ? {} : { after })) {
      after = event.position;
      if (!event.type.startsWith('Correction')) continue;
      const d = event.data as Record<string, unknown>;
      const id = String(d.correctionId);
      if (event.type === 'CorrectionProposed') {
        const target = d.target as { kind: string; id: string; revision: number };
        const correction: RecordedCorrection = {
          correctionId: id,
          revision: target.revision,
          action: d.action as RecordedCorrection['action'],
          changes: d.changes as RecordedCorrection['changes'],
          reason: String(d.reason),
          proposedBy: String(d.proposedBy),
          proposedAt: String(d.proposedAt),
        };
        const stream = `${target.kind}-${target.id}`;
        byStream.set(stream, [...(byStream.get(stream) ?? []), correction]);
        byId.set(id, correction);
      } else if (event.type === 'CorrectionApproved') {
        const correction = byId.get(id);
        if (correction) Object.assign(correction, { approvedBy: d.approvedBy, approvedAt: d.approvedAt });
      } else if (event.type === 'CorrectionRejected') {
        const correction = byId.get(id);
        if (correction) correction.rejected = true;
      }
    }
  }

  return {
    async of(stream) {
      while (catching) await catching;
      catching = catchUp().finally(() => (catching = null));
      await catching;
      return byStream.get(stream) ?? [];
    },
  };
}
