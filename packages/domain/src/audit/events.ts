import { z } from 'zod';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { ROLES } from '../shared/roles.js';

const aggregate = 'audit';
const Hex32 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A tree head of the ledger (docs/audit-format.md), signed with the service's Ed25519 key and
 * kept in the log it vouches for: the log's size, its RFC 9162 root, and when it was signed.
 */
export const TreeHeadSigned = defineEvent({
  type: 'TreeHeadSigned',
  version: 1,
  aggregate,
  label: { vi: 'Ký xác nhận gốc cây nhật ký', en: 'Ledger tree head signed' },
  emittedBy: ['system'],
  basis: [],
  schema: z
    .object({
      treeSize: z.number().int().min(1),
      rootHash: Hex32,
      signedAt: z.iso.datetime({ offset: true }),
      keyId: z.string().regex(/^[0-9a-f]{16}$/),
      signature: z.base64(),
    })
    .strict(),
});

/** What was read: a case file, a stream's history or timeline, a view, or an export. */
export const ReadKind = z.enum(['history', 'timeline', 'view', 'export']);

/** A read of people's records, by anyone: who, in which role and unit, what, and why. */
export const RecordsRead = defineEvent({
  type: 'RecordsRead',
  version: 1,
  aggregate,
  label: { vi: 'Truy cập hồ sơ', en: 'Records read' },
  emittedBy: Object.keys(ROLES) as Array<keyof typeof ROLES>,
  basis: [],
  schema: z
    .object({
      kind: ReadKind,
      /** The stream, view or export read, e.g. `case-…` or `views/case-files`. */
      target: z.string().min(1).max(300),
      /** The unit whose records were read: what oversight bodies list by. */
      scopeUnit: z.string().min(1),
      /** The purpose the reader's role states (case management, oversight, …). */
      purpose: z.string().min(1),
      readAt: z.iso.datetime({ offset: true }),
    })
    .strict(),
});

export const AUDIT_EVENTS = [TreeHeadSigned, RecordsRead] as const;
export type AuditEvent = EventOf<(typeof AUDIT_EVENTS)[number]>;
