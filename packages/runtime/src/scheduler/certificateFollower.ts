import type { Logger } from 'pino';
import type { EventStore } from '@dacxa/event-store';
import type { DocumentStore, Page, ViewReader } from '@dacxa/read-models';
import type { Clock } from './clock.js';
import {
  certificateCommand,
  certificateToFollow,
  type CertificateCommand,
  type FollowedPerson,
} from './certificateCase.js';

/** The command handler for the case aggregate (`markerHandler(deps)` from @dacxa/commands takes it). */
export type CaseCommandHandler = (
  kind: 'case',
  command: CertificateCommand,
) => Promise<{ recorded: number; replayed: boolean }>;

export interface CertificateFollowerOptions {
  clock: Clock;
  events: Pick<EventStore, 'headPosition' | 'subscribe'>;
  documents: DocumentStore;
  views: Pick<ViewReader, 'collection' | 'waitFor'>;
  handle: CaseCommandHandler;
  /** The dossier's person, opened for processing by the sealer; null when unknown or erased. */
  personOf: (dossierId: string) => Promise<FollowedPerson | null>;
  logger?: Logger;
  catchUpMs?: number;
}

/** What a pass did: certificates without a case found, cases opened, already opened, failed. */
export interface FollowResult {
  due: number;
  opened: number;
  alreadyOpen: number;
  failed: number;
}

/** The process manager that opens the expected case at the destination commune from each certificate. */
export interface CertificateFollower {
  /** A pass once the view has caught up, then one after every certificate recorded. */
  start(): void;
  /** A pass now (queued behind one in progress). */
  followNow(): Promise<FollowResult>;
  stop(): Promise<void>;
}

const VIEW = 'reconciliation';
const PAGE = 500;
const code = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * Follows the `reconciliation` view (docs/architecture.md, "Release-day reconciliation"): every
 * certificate issued with no notice received at its destination gets the system's
 * ReceiveReleaseNotice, with a case id and idempotency key derived from the dossier, so re-runs,
 * restarts and two instances open it once. A case the commune opened itself is not opened again.
 */
export function createCertificateFollower(options: CertificateFollowerOptions): CertificateFollower {
  const { clock, events, documents, views, handle, personOf, catchUpMs = 10_000 } = options;
  const log = options.logger?.child({ component: 'certificate-follower' });
  const controller = new AbortController();
  let queue: Promise<unknown> = Promise.resolve();
  let pending: Promise<FollowResult> | null = null;
  let watching: Promise<void> = Promise.resolve();

  async function caughtUp(): Promise<void> {
    const head = (await events.headPosition()) ?? 0n;
    while (!controller.signal.aborted) {
      try {
        return await views.waitFor(head, catchUpMs, VIEW);
      } catch (error) {
        log?.info({ view: VIEW, err: error }, 'waiting for the view to catch up before following');
      }
    }
  }

  async function open(doc: Record<string, unknown>, result: FollowResult): Promise<void> {
    const follow = certificateToFollow(doc);
    const person = follow ? await personOf(follow.dossierId) : null;
    if (!follow || !person) {
      result.failed++;
      log?.warn({ dossierId: doc.dossierId }, 'certificate without its facts or person; not opened');
      return;
    }
    try {
      const sent = await handle('case', certificateCommand(follow, person, clock()));
      if (sent.replayed) result.alreadyOpen++;
      else result.opened++;
    } catch (error) {
      // Opened meanwhile by another instance (case.exists): the work is done.
      if (code(error) === 'ERR_ILLEGAL_STATE') result.alreadyOpen++;
      else {
        result.failed++;
        log?.warn(
          { err: error, dossierId: follow.dossierId },
          'expected case not opened; the next pass tries again',
        );
      }
    }
  }

  async function pass(): Promise<FollowResult> {
    await caughtUp();
    const result: FollowResult = { due: 0, opened: 0, alreadyOpen: 0, failed: 0 };
    const collection = views.collection(VIEW, VIEW);
    let cursor: string | null = null;
    const due: Record<string, unknown>[] = [];
    do {
      const page: Page = await documents.find(collection, {
        where: { certificateIssued: true, noticeReceived: false },
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      due.push(...page.items.map((item) => item.doc));
      cursor = page.next;
    } while (cursor && !controller.signal.aborted);
    result.due = due.length;
    for (const doc of due) {
      if (controller.signal.aborted) break;
      await open(doc, result);
    }
    log?.info({ ...result }, 'certificates followed');
    return result;
  }

  // Thousands of certificates on release day: one pass queued behind the running one serves them all.
  function followNow(): Promise<FollowResult> {
    if (pending) return pending;
    const next = queue.then(() => {
      pending = null;
      return pass();
    });
    pending = next;
    queue = next.catch(() => undefined);
    return next;
  }

  async function watch(): Promise<void> {
    const after = (await events.headPosition()) ?? undefined;
    const from = after === undefined ? { signal: controller.signal } : { after, signal: controller.signal };
    for await (const event of events.subscribe(from))
      if (event.type === 'AmnestyCertificateIssued')
        void followNow().catch((err: unknown) => log?.error({ err }, 'following certificates failed'));
  }

  return {
    start() {
      void followNow().catch((err: unknown) => log?.error({ err }, 'start-up pass failed'));
      watching = watch().catch((err: unknown) => {
        if (!controller.signal.aborted) log?.error({ err }, 'certificate watch stopped');
      });
    },
    followNow,
    async stop() {
      controller.abort();
      await Promise.all([queue, watching]);
    },
  };
}
