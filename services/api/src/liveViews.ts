import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { openDocument, type Access } from '@dacxa/protection';
import { localDateAt } from '@dacxa/domain';
import type { Change, Doc, Page } from '@dacxa/read-models';
import type { EventStore } from '@dacxa/event-store';
import { verifySession, type Caller, type Session, type TokenKey } from './auth.js';
import { recordRead } from './recordRead.js';
import { HttpProblem } from './problems.js';
import type { UnitScope } from './unitScope.js';
import { VIEWS } from './viewCatalogue.js';
import { collectionOf, type ViewsOptions } from './viewRoutes.js';
import { viewScope, type ViewScope } from './viewScope.js';

/** Close codes a client can act on (docs/live-views.md). */
export const CLOSE = {
  /** No valid `auth` in time, an invalid token, the session's end, or a renewal as someone else. */
  unauthenticated: 4401,
  /** More than `maxBufferedBytes` waited unsent: the client reads too slowly. */
  tooSlow: 4008,
  /** A message that is not JSON or not one of the protocol's shapes. */
  badMessage: 4400,
  /** The service is shutting down: reconnect (to another instance) and resume with `after`. */
  goingAway: 1001,
} as const;

export interface LiveViewsOptions {
  tokenKey: TokenKey;
  /** Where a subscription to a view of people's records is recorded (the access log). */
  store: EventStore;
  scope: UnitScope;
  views: ViewsOptions;
  now: () => Date;
  /** How often peers are pinged; one missed pong and the socket is dropped. */
  heartbeatMs?: number;
  /** Bytes allowed to wait unsent for one client before it is closed as too slow. */
  maxBufferedBytes?: number;
  authTimeoutMs?: number;
}

const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1) }).strict(),
  z
    .object({
      type: z.literal('subscribe'),
      id: z.string().min(1).max(64),
      view: z.string().refine((v) => v in VIEWS, 'không có bảng này (unknown view)'),
      unit: z.string().min(1).optional(),
      /** The last position this client saw: resume with what changed after it, instead of a snapshot. */
      after: z.string().regex(/^\d+$/).optional(),
    })
    .strict(),
  z.object({ type: z.literal('unsubscribe'), id: z.string().min(1) }).strict(),
]);

/** setTimeout's longest delay; a longer session is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const sameIdentity = (a: Caller, b: Caller) => a.actor === b.actor && a.role === b.role && a.unit === b.unit;

interface Subscription {
  id: string;
  projection: string;
  collection: string;
  scoped: ViewScope;
  /** Per document, the position the client already holds; changes at or before it are skipped. */
  held: Map<string, bigint>;
  floor: bigint;
  /** Changes that arrived while the snapshot was read, sent right after it. */
  pending: Change[] | null;
  /**
   * What the scope's verdict on a document depends on — the tree it was checked over, who reads,
   * the day, the view and its query — so that sockets with the same key share one verdict.
   */
  scopeKey: string;
}

/**
 * `/ws`: live views. The client authenticates with its first message (never in the URL), then
 * subscribes to views; each subscription gets a snapshot (or, with `after`, only what changed
 * since) with its position, then every change in log order.
 */
