import type { Logger } from 'pino';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  exportBundle,
  parseTlogPolicy,
  type CheckpointSource,
  parseSavedHead,
  proveConsistency,
  verifyBundle,
  verifyInclusion,
  verifyTreeHead,
  type ExportFilter,
  type Ledger,
  type Manifest,
  type TreeHead,
} from '@dacxa/audit';
import { createUnitScope, recordRead, type Caller } from '@dacxa/api';
import { createOrgTree } from '@dacxa/commands';
import { openCosigner, openLedger, openStores, type Config, type Stores } from '@dacxa/runtime';

const percent = (read: number, total: number) => `${Math.floor((read / Math.max(total, 1)) * 100)}%`;

/** Opens the store, reads the whole log into the ledger, and runs `work` with both. */
export async function withLedger<T>(
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

const WHAT: Record<Manifest['kind'], (m: Manifest) => string> = {
  complete: () => ' (toàn bộ nhật ký)',
  disclosure: (m) =>
    ` (trọn ${m.streams.length} luồng, mỗi luồng kèm đầu luồng đã ký` +
    (m.continuations.length
      ? `; gồm ${m.continuations.map((c) => c.stream).join(', ')} tiếp nối sau chuyển nơi cư trú`
      : '') +
    ')',
  selection: () => ' (chọn lọc, kèm bằng chứng bao hàm cho từng sự kiện)',
};

/**
 * `dacxa export`: a bundle cut at a tree head covering the log as it stands (signed now when
 * none does), with progress. `unit` selects that unit and every unit under it in the
 * organisation tree (a province: its communes).
 */
export async function runExport(
  config: Config,
  logger: Logger,
  dir: string,
  request: { unit?: string; filter: Omit<ExportFilter, 'units'> },
  out: (line: string) => void,
  /** The log's published (cosigned) checkpoints; without one the bundle's checkpoint is the log's alone. */
  checkpoints?: CheckpointSource,
): Promise<void> {
  await withLedger(config, logger, out, async (stores, { ledger, signer }) => {
    // With a witness policy configured, the bundle's checkpoint is one its quorum cosigned now.
    const source =
      checkpoints ??
      (config.DACXA_WITNESS_POLICY ? openCosigner(config, ledger, signer, logger).cosigner : undefined);
    const filter: ExportFilter = {
      ...request.filter,
      ...(request.unit
        ? { units: await createUnitScope(createOrgTree(stores.store)).unitsUnder(request.unit, new Date()) }
        : {}),
    };
    let last = '';
    const manifest = await exportBundle({
      events: stores.store,
      ledger,
      signer,
      dir,
      filter,
      ...(source ? { checkpoints: source } : { origin: config.DACXA_LOG_ORIGIN }),
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
        WHAT[manifest.kind](manifest),
    );
    out(
      source
        ? 'Gói kèm điểm kiểm tra C2SP đã được nhân chứng ký xác nhận (checkpoint cosigned by the witnesses).'
        : 'Lưu ý: gói kèm điểm kiểm tra chỉ do nhật ký ký, chưa có nhân chứng nào ký xác nhận (quorum none: no witness cosigned the checkpoint).',
    );
  });
}

const PROVEN: Record<Manifest['kind'], string> = {
  complete: 'đủ toàn bộ nhật ký, không thiếu, không thêm, không đảo thứ tự.',
  disclosure:
    'mỗi luồng đủ từ sự kiện đầu đến đầu luồng đã ký, không có sự kiện của ai khác; mọi bằng chứng bao hàm đúng.',
  selection:
    'mọi sự kiện đúng bộ lọc đã ký và mọi bằng chứng bao hàm đúng (gói chọn lọc: không chứng minh là đủ).',
};

/** `dacxa verify <bundle>`: offline, without the database; the first failure with its position. */
export async function runVerify(
  dir: string,
  publicKeyFile: string | undefined,
  out: (line: string) => void,
  policyFile?: string,
): Promise<boolean> {
  const report = await verifyBundle(dir, {
    ...(publicKeyFile ? { trustedPublicKeyPem: readFileSync(publicKeyFile, 'utf8') } : {}),
    ...(policyFile ? { policy: parseTlogPolicy(readFileSync(policyFile, 'utf8')) } : {}),
    onProgress: (n) => out(`  … ${n.toLocaleString('vi-VN')} sự kiện đã kiểm tra`),
  });
  if (report.ok) {
    out(
      `Hợp lệ: ${report.events.toLocaleString('vi-VN')} sự kiện, ${report.streams} luồng; bản kê, tệp CSV và chữ ký gốc cây ` +
        `(khóa ${report.treeHead.keyId}, kích thước ${report.treeHead.treeSize}, ký lúc ${report.treeHead.signedAt}) đúng; ` +
        PROVEN[report.kind],
    );
    if (report.relabelled.length)
      out(
        `Lưu ý: nhãn tiếng Việt trong CSV khác danh mục sự kiện (docs/events.md) ở: ${report.relabelled.join(', ')}.`,
      );
    if (report.checkpoint?.policy)
      out(
        `Điểm kiểm tra (kích thước ${report.checkpoint.treeSize}) đúng chính sách nhân chứng; đã ký xác nhận: ${report.checkpoint.witnesses.join(', ') || 'không ai (quorum none)'}.`,
      );
    else
      out(
        'Lưu ý: chưa áp dụng chính sách nhân chứng nào (no witness policy applied: --policy); ' +
          (report.checkpoint
            ? 'điểm kiểm tra chỉ được đối chiếu với khóa nhật ký.'
            : 'gói không kèm điểm kiểm tra.'),
      );
    if (!publicKeyFile && !policyFile)
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

export interface ProofRequest {
  position?: string;
  /** The auditor's saved checkpoint: a file holding the signed head it last accepted. */
  from?: string;
  /** A newer head: its size (a head signed at that size) or a file; by default one covering the log now. */
  to?: string;
  publicKey?: string;
  /** Where to write the new head once consistency holds: the auditor's next checkpoint. */
  save?: string;
}

/** `dacxa proof`: an inclusion proof, or consistency from a saved checkpoint, checked before it is printed. */
export async function runProof(
  config: Config,
  logger: Logger,
  request: ProofRequest,
  out: (line: string) => void,
): Promise<boolean> {
  return withLedger(
    config,
    logger,
    () => undefined,
    async (_stores, { ledger, signer }) => {
      const trusted = request.publicKey ? readFileSync(request.publicKey, 'utf8') : signer.publicKeyPem;
      return request.position !== undefined
        ? inclusion(ledger, request.position, out)
        : consistency(ledger, trusted, request, out);
    },
  );
}

async function inclusion(ledger: Ledger, position: string, out: (line: string) => void): Promise<boolean> {
  const head = await ledger.headCovering();
  const hex = (h: string) => Buffer.from(h, 'hex');
  const leafIndex = ledger.leafIndexOf(BigInt(position));
  if (leafIndex < 0 || leafIndex >= head.treeSize) {
    out(`Vị trí ${position} không nằm trong cây đã ký (kích thước ${head.treeSize}).`);
    return false;
  }
  const proof = ledger.inclusion(leafIndex, head.treeSize);
  const leafHash = ledger.leafHashAt(leafIndex);
  const ok = verifyInclusion(
    leafIndex,
    head.treeSize,
    hex(leafHash),
    proof.proof.map(hex),
    hex(head.rootHash),
  );
  out(JSON.stringify({ position, leafHash, ...proof, treeHead: head, verified: ok }, null, 2));
  return ok;
}

async function consistency(
  ledger: Ledger,
  trusted: string,
  request: ProofRequest,
  out: (line: string) => void,
): Promise<boolean> {
  if (request.from === undefined || /^\d+$/.test(request.from)) {
    out(
      'Cần tệp gốc cây đã lưu (--from <tệp>: tree-head.json của gói trước, hoặc tệp --save lần trước): ' +
        'tính nhất quán phải so với gốc kiểm toán viên giữ, không phải gốc máy chủ chọn.',
    );
    return false;
  }
  const saved = parseSavedHead(readFileSync(request.from, 'utf8'));
  const to: TreeHead | undefined =
    request.to === undefined
      ? await ledger.headCovering()
      : /^\d+$/.test(request.to)
        ? ledger.heads().find((h) => h.treeSize === Number(request.to))
        : parseSavedHead(readFileSync(request.to, 'utf8'));
  const unsigned = [saved, to].find((h) => !h || !verifyTreeHead(h, trusted));
  if (!to || unsigned) {
    out(
      `Gốc cây ${unsigned === saved ? 'đã lưu' : 'mới'} không có chữ ký hợp lệ của khóa tin cậy, hoặc không có gốc đã ký ở kích thước ${request.to}.`,
    );
    return false;
  }
  if (saved.treeSize > to.treeSize || to.treeSize > ledger.size) {
    out(
      `Không thể chứng minh từ kích thước ${saved.treeSize} đến ${to.treeSize} (nhật ký có ${ledger.size}).`,
    );
    return false;
  }
  const check = proveConsistency(ledger, saved, to);
  if (!check.consistent)
    out(
      `KHÔNG NHẤT QUÁN: lịch sử đến kích thước ${saved.treeSize} không còn như gốc cây đã lưu (ký lúc ${saved.signedAt}).`,
    );
  else if (request.save) {
    writeFileSync(request.save, `${JSON.stringify(to, null, 2)}\n`);
    out(
      `Đã lưu gốc cây mới (kích thước ${to.treeSize}) vào ${request.save}: lần sau hãy đòi nhất quán từ gốc này.`,
    );
  }
  out(JSON.stringify({ from: saved, to, proof: check.proof, verified: check.consistent }, null, 2));
  return check.consistent;
}
