import { localDateAt } from '@dacxa/domain';
import { categoryOf, type HashedEnvelope } from '@dacxa/event-store';
import { kindOf, type Continuation, type ExportFilter } from './bundleFormat.js';

type Selectable = Pick<
  HashedEnvelope,
  'stream' | 'revision' | 'type' | 'data' | 'metadata' | 'occurredAt' | 'recordedAt'
>;

/** Whether an event falls in the export's selection (a verifier applies it again to each event). */
export function matches(event: Selectable, filter: ExportFilter): boolean {
  const unit = event.metadata.unit;
  if (filter.units && !filter.units.some((u) => unit === u || unit.startsWith(`${u}/`))) return false;
  if (filter.from || filter.to) {
    const day = localDateAt(filter.periodOf === 'recordedAt' ? event.recordedAt : event.occurredAt);
    if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) return false;
  }
  if (filter.streams && !filter.streams.includes(event.stream)) return false;
  if (filter.categories && !filter.categories.includes(categoryOf(event.stream))) return false;
  if (filter.types && !filter.types.includes(event.type)) return false;
  return true;
}

/**
 * The stream a case's first event says it continues: a transferred person's case at the new
 * commune opens with CaseTransferredIn naming the origin (`fromCaseId`). Null for any other event.
 */
export function continuedStream(event: Pick<Selectable, 'type' | 'revision' | 'data'>): string | null {
  if (event.type !== 'CaseTransferredIn' || event.revision !== 0) return null;
  const from = (event.data as { fromCaseId?: unknown } | null)?.fromCaseId;
  return typeof from === 'string' ? `case-${from}` : null;
}

/**
 * What an export selects as it reads the log in order. A disclosure grows as it goes: a case
 * that continues a disclosed one (its first event names it) is disclosed too, and so on, since
 * the continuation's events all come after the event that opens it.
 */
export function createSelection(filter: ExportFilter) {
  const kind = kindOf(filter);
  const disclosed = new Set(filter.streams ?? []);
  const continuations: Continuation[] = [];
  return {
    kind,
    selects(event: Selectable): boolean {
      if (kind !== 'disclosure') return kind === 'complete' || matches(event, filter);
      const from = continuedStream(event);
      if (from !== null && disclosed.has(from) && !disclosed.has(event.stream)) {
        disclosed.add(event.stream);
        continuations.push({ stream: event.stream, from });
      }
      return disclosed.has(event.stream);
    },
    /** The streams disclosed, sorted (a disclosure's; empty for other kinds). */
    streams: (): string[] => (kind === 'disclosure' ? [...disclosed].sort() : []),
    continuations: (): Continuation[] => continuations,
  };
}
