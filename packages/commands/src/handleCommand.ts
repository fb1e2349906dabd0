import { createHash } from 'node:crypto';
import {
  LocalDate,
  cleanInput,
  eventDefinition,
  localDateAt,
  permits,
  validateEvent,
  type Command,
  type CommandMeta,
  type DomainAggregate,
  type DomainEvent,
  type Holders,
  type RecordKind,
} from '@dacxa/domain';
import {
  ConcurrencyError,
  canonicalJson,
  type AppendResult,
  type EventStore,
  type JsonValue,
} from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { ZodError, z } from 'zod';
import { createContextLoader } from './contextLoader.js';
import {
  forbidden,
  idMismatch,
  keyReused,
  lateReasonRequired,
  notFound,
  occurredInFuture,
  tooManyConflicts,
  unknownCommand,
} from './errors.js';
import { lateEntries } from './lateEntry.js';
import { loadCurrentAggregate } from './loadAggregate.js';
import type { AggregateCache } from './aggregateCache.js';
import type { GrantIndex } from './grantIndex.js';
import type { OrgTree } from './orgTree.js';

/** What the handler needs from the process: the log, the sealer and the unit tree. */
export interface CommandDeps {
  store: EventStore;
  sealer: Sealer;
  tree: OrgTree;
  /** People's earlier grants, for the rule on a second pardon (LĐX 12(4)). */
  grants: GrantIndex;
  /** Aggregates folded by earlier commands: a long-running service keeps one (aggregateCache.ts). */
  aggregates?: AggregateCache;
}

/** A command as a transport receives it: the body is still unchecked. */
export interface IncomingCommand {
  type: string;
  /** The aggregate's id from the address (null for the one-stream unit tree). */
  id: string;
  data: unknown;
  meta: Omit<CommandMeta, 'commandId'>;
  /** The revision the caller last saw (If-Match): a mismatch is a conflict, never retried. */
  expectedRevision?: number;
  /** The client's key for safe retries (Idempotency-Key), bound to the command and its body. */
  idempotencyKey?: string;
  /**
   * When the act happened (Asia/Ho_Chi_Minh date), if earlier than its entry: recorded beside the
   * entry's own instant, never in its place, and never later than the day of entry.
   */
  occurredOn?: string;
  /** Why the act is entered only now (a late entry); kept in the event's envelope. */
  lateReason?: string;
}

export interface CommandResult extends AppendResult {
  /** The events recorded (or, for a replay, none: the first result is returned as it was). */
  recorded: number;
  replayed: boolean;
}

/** How often a command without If-Match is re-decided after losing a race to another writer. */
export const MAX_ATTEMPTS = 8;

// Writers to one stream in this process take turns, so they never lose a race to each other; the
// retries below are for other processes writing the same stream.
const streamQueues = new Map<string, Promise<unknown>>();

async function withStreamLock<T>(stream: string, work: () => Promise<T>): Promise<T> {
  const before = streamQueues.get(stream) ?? Promise.resolve();
  const mine = before.then(work, work);
  const tail = mine.catch(() => undefined);
  streamQueues.set(stream, tail);
  try {
    return await mine;
  } finally {
    if (streamQueues.get(stream) === tail) streamQueues.delete(stream);
  }
}

// Keys recently used in this process, so a key sent again for another stream is refused too (the
// stream's own events catch a reuse on the same stream, across restarts and processes).
const RECENT_KEYS = 10_000;
const recentKeys = new Map<string, string>();
const keySlot = (incoming: IncomingCommand) => `${incoming.meta.actor}\u0000${incoming.idempotencyKey ?? ''}`;

function checkRecentKey(incoming: IncomingCommand, stream: string, hash: string): void {
  if (!incoming.idempotencyKey) return;
  const seen = recentKeys.get(keySlot(incoming));
  if (seen !== undefined && seen !== `${stream}:${hash}`) throw keyReused();
}

function rememberKey(incoming: IncomingCommand, stream: string, hash: string): void {
  if (!incoming.idempotencyKey) return;
  if (recentKeys.size >= RECENT_KEYS) recentKeys.delete(recentKeys.keys().next().value as string);
  recentKeys.set(keySlot(incoming), `${stream}:${hash}`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The hash an Idempotency-Key is bound to: the command type, the stream and the canonical body. */
export function commandHash(type: string, stream: string, data: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ type, stream, data: data as JsonValue }))
    .digest('hex');
}