export function registerLiveViews(app: FastifyInstance, options: LiveViewsOptions): void {
  const { tokenKey, scope, views, now } = options;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const authTimeoutMs = options.authTimeoutMs ?? 10_000;
  const serialised = new WeakMap<Change, Map<string, Promise<string>>>();
  const verdicts = new WeakMap<Change, Map<string, boolean>>();
  // The tree objects the scopes were checked over, numbered: a new tree is a new key.
  const trees = new WeakMap<object, number>();
  let treesSeen = 0;
  const treeId = (tree: object): number => {
    const id = trees.get(tree) ?? ++treesSeen;
    trees.set(tree, id);
    return id;
  };

  // A thousand sockets of one commune's staff ask the same question of each change: answer it once
  // per scope (the policy's check walks the unit tree; per socket it was most of a fan-out's time).
  function inScope(sub: Subscription, change: Change, document: Doc): boolean {
    const byScope = verdicts.get(change) ?? new Map<string, boolean>();
    verdicts.set(change, byScope);
    let verdict = byScope.get(sub.scopeKey);
    if (verdict === undefined) byScope.set(sub.scopeKey, (verdict = sub.scoped.includes(document)));
    return verdict;
  }

  // One change fans out to many sockets: open its sealed fields and serialise it once per role and
  // purpose; each socket only prefixes its subscription id.
  function bodyFor(change: Change, access: Access): Promise<string> {
    const byAccess = serialised.get(change) ?? new Map<string, Promise<string>>();
    serialised.set(change, byAccess);
    const key = `${access.role}|${access.purpose}`;
    let body = byAccess.get(key);
    if (!body) {
      body = (
        change.document ? openDocument(change.document, views.keys, access) : Promise.resolve(null)
      ).then((document) => JSON.stringify({ position: change.position, key: change.key, document }).slice(1));
      byAccess.set(key, body);
    }
    return body;
  }

  const open = new Set<{ close(code: number, reason: string): void }>();
  app.register(async (instance) => {
    // Before the plugin's own hook (which closes without a code): clients learn the service is going.
    instance.addHook('preClose', (done) => {
      for (const socket of open) socket.close(CLOSE.goingAway, 'server shutting down');
      done();
    });
    await instance.register(websocket, { options: { maxPayload: 64 * 1024 } });
    instance.get('/ws', { websocket: true }, (socket, request) => {
      const log = request.log;
      open.add(socket);
      let caller: Caller | null = null;
      let expiresAt = 0;
      let expiryTimer: NodeJS.Timeout | undefined;
      let alive = true;
      const subscriptions = new Map<string, Subscription>();
      // One access record per socket, view and unit, however often the client subscribes again.
      const recorded = new Set<string>();

      const sendText = (text: string): void => {
        if (socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > maxBuffered) {
          log.warn({ caller, buffered: socket.bufferedAmount }, 'live view client too slow; closing');
          socket.close(CLOSE.tooSlow, 'client too slow');
          return;
        }
        socket.send(text);
      };
      const send = (message: unknown): void => sendText(JSON.stringify(message));
      // Changes leave in the order they came, whatever each one takes to open.
      let outbox: Promise<void> = Promise.resolve();

      const stopListening = views.engine.onChange((change) => {
        for (const sub of subscriptions.values()) {
          if (change.view !== sub.projection || change.collection !== sub.collection) continue;
          if (sub.pending) sub.pending.push(change);
          else deliver(sub, change);
        }
      });

      function deliver(sub: Subscription, change: Change): void {
        const position = BigInt(change.position);
        if (position <= (sub.held.get(change.key) ?? sub.floor)) return;
        if (change.document ? !inScope(sub, change, change.document) : !sub.held.has(change.key)) return;
        sub.held.set(change.key, position);
        const body = bodyFor(change, sub.scoped.access);
        const prefix = `{"type":"change","id":${JSON.stringify(sub.id)},`;
        outbox = outbox
          .then(async () => sendText(prefix + (await body)))
          .catch((err: unknown) => {
            log.error({ err }, 'live view change could not be sent');
          });
      }

      async function subscribe(message: Extract<z.infer<typeof ClientMessage>, { type: 'subscribe' }>) {
        if (!caller) throw new HttpProblem(401, 'ERR_UNAUTHENTICATED', 'Chưa đăng nhập');
        const view = VIEWS[message.view]!;
        const at = now();
        const scoped = await viewScope(scope, caller, view, message.unit, at);
        const { tree, who } = await scope.check(caller, at);
        const scopeKey = JSON.stringify([
          treeId(tree),
          who,
          localDateAt(at.toISOString()),
          message.view,
          message.unit ?? null,
          scoped.where,
          scoped.access,
        ]);
        const checkpoint = BigInt(
          (await views.engine.health()).find((h) => h.name === view.projection)?.position ?? '0',
        );
        const after = message.after === undefined ? null : BigInt(message.after);
        const sub: Subscription = {
          id: message.id,
          projection: view.projection,
          collection: view.collection,
          scoped,
          held: new Map(),
          floor: after ?? checkpoint,
          pending: [],
          scopeKey,
        };
        subscriptions.set(message.id, sub);
        const items: Array<{ key: string; position: string; document: Doc }> = [];
        let cursor: string | null = null;
        do {
          const page: Page = await views.documents.find(collectionOf(views, view), {
            where: scoped.where,
            orderBy: { field: view.orderBy, direction: 'asc' },
            limit: 500,
            ...(cursor ? { cursor } : {}),
          });
          for (const item of page.items) {
            // The query selected by unit; each document is still the policy's to show.
            if (!scoped.includes(item.doc)) continue;
            const position = BigInt(item.position);
            sub.held.set(item.id, position);
            if (after !== null && position <= after) continue;
            items.push({ key: item.id, position: item.position, document: item.doc });
          }
          cursor = page.next;
        } while (cursor);
        let position = after ?? checkpoint;
        for (const item of items) if (BigInt(item.position) > position) position = BigInt(item.position);
        if (after === null) sub.floor = position;
        items.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
        const openedItems = await Promise.all(
          items.map(async (item) => ({
            ...item,
            document: await openDocument(item.document, views.keys, scoped.access),
          })),
        );
        // Recorded under the area the server resolved for the caller, never a unit the caller typed.
        const scopeUnit = scoped.scopeUnit;
        const read = `${message.view}\n${message.unit ?? ''}`;
        if (view.personal && !recorded.has(read)) {
          await recordRead(
            options.store,
            caller,
            scoped.access,
            { kind: 'view', target: `ws/${message.view}`, scopeUnit },
            now(),
          );
          recorded.add(read);
        }
        send({
          type: after === null ? 'snapshot' : 'resumed',
          id: sub.id,
          view: message.view,
          position: position.toString(),
          items: openedItems,
        });
        const pending = sub.pending ?? [];
        sub.pending = null;
        for (const change of pending) deliver(sub, change);
      }

      // The session ends with its token; another `auth` on the same socket extends it.
      function armExpiry(): void {
        clearTimeout(expiryTimer);
        const left = expiresAt - Date.now();
        if (left > 0) {
          expiryTimer = setTimeout(armExpiry, Math.min(left, MAX_TIMER_MS));
          return;
        }
        log.info({ caller }, 'live view session expired');
        socket.close(CLOSE.unauthenticated, 'token expired');
      }

      async function onAuth(token: string): Promise<void> {
        let session: Session;
        try {
          session = await verifySession(token, tokenKey, request.server.tokenPolicy);
        } catch (error) {
          const code = error instanceof HttpProblem ? error.code : undefined;
          log.warn({ caller, code }, 'live view authentication refused');
          // A guessed token counts against the client's failed authentications; an expired one does not.
          if (code !== 'ERR_TOKEN_EXPIRED')
            void request.server
              .authFailed?.(request)
              .catch((err: unknown) => log.error({ err }, 'failed authentication not counted'));
          socket.close(CLOSE.unauthenticated, 'unauthenticated');
          return;
        }
        // Subscriptions were scoped for this caller: a renewal may not change who is watching.
        if (caller && !sameIdentity(caller, session.caller)) {
          log.warn({ caller, renewedAs: session.caller }, 'live view renewal as someone else refused');
          socket.close(CLOSE.unauthenticated, 'another identity');
          return;
        }
        caller = session.caller;
        expiresAt = session.expiresAt;
        armExpiry();
        send({
          type: 'ready',
          role: caller.role,
          unit: caller.unit,
          expiresAt: new Date(expiresAt).toISOString(),
        });
      }

      async function onMessage(raw: string): Promise<void> {
        let message: z.infer<typeof ClientMessage>;
        try {
          message = ClientMessage.parse(JSON.parse(raw));
        } catch {
          socket.close(CLOSE.badMessage, 'bad message');
          return;
        }
        if (message.type === 'auth') return onAuth(message.token);
        if (!caller) {
          socket.close(CLOSE.unauthenticated, 'unauthenticated');
          return;
        }
        if (message.type === 'unsubscribe') {
          subscriptions.delete(message.id);
          return;
        }
        if (Date.now() >= expiresAt) {
          send({
            type: 'error',
            id: message.id,
            code: 'ERR_TOKEN_EXPIRED',
            title: 'Phiên đăng nhập đã hết hạn',
          });
          socket.close(CLOSE.unauthenticated, 'token expired');
          return;
        }
        try {
          await subscribe(message);
        } catch (error) {
          subscriptions.delete(message.id);
          const problem = error instanceof HttpProblem ? error : null;
          if (problem?.status === 403)
            log.warn({ caller, view: message.view, unit: message.unit }, 'live view refused');
          else if (!problem) log.error({ err: error }, 'live view subscription failed');
          send({
            type: 'error',
            id: message.id,
            code: problem?.code ?? 'ERR_INTERNAL',
            title: problem?.title ?? 'Lỗi hệ thống',
          });
        }
      }

      const authTimer = setTimeout(() => {
        if (!caller) socket.close(CLOSE.unauthenticated, 'unauthenticated');
      }, authTimeoutMs);
      // A peer that misses one ping interval is gone (a dead link never says so itself).
      const heartbeat = setInterval(() => {
        if (!alive) {
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
      }, heartbeatMs);
      socket.on('pong', () => {
        alive = true;
      });
      // Text frames only: ws hands over a Buffer (or Buffer[] when fragmented).
      // One message at a time, in order: a client may send `subscribe` right behind `auth`.
      let inbox: Promise<void> = Promise.resolve();
      socket.on('message', (data: Buffer | Buffer[]) => {
        const text = Buffer.concat(Array.isArray(data) ? data : [data]).toString('utf8');
        inbox = inbox.then(() => onMessage(text));
      });
      socket.on('close', () => {
        open.delete(socket);
        clearTimeout(authTimer);
        clearTimeout(expiryTimer);
        clearInterval(heartbeat);
        stopListening();
        subscriptions.clear();
      });
    });
  });
}
