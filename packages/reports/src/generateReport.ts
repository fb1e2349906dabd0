import type { EventStore, Position } from '@dacxa/event-store';
import { REPORTS, type ReportData, type ReportDefinition } from './definitions.js';
import type { Signer } from './document.js';
import { ReportError } from './errors.js';
import type { OpenPeople } from './mau01.js';
import { parsePeriod } from './period.js';
import { renderDocx } from './renderDocx.js';
import { renderXlsx } from './renderXlsx.js';
import { withEntryTimes } from './zipTimes.js';
import { resolvePosition, type ScanProgress } from './scanLog.js';

/** The formats a report is served in: the editable document, the tables, or the computed data. */
export type ReportFormat = 'docx' | 'xlsx' | 'json';

export interface GenerateOptions {
  id: string;
  unit: string;
  period: string;
  /** The position to compute at; the log's head when absent. */
  at?: Position;
  format: ReportFormat;
  /** When the file is made: its only part that changes between reproductions. */
  generatedAt: Date;
  signer?: Signer;
  /** For a report with names: opens the people under the reader's access (and logs the read). */
  openPeople?: OpenPeople;
  onProgress?: (progress: ScanProgress) => void;
}

export interface GeneratedReport {
  data: ReportData;
  position: Position;
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPE: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** A report kind by id, or ERR_UNKNOWN_REPORT. */
export function reportDefinition(id: string): ReportDefinition {
  const found = Object.hasOwn(REPORTS, id) ? REPORTS[id] : undefined;
  if (!found)
    throw new ReportError(
      'ERR_UNKNOWN_REPORT',
      `Không có loại báo cáo ${id.slice(0, 60)}`,
      'unknown report id',
    );
  return found;
}

/** The computed data as JSON: the same figures the documents show, with the position. */
const asJson = (data: ReportData) => Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');

/** Computes a report at a position and renders it; the same position gives the same figures. */
export async function generateReport(store: EventStore, o: GenerateOptions): Promise<GeneratedReport> {
  const definition = reportDefinition(o.id);
  const period = parsePeriod(o.period);
  if (!definition.periodKinds.includes(period.kind))
    throw new ReportError(
      'ERR_BAD_PERIOD',
      `Báo cáo ${o.id} không có kỳ ${o.period}`,
      'period kind not offered',
    );
  const position = await resolvePosition(store, o.at);
  const request = {
    unit: o.unit,
    period,
    at: position,
    ...(o.openPeople ? { openPeople: o.openPeople } : {}),
  };
  const data = await definition.compute(store, request, o.onProgress);
  const doc = definition.document(data, o.signer ?? { deputy: false, name: null });
  const bytes =
    o.format === 'docx'
      ? await withEntryTimes(await renderDocx(doc, o.generatedAt), o.generatedAt)
      : o.format === 'xlsx'
        ? await withEntryTimes(await renderXlsx(doc, o.generatedAt), o.generatedAt)
        : asJson(data);
  const fileName = `${o.id}_${o.unit}_${period.code}_${position}.${o.format}`;
  return { data, position, bytes, contentType: CONTENT_TYPE[o.format], fileName };
}