/** Parses the body with the command's own schema, after refusing control characters and normalising text. */
function parseBody<C extends Command>(
  aggregate: DomainAggregate<C, DomainEvent, unknown, unknown>,
  incoming: IncomingCommand,
): C {
  const definition = aggregate.commands.find((c) => c.type === incoming.type);
  if (!definition) throw unknownCommand(aggregate.kind, incoming.type);
  const cleaned = cleanInput(incoming.data);
  if (!cleaned.ok) {
    throw new ZodError(
      cleaned.issues.map((i) => ({
        code: 'custom',
        path: i.path.split('.'),
        message: i.message,
        input: undefined,
      })),
    );
  }
  const data: unknown = definition.schema.parse(cleaned.value);
  const named = aggregate.idField ? (data as Record<string, unknown>)[aggregate.idField] : undefined;
  if (named !== undefined && named !== incoming.id) throw idMismatch(aggregate.idField ?? 'id');
  // The aggregate's command definitions are the schemas of C's members, so the parsed body is a C.
  return { type: incoming.type, data, meta: incoming.meta } as C;
}

/** Refuses unless the policy lets the caller write to a record held by `holders` (404 when it may not even read it). */
function authorizeWrite(
  kind: RecordKind,
  meta: IncomingCommand['meta'],
  holders: Holders,
  tree: Awaited<ReturnType<OrgTree['current']>>,
  stream: string,
  exists: boolean,
): void {
  const date = localDateAt(meta.now);
  if (permits(tree, meta, kind, 'write', holders, date)) return;
  if (exists && !permits(tree, meta, kind, 'read', holders, date)) throw notFound(stream);
  throw forbidden(`${meta.role} of ${meta.unit} may not write ${stream}`);
}

/** The kind the policy decides a write on: the record's own, or (a correction) the record it corrects. */
function policyKind<S>(
  aggregate: { recordKind?(state: S): RecordKind | null },
  kind: RecordKind | 'correction',
  state: S,
): RecordKind {
  const decided = aggregate.recordKind?.(state) ?? (kind === 'correction' ? null : kind);
  if (!decided) throw forbidden(`a ${kind} names no record the policy can decide on`);
  return decided;
}

type EntryTimes = { occurredOn?: string; lateReason?: string };

/**
 * The act's date and the reason it is entered late, checked: a date in range and no later than
 * the day of entry (Asia/Ho_Chi_Minh; a few minutes' skew across midnight), a reason of plain text.
 */
function entryTimes(incoming: IncomingCommand): EntryTimes | null {
  const { occurredOn, lateReason } = incoming;
  if (occurredOn === undefined && lateReason === undefined) return null;
  const times: EntryTimes = {};
  if (occurredOn !== undefined) {
    const date = LocalDate.parse(occurredOn);
    const entered = localDateAt(new Date(Date.parse(incoming.meta.now) + SKEW_MS).toISOString());
    if (date > entered) throw occurredInFuture(date, entered);
    times.occurredOn = date;
  }
  if (lateReason !== undefined) {
    const cleaned = cleanInput({ lateReason });
    const reason = LateReason.parse(cleaned.ok ? cleaned.value : {}).lateReason;
    times.lateReason = reason;
  }
  return times;
}

const SKEW_MS = 5 * 60_000;
const LateReason = z.object({ lateReason: z.string().trim().min(3).max(500) });

