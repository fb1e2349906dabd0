import type { Logger } from 'pino';
import type { CheckpointSource, PublishedCheckpoint } from './publishedCheckpoint.js';
import { openNote, type NoteVerifier } from './signedNote.js';
import { quorumMet, type TlogPolicy } from './tlogPolicy.js';
import { createWaiters } from './waiters.js';
import { WitnessRefusal, requestCosignature } from './witnessClient.js';

/** The tree the checkpoints are of: the ledger, as far as it has read the log. */
export interface CheckpointTree {
  readonly size: number;
  /** Hex root over the first `size` leaves. */
  root(size: number): string;
  /** Hex hashes of the RFC 9162 consistency proof between two sizes. */
  consistency(first: number, second: number): string[];
}

export interface CosignerOptions {
  tree: CheckpointTree;
  /** The log's signed checkpoint note for a size and root (the log's own key). */
  sign: (treeSize: number, rootHash: string) => string;
  /** The witnesses asked and the quorum that must cosign; null: none (the log's signature alone). */
  policy: TlogPolicy | null;
  /** How often the tree is looked at for news; a checkpoint follows an append within about this. */
  intervalMs?: number;
  /** How long after a failure a witness that did not cosign the latest size is asked again. */
  retryMs?: number;
  requestTimeoutMs?: number;
  logger?: Logger;
  now?: () => Date;
}

/** What the log knows of one witness, for /health and the logs. */
export interface WitnessState {
  name: string;
  url: string | null;
  /** The largest size it cosigned for this process, 0 before the first. */
  cosignedSize: number;
  lastCosignedAt: string | null;
  /** The last time it could not be asked (network, timeout, 5xx), and why. */
  unreachable: { at: string; reason: string } | null;
  /** The last time it refused: it holds a history this log's checkpoint does not extend. */
  refused: { at: string; treeSize: number; reason: string } | null;
}

export interface CosignerHealth {
  /** 'ok': the latest tree is published; 'behind': not yet; 'refused': a witness saw a rewrite. */
  status: 'ok' | 'behind' | 'refused';
  treeSize: number;
  publishedSize: number;
  publishedAt: string | null;
  witnesses: WitnessState[];
}

/**
 * Publishes the log's checkpoints (c2sp.org/tlog-witness): each time the tree grows it signs a
 * checkpoint of the new size, sends it with a consistency proof to every witness of the policy,
 * and publishes it once the cosignatures that came back meet the quorum. A checkpoint the quorum
 * has not cosigned is never published. A witness that refuses (422, or 409 with another root at its size: its view is not a
 * prefix of this one) is an alarm: logged as an error and shown in health until one cosigns again.
 */
