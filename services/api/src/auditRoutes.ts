import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  proveConsistency,
  type CheckpointSource,
  type CosignerHealth,
  type Ledger,
  type TreeHead,
} from '@dacxa/audit';
import type { EventStore } from '@dacxa/event-store';
import { ensureAuditReader } from './auditReaders.js';
import type { TokenKey } from './auth.js';
import { AccessLog, Consistency, Inclusion, PublicKey, TreeHeads } from './auditSchemas.js';
import { callerOf, requireCaller } from './callerHook.js';
import { HttpProblem } from './problems.js';
import { problems } from './problemSchema.js';
import { accessStream } from './recordRead.js';
import type { UnitScope } from './unitScope.js';

export interface AuditOptions {
  ledger: Ledger;
  publicKeyPem: string;
  keyId: string;
  /** The log's C2SP identity (its origin line, its verifier key) and its published checkpoints. */
  checkpoints?: {
    origin: string;
    verifierKey: string;
    published: CheckpointSource;
    /** Where the witnesses stand, for /health. */
    health?: () => CosignerHealth;
  };
}

const Position = z.string().regex(/^\d+$/, 'một vị trí trong nhật ký (a log position)').transform(BigInt);
const Size = z.coerce.number().int().min(1);
const TAG = 'Kiểm toán (audit)';
const Hex32 = z.string().regex(/^[0-9a-f]{64}$/, 'một mã băm 64 chữ số hex thường (a lowercase hex SHA-256)');

/**
 * The ledger over HTTP: the public key and the signed tree heads (public, so that anyone can
 * check what they were shown), inclusion proofs, consistency from a checkpoint the auditor saved,
 * and the access log of an area.
 */
