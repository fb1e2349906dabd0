import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chains, Problem } from './bundleFailure.js';
import { BUNDLE_FILES as F, type Manifest } from './bundleFormat.js';
import { continuedStream } from './selection.js';
import type { StreamHead } from './signedStatements.js';
import { verifyStreamHead } from './treeHead.js';
import type { ReadEvent } from './parseLine.js';

function parseHead(line: string): StreamHead | null {
  try {
    const head = JSON.parse(line) as StreamHead;
    return typeof head.stream === 'string' && typeof head.signature === 'string' ? head : null;
  } catch {
    return null;
  }
}

/** What a line of a disclosure is checked on: its stream disclosed, a continuation opened right. */
export interface DisclosureRules {
  discloses(stream: string): boolean;
  opening(event: Pick<ReadEvent, 'envelope'>): Omit<Problem, 'at'> | null;
}

/** The rules of a disclosure's lines, from its signed manifest alone (the heads are checked apart). */
export function disclosureRules(manifest: Pick<Manifest, 'streams' | 'continuations'>): DisclosureRules {
  const disclosed = new Set(manifest.streams);
  const from = new Map(manifest.continuations.map((c) => [c.stream, c.from]));
  return {
    discloses: (stream) => disclosed.has(stream),
    opening(event) {
      const origin = from.get(event.envelope.stream);
      if (origin === undefined || event.envelope.revision !== 0) return null;
      return continuedStream(event.envelope) === origin
        ? null
        : { reason: 'continuation', message: `${event.envelope.stream} does not open by naming ${origin}` };
    },
  };
}

/**
 * What proves a disclosure whole: for each stream it names, a stream head signed by the log key at
 * the bundle's tree (stream, last revision, last hash). The verifier then requires the events to
 * be exactly revisions 0…n of each, chaining to that hash, and each continuation to open with
 * CaseTransferredIn naming the case it continues.
 */
export function createDisclosureCheck(dir: string, manifest: Manifest, publicKeyPem: string) {
  const heads = new Map<string, StreamHead>();
  const from = new Map(manifest.continuations.map((c) => [c.stream, c.from]));

  function load(): Problem | null {
    const disclosed = new Set(manifest.streams);
    const asked = new Set(manifest.filter.streams ?? []);
    const expected = [...asked, ...from.keys()].sort();
    if (
      expected.join('\n') !== [...disclosed].sort().join('\n') ||
      disclosed.size !== manifest.streams.length
    )
      return {
        reason: 'stream-head',
        message: 'the streams disclosed are not those asked for and their continuations',
      };
    for (const [stream, origin] of from)
      if (!disclosed.has(origin) || asked.has(stream))
        return {
          reason: 'continuation',
          message: `${stream} is said to continue ${origin}, which is not disclosed`,
        };
    const file = join(dir, F.streamHeads);
    const lines = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
      : [];
    for (const line of lines) {
      const head = parseHead(line);
      const { treeHead } = manifest;
      if (
        !head ||
        !verifyStreamHead(head, publicKeyPem) ||
        head.treeSize !== treeHead.treeSize ||
        head.rootHash !== treeHead.rootHash
      )
        return {
          reason: 'stream-head',
          message: `the stream head of ${head?.stream ?? 'a line'} is not signed at the bundle's tree head`,
        };
      if (!disclosed.has(head.stream) || heads.has(head.stream))
        return {
          reason: 'stream-head',
          message: `a stream head for ${head.stream}, which the manifest does not disclose once`,
        };
      heads.set(head.stream, head);
    }
    const missing = manifest.streams.find((s) => !heads.has(s));
    return missing ? { reason: 'stream-head', message: `no signed stream head for ${missing}` } : null;
  }

  return {
    load,
    /** At the end: each stream's chain ends exactly where its signed head says. */
    end(chains: Chains): Problem | null {
      for (const [stream, head] of heads) {
        const chain = chains.get(stream);
        if (chain?.revision !== head.revision || chain.hash !== head.lastHash)
          return {
            reason: 'incomplete-stream',
            message: `${stream} ends at revision ${chain?.revision ?? 'none'}; its signed head says ${head.revision}`,
          };
      }
      return null;
    },
  };
}
