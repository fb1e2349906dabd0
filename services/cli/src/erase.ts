import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Logger } from 'pino';
import { z } from 'zod';
import { DocRef, LegalRef, localDateAt, type CommandMeta } from '@dacxa/domain';
import { ErasureReason, approveErasure, proposeErasure } from '@dacxa/protection';
import { openStores, type Config } from '@dacxa/runtime';

/** What `dacxa erase` was given: approve `request`, or propose with the basis and the document. */
export interface EraseOptions {
  person: string;
  request?: string;
  propose?: boolean;
  reason?: string;
  basis?: string;
  document?: string;
  documentDate?: string;
  actor?: string;
}

/** The operator at the machine, as the log names them: an administrator of the system unit. */
export const operatorMeta = (actor: string | undefined): CommandMeta => ({
  actor: actor ?? userInfo().username,
  role: 'admin',
  unit: 'he-thong',
  now: new Date().toISOString(),
});

/** An error a person reads on stderr, with its code, never a stack trace; exit 2 as for `fail` in main.ts. */
export async function reportingErrors(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const invalid = error instanceof z.ZodError;
    const code = invalid ? 'ERR_VALIDATION' : ((error as { code?: string }).code ?? 'ERR_UNEXPECTED');
    const message = invalid ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    process.stderr.write(`Lỗi [${code}]: ${message}\n`);
    process.exitCode = 2;
  }
}

const Proposal = z.object({
  reason: ErasureReason,
  legalBasis: LegalRef.strict(),
  document: DocRef,
});

/**
 * `dacxa erase`: approves a proposed erasure (`--request`), which records the approval and
 * `PersonalDataErased` and destroys the data key, or proposes one (`--propose`). The proposer can
 * never approve: the four-eyes rule holds at the machine as over HTTP.
 */
export async function runErase(
  config: Config,
  logger: Logger,
  o: EraseOptions,
  print: (line: string) => void,
) {
  const personId = z.uuid().parse(o.person);
  const meta = operatorMeta(o.actor);
  const stores = await openStores(config, logger);
  try {
    if (o.request) {
      const requestId = z.uuid().parse(o.request);
      const done = await approveErasure(
        stores.store,
        stores.keys,
        { requestId, personId, approvedOn: localDateAt(meta.now) },
        meta,
      );
      print(
        `Đã xóa dữ liệu cá nhân của ${personId} theo đề nghị ${requestId} (người đề nghị: ${done.proposedBy.actor}).`,
      );
      return;
    }
    if (!o.propose)
      throw new z.ZodError([
        { code: 'custom', path: ['request'], message: 'cần --request <mã> hoặc --propose', input: undefined },
      ]);
    const [source, article] = (o.basis ?? '').split(':', 2);
    const body = Proposal.parse({
      reason: o.reason,
      legalBasis: { source, article },
      document: { number: o.document, date: o.documentDate ?? localDateAt(meta.now) },
    });
    const requestId = randomUUID();
    await proposeErasure(
      stores.store,
      stores.keys,
      { ...body, requestId, personId, requestedOn: localDateAt(meta.now) },
      meta,
    );
    print(
      `Đã ghi đề nghị xóa ${requestId}; cần một người khác phê duyệt: dacxa erase --person ${personId} --request ${requestId}`,
    );
  } finally {
    await stores.close();
  }
}