export function createCosigner(options: CosignerOptions) {
  const { tree, sign, policy, intervalMs = 200, retryMs = 10_000, requestTimeoutMs = 5_000 } = options;
  const now = options.now ?? (() => new Date());
  const log = options.logger?.child({ component: 'cosigner' });
  const waiters = createWaiters((why) => new Error(why));
  const witnesses = new Map<string, WitnessState & { verifier: NoteVerifier }>();
  for (const [name, witness] of policy?.witnesses ?? [])
    witnesses.set(name, {
      name,
      url: witness.url ?? null,
      cosignedSize: 0,
      lastCosignedAt: null,
      unreachable: null,
      refused: null,
      verifier: witness.verifier,
    });
  let published: PublishedCheckpoint | null = null;
  let publishedAt: string | null = null;
  let attemptedSize = 0;
  let attemptedAt = 0;
  let busy: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;

  async function ask(name: string, note: string, size: number): Promise<string | null> {
    const witness = witnesses.get(name);
    if (!witness?.url) return null;
    const at = now().toISOString();
    try {
      const proofFrom = (old: number) => tree.consistency(old, size).map((h) => Buffer.from(h, 'hex'));
      const { lines } = await requestCosignature(
        witness.url,
        note,
        size,
        proofFrom,
        witness.cosignedSize,
        requestTimeoutMs,
      );
      // Counted only once its cosignature verifies under the key the policy pins for it.
      openNote(note + lines, [witness.verifier]);
      Object.assign(witness, { cosignedSize: size, lastCosignedAt: at, unreachable: null, refused: null });
      return lines;
    } catch (error) {
      if (error instanceof WitnessRefusal && error.contradicts) {
        witness.refused = { at, treeSize: size, reason: error.reason };
        log?.error(
          { witness: name, treeSize: size, reason: error.reason },
          'a witness refused the checkpoint: it holds a history this log does not extend',
        );
      } else {
        // A 409 that names a larger size (another instance got there first) is news, not an alarm.
        const reason = error instanceof Error ? error.message : String(error);
        witness.unreachable = { at, reason };
        log?.warn({ witness: name, treeSize: size, reason }, 'witness not reached');
      }
      return null;
    }
  }

  async function publish(size: number): Promise<void> {
    const rootHash = tree.root(size);
    const note = sign(size, rootHash);
    const answers = await Promise.all(
      [...witnesses.keys()].map(async (name) => [name, await ask(name, note, size)] as const),
    );
    const cosigned = answers.filter(([, lines]) => lines !== null);
    if (
      policy &&
      !quorumMet(
        policy,
        cosigned.map(([name]) => name),
      )
    )
      return;
    if (published && published.treeSize >= size) return;
    published = {
      treeSize: size,
      rootHash,
      note: note + cosigned.map(([, lines]) => lines).join(''),
      witnesses: cosigned.map(([name]) => name),
    };
    publishedAt = now().toISOString();
    log?.debug({ treeSize: size, witnesses: published.witnesses }, 'checkpoint published');
    waiters.wake();
  }

  /** Signs and sends the tree as it stands, unless it is published already or was just tried. */
  function tick(): Promise<void> {
    // One round at a time; news that came during it is looked at as soon as it ends.
    if (busy) return busy.then(tick);
    const size = tree.size;
    const fresh = size > attemptedSize;
    const retry = size > (published?.treeSize ?? 0) && Date.now() - attemptedAt >= retryMs;
    if (size === 0 || (!fresh && !retry)) return Promise.resolve();
    attemptedSize = size;
    attemptedAt = Date.now();
    busy = publish(size)
      .catch((err: unknown) => log?.error({ err, treeSize: size }, 'checkpoint not published'))
      .finally(() => (busy = null));
    return busy;
  }

  const source: CheckpointSource = {
    latest: () => published,
    async covering(treeSize, timeoutMs = 5_000) {
      void tick();
      await waiters.until(
        () => (published?.treeSize ?? 0) >= treeSize,
        timeoutMs,
        `no checkpoint of ${treeSize} leaves was cosigned by the witnesses' quorum in time`,
      );
      if (!published) throw new Error('unreachable: waited for a published checkpoint');
      return published;
    },
  };

  return {
    ...source,
    start(): void {
      const loop = () => {
        void tick().finally(() => {
          timer = setTimeout(loop, intervalMs);
          timer.unref();
        });
      };
      loop();
    },
    async stop(): Promise<void> {
      clearTimeout(timer);
      await busy;
    },
    /** Publishes the tree as it stands now, waiting for the witnesses. */
    publishNow: () => tick(),
    health(): CosignerHealth {
      // The pinned key stays inside: health shows what each witness did, not what it is trusted with.
      const states: WitnessState[] = [...witnesses.values()].map((w) => ({
        name: w.name,
        url: w.url,
        cosignedSize: w.cosignedSize,
        lastCosignedAt: w.lastCosignedAt,
        unreachable: w.unreachable,
        refused: w.refused,
      }));
      const publishedSize = published?.treeSize ?? 0;
      return {
        status: states.some((w) => w.refused) ? 'refused' : publishedSize >= tree.size ? 'ok' : 'behind',
        treeSize: tree.size,
        publishedSize,
        publishedAt,
        witnesses: states,
      };
    },
  };
}

export type Cosigner = ReturnType<typeof createCosigner>;