export function registerAuditRoutes(
  app: FastifyInstance,
  options: AuditOptions & { tokenKey: TokenKey; scope: UnitScope; store: EventStore; now: () => Date },
): void {
  const { ledger, tokenKey, scope, store, now } = options;
  const headAt = (size: number): TreeHead | null => ledger.heads().find((h) => h.treeSize === size) ?? null;

  const api = app.withTypeProvider<ZodTypeProvider>();
  const open = { tags: [TAG], security: [] };
  const closed = { tags: [TAG], preValidation: requireCaller(tokenKey) };
  api.get(
    '/audit/public-key',
    {
      schema: {
        ...open,
        operationId: 'audit.publicKey',
        summary: 'Khóa công khai ký gốc cây',
        description: 'The Ed25519 public key (PEM) and its key id',
        response: { 200: PublicKey, ...problems() },
      },
    },
    async () => ({
      keyId: options.keyId,
      publicKeyPem: options.publicKeyPem,
      ...(options.checkpoints
        ? { origin: options.checkpoints.origin, vkey: options.checkpoints.verifierKey }
        : {}),
    }),
  );

  // The latest checkpoint the witnesses' quorum has cosigned: never one it has not.
  api.get(
    '/checkpoint',
    {
      schema: {
        ...open,
        operationId: 'audit.checkpoint',
        summary: 'Điểm kiểm tra C2SP',
        description: 'The latest signed head as a C2SP checkpoint note (text/plain; docs/witnesses.md)',
        response: {
          200: { description: 'the checkpoint note', content: { 'text/plain': { schema: z.string() } } },
          ...problems(503),
        },
      },
    },
    async (_request, reply) => {
      const published = options.checkpoints?.published.latest();
      if (!published)
        throw new HttpProblem(
          503,
          'ERR_NO_CHECKPOINT',
          'Chưa có điểm kiểm tra nào được các nhân chứng đồng ký',
          'no checkpoint cosigned by the witnesses’ quorum yet; see /health',
        );
      // Mutable: a client must not cache it beyond a few seconds (c2sp.org/tlog-tiles).
      return reply.header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(published.note);
    },
  );

  api.get(
    '/audit/tree-heads',
    {
      schema: {
        ...open,
        operationId: 'audit.treeHeads',
        summary: 'Các gốc cây đã ký',
        description: 'Signed tree heads, newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(20) }),
        response: { 200: TreeHeads, ...problems(400) },
      },
    },
    async (request) => {
      const { limit } = request.query;
      return { treeHeads: [...ledger.heads()].reverse().slice(0, limit) };
    },
  );

  api.get(
    '/audit/proofs/inclusion',
    {
      preValidation: closed.preValidation,
      schema: {
        tags: closed.tags,
        operationId: 'audit.inclusion',
        summary: 'Bằng chứng bao hàm',
        description: 'RFC 9162 audit path of the event at a position',
        querystring: z
          .object({
            position: Position.describe('the event’s log position'),
            treeSize: Size.optional().describe('a signed head’s size (default: the newest)'),
          })
          .strict(),
        response: { 200: Inclusion, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const query = request.query;
      const treeSize = query.treeSize ?? ledger.latestHead()?.treeSize;
      if (!treeSize) throw new HttpProblem(404, 'ERR_NO_TREE_HEAD', 'Chưa có gốc cây nào được ký');
      const leafIndex = ledger.leafIndexOf(query.position);
      if (leafIndex < 0 || leafIndex >= treeSize || treeSize > ledger.size)
        throw new HttpProblem(404, 'ERR_NOT_IN_TREE', 'Sự kiện này không nằm trong cây ở kích thước đã chọn');
      return {
        position: query.position.toString(),
        leafHash: ledger.leafHashAt(leafIndex),
        ...ledger.inclusion(leafIndex, treeSize),
        treeHead: headAt(treeSize),
      };
    },
  );

  // Consistency from the head the auditor saved (its size and root as they hold them) to a signed
  // head: the proof is checked against the saved root, never against the root this log has now.
  api.get(
    '/audit/proofs/consistency',
    {
      preValidation: closed.preValidation,
      schema: {
        tags: closed.tags,
        operationId: 'audit.consistency',
        summary: 'Bằng chứng nhất quán',
        description:
          'RFC 9162 consistency proof from a head the auditor saved (from, fromRoot) to a signed head (to, default: the newest); 409 when the saved root is not in this history',
        querystring: z
          .object({
            from: Size.describe('the saved head’s size'),
            fromRoot: Hex32.describe('the saved head’s root'),
            to: Size.optional().describe('a signed head’s size (default: the newest)'),
          })
          .strict(),
        response: { 200: Consistency, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const query = request.query;
      const to = query.to === undefined ? ledger.latestHead() : headAt(query.to);
      if (!to) throw new HttpProblem(404, 'ERR_NO_TREE_HEAD', 'Không có gốc cây đã ký ở kích thước này');
      if (query.from > to.treeSize || to.treeSize > ledger.size)
        throw new HttpProblem(
          400,
          'ERR_BAD_RANGE',
          'Khoảng kích thước cây không hợp lệ',
          `from ${query.from} to ${to.treeSize}`,
        );
      const check = proveConsistency(ledger, { treeSize: query.from, rootHash: query.fromRoot }, to);
      if (!check.consistent)
        throw new HttpProblem(
          409,
          'ERR_INCONSISTENT_HISTORY',
          'Gốc cây đã lưu không nhất quán với nhật ký: lịch sử đến kích thước đó không còn như gốc đã lưu',
          `saved root at ${query.from}: ${query.fromRoot}; this log's tree at ${query.from}: ${ledger.root(query.from)}`,
        );
      return check as z.output<typeof Consistency>;
    },
  );

  api.get(
    '/audit/access-log',
    {
      preValidation: closed.preValidation,
      schema: {
        tags: closed.tags,
        operationId: 'audit.accessLog',
        summary: 'Nhật ký truy cập hồ sơ',
        description: 'Who read which records in an area (oversight bodies, auditors)',
        querystring: z
          .object({
            unit: z
              .string()
              .min(1)
              .optional()
              .describe('an area inside the caller’s (default: the caller’s unit)'),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          })
          .strict(),
        response: { 200: AccessLog, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const query = request.query;
      const unit = query.unit ?? caller.unit;
      await ensureAuditReader(
        scope,
        caller,
        unit,
        now(),
        'Chỉ cơ quan giám sát xem nhật ký truy cập của địa bàn mình',
      );
      const entries = [];
      // Offices share their area's stream (access-<area>): read each stream once.
      const streams = new Set((await scope.unitsUnder(unit, now())).map(accessStream));
      for (const stream of streams) {
        for await (const event of store.readStream(stream, { direction: 'backwards' })) {
          entries.push({ position: event.position.toString(), ...event.metadata, ...(event.data as object) });
          if (entries.length >= query.limit * 4) break;
        }
      }
      entries.sort((a, b) => (BigInt(a.position) > BigInt(b.position) ? -1 : 1));
      return { unit, entries: entries.slice(0, query.limit) };
    },
  );
}
