import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import { localDateAt } from '@dacxa/domain';
import { generateReport, type GeneratedReport } from '../generateReport.js';
import { readDocx, readXlsx } from './officeParts.js';

/** When the test files are made: a fixed instant, so the date line is known. */
export const GENERATED_AT = new Date('2025-11-03T01:15:00Z');

/** A report made as .docx and .xlsx at one position, both read back from their zip parts. */
export async function renderBoth(
  store: EventStore,
  request: { id: string; unit: string; period: string; at: bigint },
): Promise<{
  data: GeneratedReport['data'];
  docx: Awaited<ReturnType<typeof readDocx>>;
  sheets: Awaited<ReturnType<typeof readXlsx>>;
}> {
  const make = (format: 'docx' | 'xlsx') =>
    generateReport(store, { ...request, format, generatedAt: GENERATED_AT });
  const [docx, xlsx] = await Promise.all([make('docx'), make('xlsx')]);
  return { data: docx.data, docx: await readDocx(docx.bytes), sheets: await readXlsx(xlsx.bytes) };
}

/** The body table whose header row starts with `first`: its rows after the header, keyed by the first cell. */
export function tableRows(tables: string[][][], ...header: string[]): Map<string, string[]> {
  const table = tables.find((t) => header.every((h, i) => t[0]?.[i] === h));
  if (!table) throw new Error(`no table with header ${header.join(' | ')}`);
  return new Map(table.slice(1).map((row) => [row[0] ?? '', row.slice(1)]));
}

/** A sheet's rows after its header row (the row whose first cell is `first`), keyed by the first cell. */
export function sheetRows(
  sheets: Map<string, Array<Array<string | number>>>,
  name: string,
  first: string,
): Map<string, Array<string | number>> {
  const rows = sheets.get(name) ?? [];
  const at = rows.findIndex((r) => r[0] === first);
  if (at < 0) throw new Error(`no header ${first} in sheet ${name}`);
  return new Map(rows.slice(at + 1).map((row) => [String(row[0]), row.slice(1)]));
}

/** Every text of a report's files: what must hold nothing of another unit. */
export const allText = (files: Awaited<ReturnType<typeof renderBoth>>): string =>
  [files.docx.text, ...[...files.sheets].map(([name, rows]) => `${name}\n${rows.flat().join('\t')}`)].join(
    '\n',
  );

/** The day an event's act happened, read directly: `metadata.occurredOn`, else the local day it was entered. */
export const dayOf = (event: RecordedEvent): string =>
  typeof event.metadata.occurredOn === 'string' ? event.metadata.occurredOn : localDateAt(event.occurredAt);

/** The case streams of the log, each with the commune its opening event names and its events. */
export async function caseStreams(
  store: EventStore,
): Promise<Array<{ commune: string; events: RecordedEvent[] }>> {
  const streams = new Map<string, { commune: string; events: RecordedEvent[] }>();
  for await (const event of store.readAll()) {
    if (!event.stream.startsWith('case-')) continue;
    const found = streams.get(event.stream) ?? {
      commune: String((event.data as { communeCode?: string }).communeCode),
      events: [],
    };
    found.events.push(event);
    streams.set(event.stream, found);
  }
  return [...streams.values()];
}
