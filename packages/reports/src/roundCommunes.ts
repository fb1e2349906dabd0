import type { DossierFacts } from './roundSummaryRows.js';

/** The people a round released to one commune, and how many of them had reported in there or elsewhere. */
export interface CommuneRow {
  /** The destination commune; null for those outside the unit, counted together and not looked into. */
  code: string | null;
  name: string;
  released: number;
  certificates: number;
  /** Null outside the unit: those communes' case records are not this report's to read. */
  reportedIn: number | null;
  reportedLate: number | null;
  notReported: number | null;
}

const OUTSIDE = 'Nơi cư trú ngoài địa bàn';
const UNKNOWN = 'Chưa xác định nơi về cư trú';

/**
 * The released dossiers of a round by destination commune (the certificate's, else the notice's),
 * with who had reported in (`reported`, by person id, from the case streams). Destinations outside
 * the unit are counted together, their reporting left unread.
 */
export function roundCommunes(
  dossiers: readonly DossierFacts[],
  reported: ReadonlyMap<string, { late: boolean }>,
  inUnit: (code: string) => boolean,
  nameOf: (code: string) => string,
): { rows: CommuneRow[]; total: CommuneRow } {
  const rows = new Map<string, CommuneRow>();
  for (const f of dossiers) {
    if (!f.released) continue;
    const destination = f.doc.destinationCommune ?? f.noticeCommune;
    const inside = destination !== null && inUnit(destination);
    const key = inside ? destination : destination === null ? UNKNOWN : OUTSIDE;
    const row =
      rows.get(key) ?? blank(inside ? destination : null, inside ? nameOf(destination) : key, inside);
    rows.set(key, row);
    row.released++;
    if (f.doc.certificateIssued) row.certificates++;
    if (!inside) continue;
    const seen = reported.get(f.doc.personId);
    if (seen) row.reportedIn = (row.reportedIn ?? 0) + 1;
    if (seen?.late) row.reportedLate = (row.reportedLate ?? 0) + 1;
    if (!seen) row.notReported = (row.notReported ?? 0) + 1;
  }
  // Communes in code order, then the rows that are not one commune.
  const sorted = [...rows.values()].sort((a, b) =>
    a.code === null ? 1 : b.code === null ? -1 : a.code < b.code ? -1 : 1,
  );
  const total = blank(
    null,
    'Tổng cộng',
    sorted.some((r) => r.code !== null),
  );
  for (const row of sorted) {
    total.released += row.released;
    total.certificates += row.certificates;
    for (const key of ['reportedIn', 'reportedLate', 'notReported'] as const)
      if (row[key] !== null) total[key] = (total[key] ?? 0) + (row[key] ?? 0);
  }
  return { rows: sorted, total };
}

const blank = (code: string | null, name: string, read: boolean): CommuneRow => ({
  code,
  name,
  released: 0,
  certificates: 0,
  reportedIn: read ? 0 : null,
  reportedLate: read ? 0 : null,
  notReported: read ? 0 : null,
});