/** One attempt: read, authorise, load the context, decide, authorise the result, append at the revision read. */
async function attempt<C extends Command, E extends DomainEvent, S, X>(
  deps: CommandDeps,
  kind: RecordKind | 'correction',
  aggregate: DomainAggregate<C, E, S, X>,
  stream: string,
  command: C,
  incoming: IncomingCommand,
  hash: string,
  when: EntryTimes | null,
): Promise<CommandResult> {
  const { store, sealer } = deps;
  const loaded = await loadCurrentAggregate(store, sealer, aggregate, stream, deps.aggregates);
  const { actor } = incoming.meta;
  const key = incoming.idempotencyKey;
  const earlier = key
    ? loaded.events.findLast((e) => e.metadata.commandId === key && e.metadata.actor === actor)
    : undefined;
  if (earlier) {
    if (earlier.metadata.commandHash !== hash) throw keyReused();
    return { revision: earlier.revision, position: earlier.position, recorded: 0, replayed: true };
  }
  const tree = await deps.tree.current();
  const exists = loaded.revision !== null;
  const touched = aggregate.touches?.(command, loaded.state) ?? [];
  const founding =
    incoming.meta.role === 'admin' &&
    (aggregate.founds?.(command, loaded.state, incoming.meta.unit) ?? false);
  if (exists && !founding)
    authorizeWrite(
      policyKind(aggregate, kind, loaded.state),
      incoming.meta,
      [...aggregate.holders(loaded.state), ...touched],
      tree,
      stream,
      true,
    );
  if (incoming.expectedRevision !== undefined && incoming.expectedRevision !== loaded.revision) {
    throw new ConcurrencyError(stream, incoming.expectedRevision, loaded.revision ?? -1);
  }
  const loader = createContextLoader(store, sealer, deps.grants);
  const context = aggregate.context
    ? await aggregate.context(command, loaded.state, loader)
    : // An aggregate without a context function declares X = undefined (DomainAggregate's default).
      (undefined as X);
  const events = aggregate.decide(command, loaded.state, context);
  // What a decider returns must pass its event's published schema before it is stored.
  events.forEach(validateEvent);
  // A step met on time but entered after its deadline must say why (it shows in every timeline).
  const late = lateEntries(events, loaded.events, localDateAt(incoming.meta.now));
  if (late.length > 0 && !when?.lateReason) throw lateReasonRequired(late);
  const after = events.reduce((state, event) => aggregate.evolve(state, event), loaded.state);
  if (!founding)
    authorizeWrite(
      policyKind(aggregate, kind, after),
      incoming.meta,
      [...aggregate.holders(after), ...touched],
      tree,
      stream,
      exists,
    );
  const subject = aggregate.subject(command, loaded.state);
  const { role, unit, now } = incoming.meta;
  const restsOn = loader.restsOn.map((r) => ({ stream: r.stream, revision: r.revision }));
  const result = await store.append(
    stream,
    events.map((e) => ({
      type: e.type,
      // Stored with the version of the shape it was decided in, so upcasters apply only to older ones.
      schemaVersion: eventDefinition(e.type)?.version ?? 1,
      data: e.data as JsonValue,
      occurredAt: now,
      metadata: {
        actor,
        role,
        unit,
        ...(subject ? { subject } : {}),
        ...(key ? { commandId: key, commandHash: hash } : {}),
        ...(restsOn.length > 0 ? { restsOn } : {}),
        ...(when ?? {}),
        // A late entry happened on the day the step was taken: that is its occurrence.
        ...(late[0] && !when?.occurredOn ? { occurredOn: late[0].actOn } : {}),
        ...(late.length > 0 ? { lateEntry: late.map((l) => ({ ...l })) } : {}),
      },
    })),
    { expectedRevision: loaded.revision ?? 'no_stream' },
  );
  return { ...result, recorded: events.length, replayed: false };
}

/**
 * Handles one command for any transport (HTTP, the CLI, the seed): the body is checked by the
 * command's own schema, the access policy decides on the record as it is and as it would be, the
 * decider gets the facts it rests on from the log, and the events are appended at the revision
 * read. A conflict without If-Match is re-read and re-decided; with If-Match it is the caller's 412.
 */
export async function handleCommand<C extends Command, E extends DomainEvent, S, X>(
  deps: CommandDeps,
  kind: RecordKind | 'correction',
  aggregate: DomainAggregate<C, E, S, X>,
  incoming: IncomingCommand,
): Promise<CommandResult> {
  const stream = `${aggregate.kind}-${incoming.id}`;
  const command = parseBody(aggregate, incoming);
  const when = entryTimes(incoming);
  // The act's own date and the stated reason are part of what a retry must repeat exactly.
  const hash = commandHash(command.type, stream, when ? { data: command.data, ...when } : command.data);
  const run = async (): Promise<CommandResult> => {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt(deps, kind, aggregate, stream, command, incoming, hash, when);
      } catch (error) {
        const retry = error instanceof ConcurrencyError && incoming.expectedRevision === undefined;
        if (!retry) throw error;
        if (tries >= MAX_ATTEMPTS) throw tooManyConflicts(stream, tries);
        // Another process won the race: back off a little (with jitter) before re-reading.
        await pause(Math.random() * 5 * tries);
      }
    }
  };
  checkRecentKey(incoming, stream, hash);
  const result = await withStreamLock(stream, run);
  rememberKey(incoming, stream, hash);
  return result;
}
