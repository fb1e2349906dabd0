import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DataKeys } from '@dacxa/protection';
import { openDocument } from '@dacxa/protection';
import type { DocumentStore, ProjectionEngine } from '@dacxa/read-models';
import { accessFor } from './accessFor.js';
import { authenticate, type TokenKey } from './auth.js';
import { HttpProblem } from './problems.js';

export interface ViewsOptions {
  engine: ProjectionEngine;
  documents: DocumentStore;
  keys: DataKeys;
}

/** How long a read waits for `minPosition` before answering 504. */
const CATCH_UP_MS = 5_000;

const CaseFilesQuery = z
  .object({
    communeCode: z.string().min(1),
    status: z.enum(['expected', 'received', 'supervised', 'transferredOut', 'closed']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).optional(),
    minPosition: z
      .string()
      .regex(/^\d+$/, 'minPosition là vị trí trả về khi ghi (a position from a write reply)')
      .transform(BigInt)
      .optional(),
  })
  .strict();

/**
 * The case-file board of one commune, paged, opened for the caller's role: the view a commune's
 * police and chair work from. `minPosition` waits until the view reflects the caller's own write.
 */
export function registerCaseFilesRoute(app: FastifyInstance, tokenKey: TokenKey, views: ViewsOptions): void {
  app.get('/views/case-files', async (request) => {
    const caller = await authenticate(request, tokenKey);
    const query = CaseFilesQuery.parse(request.query);
    const access = accessFor(caller, query.communeCode);
    if (!access.inScope)
      throw new HttpProblem(403, 'ERR_FORBIDDEN', 'Xã này không thuộc phạm vi đơn vị của bạn');
    if (query.minPosition !== undefined)
      await views.engine.waitFor(query.minPosition, CATCH_UP_MS, 'case-files');
    let collection: string;
    try {
      collection = views.engine.collection('case-files', 'case_files');
    } catch {
      throw new HttpProblem(503, 'ERR_VIEW_NOT_READY', 'Dữ liệu đang được dựng, vui lòng thử lại sau');
    }
    const page = await views.documents.find(collection, {
      where: { communeCode: query.communeCode, ...(query.status ? { status: query.status } : {}) },
      orderBy: { field: 'caseId', direction: 'asc' },
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    const items = await Promise.all(page.items.map((item) => openDocument(item.doc, views.keys, access)));
    return { items, next: page.next };
  });
}
