import { writeFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { z } from 'zod';
import { recordRead } from '@dacxa/api';
import { ORG_UNITS_STREAM } from '@dacxa/commands';
import { localDateAt } from '@dacxa/domain';
import type { EventStore, Position } from '@dacxa/event-store';
import {
  REPORTS,
  createTreeFold,
  defaultPeriod,
  formatNumber,
  generateReport,
  latestCompletePeriod,
  resolvePosition,
  widestUnit,
} from '@dacxa/reports';
import { openStores, type Config } from '@dacxa/runtime';
import { operatorMeta } from './erase.js';

/** What `dacxa report <id>` was given. */
export interface ReportOptions {
  unit?: string;
  period?: string;
  at?: string;
  format: string;
  out?: string;
  deputy?: boolean;
  signer?: string;
  actor?: string;
}

/** `dacxa report list`: each report kind, one a line, its id first. */
export function listReports(print: (line: string) => void): void {
  for (const report of Object.values(REPORTS)) print(`${report.id}\t${report.title}`);
}

/** The widest unit of the tree as the log had it at `at`: the default `--unit`. */
async function defaultUnit(store: EventStore, at: Position, today: string): Promise<string> {
  const tree = createTreeFold();
  for await (const event of store.readStream(ORG_UNITS_STREAM)) if (event.position <= at) tree.visit(event);
  const widest = widestUnit(tree.tree, today);
  if (!widest) throw Object.assign(new Error('Cây đơn vị trống: cần --unit'), { code: 'ERR_UNKNOWN_UNIT' });
  return widest;
}

const Options = z.object({
  id: z.string().refine((id) => Object.hasOwn(REPORTS, id), 'không có loại báo cáo này (dacxa report list)'),
  at: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, '--at là một vị trí của nhật ký')
    .transform(BigInt)
    .optional(),
  format: z.enum(['docx', 'xlsx', 'json']),
  out: z.string().min(1, '--out <tệp> là bắt buộc'),
});

/**
 * `dacxa report <id>`: one report computed at `--at` (the head when left out) for `--unit` (the
 * widest unit of the tree) and `--period` (the latest complete quarter), written to `--out`, the
 * read recorded in the access log. Progress goes to stderr every 2 s on a large log.
 */
export async function runReport(
  config: Config,
  logger: Logger,
  id: string,
  o: ReportOptions,
  print: (line: string) => void,
): Promise<void> {
  const parsed = Options.parse({ id, at: o.at, format: o.format, out: o.out ?? '' });
  const meta = operatorMeta(o.actor);
  const today = localDateAt(meta.now);
  const stores = await openStores(config, logger);
  try {
    const at = await resolvePosition(stores.store, parsed.at);
    const unit = o.unit ?? (await defaultUnit(stores.store, at, today));
    const def = Object.hasOwn(REPORTS, id) ? REPORTS[id] : undefined;
    // Each report's own default: the latest complete month, quarter or year it is made for.
    const period =
      o.period ?? (def ? defaultPeriod(def, today).code : latestCompletePeriod('quarter', today).code);
    let shown = Date.now();
    const report = await generateReport(stores.store, {
      id,
      unit,
      period,
      at,
      format: parsed.format,
      generatedAt: new Date(meta.now),
      signer: { deputy: o.deputy === true, name: o.signer ?? null },
      onProgress: ({ events, position }) => {
        if (Date.now() - shown < 2000) return;
        shown = Date.now();
        process.stderr.write(`… đã đọc ${formatNumber(events)} sự kiện (vị trí ${position}/${at})\n`);
      },
    });
    await recordRead(
      stores.store,
      meta,
      { role: meta.role, purpose: 'case-management', inScope: true },
      {
        kind: 'export',
        target: `reports/${id}?unit=${unit}&period=${period}&at=${report.position}`,
        scopeUnit: unit,
      },
      new Date(meta.now),
    );
    writeFileSync(parsed.out, report.bytes, { mode: 0o600 });
    print(`Đã ghi ${parsed.out}: ${id}, đơn vị ${unit}, kỳ ${period}, tính đến vị trí ${report.position}.`);
  } finally {
    await stores.close();
  }
}
