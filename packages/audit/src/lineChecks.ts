import { GENESIS_HASH, chainHash } from '@dacxa/event-store';
import type { Manifest } from './bundleFormat.js';
import type { At, Chains, Problem } from './bundleFailure.js';
import type { createDisclosureCheck } from './disclosureCheck.js';
import type { ReadEvent } from './parseLine.js';
import { matches } from './selection.js';
import { verifyTreeHead, type TreeHead } from './treeHead.js';

/** Whether decimal `a` is above decimal `b` (both without leading zeros, as the line format has them). */
const after = (a: string, b: string) => (a.length === b.length ? a > b : a.length > b.length);

/**
 * The checks of one line of events.ndjson against the lines before it (docs/audit-format.md §5,
 * step 3): order, the hash, whether the event belongs in the bundle, its stream's chain, and the
 * signature of a tree head inside the log.
 */
export function createLineChecks(
  manifest: Manifest,
  publicKeyPem: string,
  disclosure: ReturnType<typeof createDisclosureCheck> | null,
) {
  const { kind, treeHead: head } = manifest;
  const chains: Chains = new Map();
  let last: ReadEvent | null = null;

  function order(event: ReadEvent, at: At): Problem | null {
    if (last && (event.leafIndex <= last.leafIndex || !after(event.position, last.position)))
      return { reason: 'reordered', message: `event ${event.position} comes after ${last.position}`, at };
    const expected = last ? last.leafIndex + 1 : 0;
    if (kind === 'complete' && event.leafIndex !== expected)
      return {
        reason: 'missing',
        message: `leaf ${expected} is missing before position ${event.position}`,
        at: { leafIndex: expected },
      };
    if (event.leafIndex >= head.treeSize)
      return {
        reason: 'inclusion',
        message: `event ${event.position} lies beyond the tree of ${head.treeSize}`,
        at,
      };
    return null;
  }

  function selected(event: ReadEvent): boolean {
    try {
      return matches(event.envelope, manifest.filter);
    } catch {
      return false; // a date outside any calendar the filter can name
    }
  }

  function belongs(event: ReadEvent, at: At): Problem | null {
    const { stream, revision } = event.envelope;
    const foreign = disclosure ? !disclosure.discloses(stream) : kind === 'selection' && !selected(event);
    if (foreign)
      return {
        reason: 'foreign-event',
        message: `${stream}@${revision} is not in what this bundle holds`,
        at,
      };
    const opening = disclosure?.opening(event);
    return opening ? { ...opening, at } : null;
  }

  function chain(event: ReadEvent, at: At): Problem | null {
    const { stream, revision } = event.envelope;
    const before = chains.get(stream);
    // Whole streams (complete, disclosure) run 0, 1, 2…; a selection's only move forward.
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
    chains.set(stream, { revision, hash: event.hash });
    return null;
  }

  return {
    chains,
    check(event: ReadEvent): Problem | null {
      const at = { position: event.position, leafIndex: event.leafIndex };
      const { stream, revision, type } = event.envelope;
      const problem =
        order(event, at) ??
        // The envelope's bytes as written are what the hash covers: hashed as they stand.
        (chainHash(event.prevHash, event.envelopeText) !== event.hash
          ? {
              reason: 'hash-mismatch' as const,
              message: `${stream}@${revision}: content does not match its hash`,
              at,
            }
          : null) ??
        belongs(event, at) ??
        chain(event, at);
      if (problem) return problem;
      const earlier = event.envelope.data as unknown as TreeHead;
      if (type === 'TreeHeadSigned' && !verifyTreeHead(earlier, publicKeyPem))
        return {
          reason: 'head-signature',
          message: `the tree head signed at ${earlier.signedAt} in the log is not the key's`,
          at,
        };
      last = event;
      return null;
    },
  };
}
