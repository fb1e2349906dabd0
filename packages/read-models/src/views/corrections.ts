import type { RecordedEvent } from '@dacxa/event-store';
import { CORRECTABLE_KINDS, type CorrectableKind, type Holder, type HolderTag } from '@dacxa/domain';
import type { Projection } from '../engine/projection.js';
import { unitRoot } from './unitRoot.js';

/**
 * The holder whose unit a scope selects a correction on, for each kind of record corrected: the one
 * the record's own view selects on (a case's commune, a task's lead unit…). Declared here once, so
 * the document's `scopeKey` and the API's query are made from the same table.
 */
export const CORRECTION_SCOPE_TAGS: Readonly<Record<CorrectableKind, HolderTag>> = {
  case: 'commune',
  plan: 'issuer',
  task: 'lead',
  report: 'reporter',
  oversight: 'body',
  round: 'province',
  dossier: 'facility',
};

/** What a scope selects on: the record's kind and its holder's unit, one indexed value. */
export const correctionScopeKey = (kind: string, unit: string): string => `${kind}:${unit}`;

/**
 * One correction (four eyes) for the inbox: what it corrects, the new values, who proposed it and
 * who decided. It is read as the record it corrects is, by that record's kind and holders as the
 * proposal recorded them. New values are never personal (the decider refuses a sealed field) and
 * are carried as recorded: a sealed value stays sealed and is opened per reader.
 */
export interface CorrectionDoc {
  [key: string]: unknown;
  correctionId: string;
  target: { kind: CorrectableKind; id: string; stream: string; revision: number; type: string };
  targetKind: CorrectableKind;
  targetId: string;
  holders: Holder[];
  /** The unit of the holder the scope selects on (`CORRECTION_SCOPE_TAGS`), and its commune or province. */
  holderUnit: string | null;
  scopeUnit: string | null;
  scopeKey: string | null;
  action: 'correct' | 'void';
  changes: Array<{ path: string[]; value: unknown }>;
  reason: string;
  document: unknown;
  proposedBy: string;
  proposedAt: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
}

const STATUSES = ['pending', 'approved', 'rejected'] as const;

function proposed(d: Record<string, unknown>): CorrectionDoc {
  const target = d.target as { kind: CorrectableKind; id: string; revision: number };
  const holders = (d.targetHolders as Holder[]).map((h) => ({ ...h }));
  const holderUnit = holders.find((h) => h.tag === CORRECTION_SCOPE_TAGS[target.kind])?.unit ?? null;
  return {
    correctionId: String(d.correctionId),
    target: {
      kind: target.kind,
      id: target.id,
      stream: `${target.kind}-${target.id}`,
      revision: target.revision,
      type: String(d.targetType),
    },
    targetKind: target.kind,
    targetId: target.id,
    holders,
    holderUnit,
    scopeUnit: holderUnit === null ? null : unitRoot(holderUnit),
    scopeKey: holderUnit === null ? null : correctionScopeKey(target.kind, holderUnit),
    action: d.action === 'void' ? 'void' : 'correct',
    changes: (d.changes as Array<{ path: string[]; value: unknown }>).map((c) => ({
      path: [...c.path],
      value: c.value,
    })),
    reason: String(d.reason),
    document: d.document ?? null,
    proposedBy: String(d.proposedBy),
    proposedAt: String(d.proposedAt),
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    rejectionReason: null,
  };
}

export function evolveCorrectionDoc(doc: CorrectionDoc | null, event: RecordedEvent): CorrectionDoc | null {
  const d = event.data as Record<string, unknown>;
  if (event.type === 'CorrectionProposed') return proposed(d);
  if (!doc) return null;
  switch (event.type) {
    case 'CorrectionApproved':
      return { ...doc, status: 'approved', decidedBy: String(d.approvedBy), decidedAt: String(d.approvedAt) };
    case 'CorrectionRejected':
      // A rejection carries no instant of its own: the log's is when it was decided.
      return {
        ...doc,
        status: 'rejected',
        decidedBy: String(d.rejectedBy),
        decidedAt: event.occurredAt,
        rejectionReason: String(d.reason),
      };
    default:
      return doc;
  }
}

/** Corrections awaiting a second person, and those decided (docs/domain.md, "Đính chính"). */
export const correctionsProjection: Projection<CorrectionDoc> = {
  name: 'corrections',
  version: 1,
  collections: [
    {
      name: 'corrections',
      indexes: ['scopeKey', 'scopeUnit', 'proposedAt'],
      filters: { status: { oneOf: STATUSES }, targetKind: { oneOf: CORRECTABLE_KINDS }, targetId: 'id' },
    },
  ],
  route: (event) =>
    event.stream.startsWith('correction-')
      ? [{ collection: 'corrections', id: event.stream.slice('correction-'.length) }]
      : [],
  evolve: (doc, event) => evolveCorrectionDoc(doc, event),
};
