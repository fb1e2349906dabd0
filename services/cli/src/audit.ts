import type { Logger } from 'pino';
import {
  exportBundle,
  verifyBundle,
  verifyConsistency,
  verifyInclusion,
  type ExportFilter,
} from '@dacxa/audit';
import { createUnitScope, recordRead, type Caller } from '@dacxa/api';
import { createOrgTree } from '@dacxa/commands';
import { openLedger, openStores, type Config, type Stores } from '@dacxa/runtime';
import { readFileSync } from 'node:fs';

const percent = (read: number, total: number) => `${Math.floor((read / Math.max(total, 1)) * 100)}%`;

/** Opens the store, reads the whole log into the ledger, and runs `work` with both. */
async function withLedger<T>(
  config: Config,
  logger: Logger,
  out: (line: string) => void,
  work: (stores: Stores, opened: ReturnType<typeof openLedger>) => Promise<T>,
): Promise<T> {
  const stores = await openStores(config, logger);
  const opened = openLedger(config, stores, logger, 'signs');
  try {
    opened.ledger.start();
    out('Đang dựng cây Merkle từ nhật ký…');
    await opened.ledger.caughtUp(24 * 3600_000);
    return await work(stores, opened);
  } finally {
    await opened.ledger.stop();
    await stores.close();
  }
}

/** The operator running the CLI, as the access log names them. */
const OPERATOR: Caller = { actor: process.env.USER ?? 'dacxa-cli', role: 'admin', unit: 'he-thong' };

/**
 * `dacxa export`: a bundle cut at a tree head signed now, with progress. `unit` selects that unit
 * and every unit under it in the organisation tree (a province: its communes).
 */
export async function runExport(
  config: Config,
  logger: Logger,
  dir: string,
  request: { unit?: string; filter: Omit<ExportFilter, 'units'> },
  out: (line: string) => void,
): Promise<void> {
  await withLedger(config, logger, out, async (stores, { ledger, signer }) => {
    const filter: ExportFilter = {
      ...request.filter,
      ...(request.unit
        ? { units: await createUnitScope(createOrgTree(stores.store)).unitsUnder(request.unit, new Date()) }
        : {}),
    };
    await ledger.signNow();
    await ledger.caughtUp();
    let last = '';
    const manifest = await exportBundle({
      events: stores.store,
      ledger,
      publicKeyPem: signer.publicKeyPem,
      dir,
      filter,
      onProgress: (read, total) => {
        const shown = percent(read, total);
        if (shown !== last)
          out(`  … ${read.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} sự kiện (${shown})`);
        last = shown;
      },
    });
    // The export is itself a read of people's records: it goes in the access log like any other.
    await recordRead(
      stores.store,
      OPERATOR,
      { role: OPERATOR.role, purpose: 'oversight', inScope: true },
      {
        kind: 'export',
        target: `export ${JSON.stringify(request)}`.slice(0, 300),
        scopeUnit: request.unit ?? OPERATOR.unit,
      },
      new Date(),
    );
    out(
      `Đã xuất ${manifest.counts.events.toLocaleString('vi-VN')} sự kiện (${manifest.counts.streams} luồng) vào ${dir}, ` +
        `cắt tại gốc cây đã ký: kích thước ${manifest.treeHead.treeSize}, gốc ${manifest.treeHead.rootHash.slice(0, 16)}…` +
        (manifest.complete ? ' (toàn bộ nhật ký)' : ' (kèm bằng chứng bao hàm cho từng sự kiện)'),
    );
  });
}

/** `dacxa verify <bundle>`: offline, without the database; the first failure with its position. */
export async function runVerify(
  dir: string,
  publicKeyFile: string | undefined,
  out: (line: string) => void,
): Promise<boolean> {
  const report = await verifyBundle(dir, {
    ...(publicKeyFile ? { trustedPublicKeyPem: readFileSync(publicKeyFile, 'utf8') } : {}),
    onProgress: (n) => out(`  … ${n.toLocaleString('vi-VN')} sự kiện đã kiểm tra`),
  });
  if (report.ok) {
    out(
      `Hợp lệ: ${report.events.toLocaleString('vi-VN')} sự kiện, ${report.streams} luồng; chữ ký gốc cây (khóa ${report.treeHead.keyId}) đúng; ` +
        (report.complete
          ? 'đủ toàn bộ nhật ký, không thiếu, không thêm, không đảo thứ tự.'
          : 'mọi bằng chứng bao hàm đúng.'),
    );
    if (!publicKeyFile)
      out('Lưu ý: đã dùng khóa công khai trong gói; hãy đối chiếu với khóa công bố (--public-key).');
    return true;
  }
  const { failure } = report;
  out(
    `KHÔNG HỢP LỆ (${failure.reason})` +
      (failure.position ? ` tại vị trí ${failure.position}` : '') +
      (failure.leafIndex !== null ? ` (lá ${failure.leafIndex})` : '') +
      `: ${failure.message}`,
  );
  return false;
}

/** `dacxa proof`: an inclusion or consistency proof from the local log, checked before it is printed. */
export async function runProof(
  config: Config,
  logger: Logger,
  request: { position?: string; from?: number; to?: number },
  out: (line: string) => void,
): Promise<boolean> {
  return withLedger(
    config,
    logger,
    () => undefined,
    async (_stores, { ledger }) => {
      const head = ledger.latestHead();
      if (!head) {
        out('Chưa có gốc cây nào được ký.');
        return false;
      }
      const hex = (h: string) => Buffer.from(h, 'hex');
      if (request.position !== undefined) {
        const leafIndex = ledger.leafIndexOf(BigInt(request.position));
        if (leafIndex < 0 || leafIndex >= head.treeSize) {
          out(`Vị trí ${request.position} không nằm trong cây đã ký (kích thước ${head.treeSize}).`);
          return false;
        }
        const proof = ledger.inclusion(leafIndex, head.treeSize);
        const ok = verifyInclusion(
          leafIndex,
          head.treeSize,
          hex(ledger.leafHashAt(leafIndex)),
          proof.proof.map(hex),
          hex(head.rootHash),
        );
        out(
          JSON.stringify(
            {
              position: request.position,
              leafHash: ledger.leafHashAt(leafIndex),
              ...proof,
              treeHead: head,
              verified: ok,
            },
            null,
            2,
          ),
        );
        return ok;
      }
      const from = request.from ?? 1;
      const to = request.to ?? head.treeSize;
      const proof = ledger.consistency(from, to);
      const ok = verifyConsistency(from, to, hex(ledger.root(from)), hex(ledger.root(to)), proof.map(hex));
      out(
        JSON.stringify(
          { from, to, fromRoot: ledger.root(from), toRoot: ledger.root(to), proof, verified: ok },
          null,
          2,
        ),
      );
      return ok;
    },
  );
}
