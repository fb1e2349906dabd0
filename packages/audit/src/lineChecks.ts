import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { GENESIS_HASH, chainHash } from '@dacxa/event-store';
import type { BundleKind, Manifest } from './bundleFormat.js';
import type { At, Chains, Problem } from './bundleFailure.js';
import type { DisclosureRules } from './disclosureCheck.js';
import type { ReadEvent } from './parseLine.js';
import { matches } from './selection.js';
import { treeHeadMessage, type TreeHead } from './treeHead.js';

/** Whether decimal `a` is above decimal `b` (both without leading zeros, as the line format has them). */
const after = (a: string, b: string) => (a.length === b.length ? a > b : a.length > b.length);

/** Where an event stands in the log: what the order of lines is checked on. */
export interface Place {
  leafIndex: number;
  position: string;
}

/** A stream's first event in a run of lines: checked against the stream's chain before the run. */
export interface Opening {
  stream: string;
  revision: number;
  prevHash: string;
  /** The line's index in its run. */
  line: number;
  at: { position: string; leafIndex: number };
}

/** An event's place after the one before it: increasing, and in a complete bundle the next leaf. */
export function orderProblem(kind: BundleKind, last: Place | null, event: Place): Problem | null {
  const at = { position: event.position, leafIndex: event.leafIndex };
  if (last && (event.leafIndex <= last.leafIndex || !after(event.position, last.position)))
    return { reason: 'reordered', message: `event ${event.position} comes after ${last.position}`, at };
  const expected = last ? last.leafIndex + 1 : 0;
  if (kind === 'complete' && event.leafIndex !== expected)
    return {
      reason: 'missing',
      message: `leaf ${expected} is missing before position ${event.position}`,
      at: { leafIndex: expected },
    };
  return null;
}

/** A stream's next event after its chain so far: whole streams run 0, 1, 2…; a selection's only move forward. */
export function chainProblem(
  kind: BundleKind,
  before: { revision: number; hash: string } | undefined,
  event: Pick<Opening, 'stream' | 'revision' | 'prevHash' | 'at'>,
): Problem | null {
  const { stream, revision, at } = event;
  const whole = kind !== 'selection';
  const gap = before
    ? revision <= before.revision || (whole && revision !== before.revision + 1)
    : whole && revision !== 0;
  if (gap)
    return {
      reason: 'revision-gap',
      message: `${stream}: revision ${revision} follows ${before?.revision ?? 'nothing'}`,
      at,
    };
  const prev =
    before && revision === before.revision + 1 ? before.hash : revision === 0 ? GENESIS_HASH : null;
  if (prev !== null && prev !== event.prevHash)
    return {
      reason: 'broken-link',
      message: `${stream}@${revision}: prevHash does not match the event before`,
      at,
    };
  return null;
}

/**
 * The checks of one line of events.ndjson against the lines before it in the same run
 * (docs/audit-format.md §5, step 3): order, the hash, whether the event belongs in the bundle, its
 * stream's chain, and the signature of a tree head inside the log. A run's first line and each
 * stream's first event in it are left to be joined to the run before (`openings`).
 */
export function createLineChecks(manifest: Manifest, publicKeyPem: string, rules: DisclosureRules | null) {
  const { kind, treeHead: head } = manifest;
  const chains: Chains = new Map();
  const openings: Opening[] = [];
  let key: KeyObject | null = null;
  let last: Place | null = null;
  let line = 0;

  function belongs(event: ReadEvent, at: At): Problem | null {
    const { stream, revision } = event.envelope;
    const foreign = rules ? !rules.discloses(stream) : kind === 'selection' && !selected(event);
    if (foreign)
      return {
        reason: 'foreign-event',
        message: `${stream}@${revision} is not in what this bundle holds`,
        at,
      };
    const opening = rules?.opening(event);
    return opening ? { ...opening, at } : null;
  }

  function selected(event: ReadEvent): boolean {
    try {
      return matches(event.envelope, manifest.filter);
    } catch {
      return false; // a date outside any calendar the filter can name
    }
  }

  function chain(event: ReadEvent, at: Opening['at']): Problem | null {
    const { stream, revision } = event.envelope;
    const before = chains.get(stream);
    if (!before) openings.push({ stream, revision, prevHash: event.prevHash, line, at });
    const problem = before
      ? chainProblem(kind, before, { stream, revision, prevHash: event.prevHash, at })
      : null;
    if (!problem) chains.set(stream, { revision, hash: event.hash });
    return problem;
  }

  function headSignature(event: ReadEvent, at: At): Problem | null {
    if (event.envelope.type !== 'TreeHeadSigned') return null;
    const earlier = event.envelope.data as unknown as TreeHead;
    key ??= createPublicKey(publicKeyPem);
    const signed =
      typeof earlier.signature === 'string' &&
      verify(null, treeHeadMessage(earlier), key, Buffer.from(earlier.signature, 'base64')) &&
      earlier.keyId === head.keyId;
    return signed
      ? null
      : {
          reason: 'head-signature',
          message: `the tree head signed at ${earlier.signedAt} in the log is not the key's`,
          at,
        };
  }

  return {
    chains,
    openings,
    check(event: ReadEvent): Problem | null {
      const at = { position: event.position, leafIndex: event.leafIndex };
      const { stream, revision } = event.envelope;
      const problem =
        (last ? orderProblem(kind, last, event) : null) ??
        (event.leafIndex >= head.treeSize
          ? {
              reason: 'inclusion' as const,
              message: `event ${event.position} lies beyond the tree of ${head.treeSize}`,
              at,
            }
          : null) ??
        // The envelope's bytes as written are what the hash covers: hashed as they stand.
        (chainHash(event.prevHash, event.envelopeText) !== event.hash
          ? {
              reason: 'hash-mismatch' as const,
              message: `${stream}@${revision}: content does not match its hash`,
              at,
            }
          : null) ??
        belongs(event, at) ??
        chain(event, at) ??
        headSignature(event, at);
      last = event;
      line++;
      return problem;
    },
  };
}
