import type { FastifyInstance } from 'fastify';
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
import { authenticate, type TokenKey } from './auth.js';
import { HttpProblem } from './problems.js';
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

  app.get('/audit/public-key', async () => ({
    keyId: options.keyId,
    publicKeyPem: options.publicKeyPem,
    ...(options.checkpoints
      ? { origin: options.checkpoints.origin, vkey: options.checkpoints.verifierKey }
      : {}),
  }));

  // The latest checkpoint the witnesses' quorum has cosigned: never one it has not.
  app.get('/checkpoint', async (_request, reply) => {
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
  });

  app.get('/audit/tree-heads', async (request) => {
    const { limit } = z
      .object({ limit: z.coerce.number().int().min(1).max(1000).default(20) })
      .parse(request.query);
    return { treeHeads: [...ledger.heads()].reverse().slice(0, limit) };
  });

  app.get('/audit/proofs/inclusion', async (request) => {
    await authenticate(request, tokenKey);
    const query = z.object({ position: Position, treeSize: Size.optional() }).strict().parse(request.query);
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
  });

  // Consistency from the head the auditor saved (its size and root as they hold them) to a signed
  // head: the proof is checked against the saved root, never against the root this log has now.
  app.get('/audit/proofs/consistency', async (request) => {
    await authenticate(request, tokenKey);
    const query = z
      .object({ from: Size, fromRoot: Hex32, to: Size.optional() })
      .strict()
      .parse(request.query);
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
    return check;
  });

  app.get('/audit/access-log', async (request) => {
    const caller = await authenticate(request, tokenKey);
    const query = z
      .object({
        unit: z.string().min(1).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      })
      .strict()
      .parse(request.query);
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
  });
}
