import type { UnitInfo } from './unitTree.js';

/** A cell: text, a number (shown 1.234), a local date `yyyy-mm-dd` (shown dd/mm/yyyy), or empty. */
export type Cell = string | number | null;

/** A table of a report, as both renderers lay it out: Vietnamese headers, one kind per column. */
export interface ReportTable {
  /** The sheet's name in the .xlsx (≤ 31 characters). */
  sheet: string;
  columns: ReadonlyArray<{ header: string; kind: 'text' | 'number' | 'date'; width: number }>;
  rows: Cell[][];
  /** The last row is a total (bold). */
  totalRow?: boolean;
}

/** One part of the body: an optional heading (I., II., …), paragraphs, and an optional table. */
export interface Block {
  heading?: string;
  paragraphs: string[];
  table?: ReportTable;
}

/** Who signs: NĐ 30/2020 writes "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" when a deputy signs for the head. */
export interface Signer {
  deputy: boolean;
  name: string | null;
}

/** A report as a Vietnamese administrative document (NĐ 30/2020), before it becomes .docx or .xlsx. */
export interface ReportDocument {
  /** The issuing body, one line each, upper case ("ỦY BAN NHÂN DÂN", "XÃ AN KHÁNH"). */
  issuer: string[];
  /** The symbol after "Số: …/" ("BC-UBND"). */
  symbol: string;
  /** The place of the date line ("An Khánh"). */
  place: string;
  /** The summary line under "BÁO CÁO". */
  title: string;
  blocks: Block[];
  /** Where the figures come from: the log position; identical on every reproduction. */
  stamp: string[];
  recipients: string[];
  /** The collective the head signs for ("TM. ỦY BAN NHÂN DÂN"), the head's and the deputy's titles. */
  authority: { collective: string | null; head: string; deputy: string };
  signer: Signer;
  /** Document properties (title, subject) of the files. */
  properties: { title: string; subject: string };
}

const AREA_PREFIX = /^(Xã|Phường|Đặc khu|Thành phố|Tỉnh|Thị trấn)\s+/u;

/** The place name of the date line: the unit's name without its kind ("Xã An Khánh" → "An Khánh"). */
export const placeOf = (unit: UnitInfo): string => unit.name.replace(AREA_PREFIX, '');

/**
 * The issuing body and the signer's titles for a unit: a commune, ward or province reports as its
 * People's Committee (the Chair signs, or a Vice-Chair for the Chair); a national body as itself.
 */
export function issuerOf(unit: UnitInfo): Pick<ReportDocument, 'issuer' | 'symbol' | 'authority'> {
  if (unit.kind === 'NATIONAL')
    return {
      issuer: [unit.name.toLocaleUpperCase('vi')],
      symbol: 'BC',
      authority: { collective: null, head: 'BỘ TRƯỞNG', deputy: 'THỨ TRƯỞNG' },
    };
  return {
    issuer: ['ỦY BAN NHÂN DÂN', unit.name.toLocaleUpperCase('vi')],
    symbol: 'BC-UBND',
    authority: { collective: 'TM. ỦY BAN NHÂN DÂN', head: 'CHỦ TỊCH', deputy: 'PHÓ CHỦ TỊCH' },
  };
}

/** The unit as the body's text names it: "Ủy ban nhân dân xã An Khánh", or a national body by its name. */
export const bodyOf = (unit: UnitInfo): string =>
  unit.kind === 'NATIONAL'
    ? unit.name
    : `Ủy ban nhân dân ${unit.name.replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi'))}`;

/** "Nơi nhận" of a report sent upward: the body above, its police, and the file copy. */
export function recipientsOf(unit: UnitInfo, police: boolean): string[] {
  const above = unit.parentName;
  return [
    ...(above ? [`UBND ${above.replace(/^Thành phố/u, 'thành phố').replace(/^Tỉnh/u, 'tỉnh')};`] : []),
    ...(above && police
      ? [`Công an ${above.replace(/^Thành phố/u, 'thành phố').replace(/^Tỉnh/u, 'tỉnh')};`]
      : []),
    'Lưu: VT, CA.',
  ];
}
