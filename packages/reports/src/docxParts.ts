import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { ReportDocument } from './document.js';
import { dateInWords } from './vnFormat.js';

/** Half-points, as docx sizes runs: NĐ 30/2020 sets 12–14 pt by element. */
export const pt = (points: number): number => points * 2;

/** The text width of an A4 page with NĐ 30's margins (left 30 mm, right 15 mm), in twips. */
export const TEXT_WIDTH = Math.round((165 * 1440) / 25.4);

export const line = (
  text: string,
  run: Omit<IRunOptions, 'text'> = {},
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER,
  after = 0,
): Paragraph =>
  new Paragraph({ alignment: align, spacing: { after }, children: [new TextRun({ text, ...run })] });

/** The short rule under the issuing body and under the tiêu ngữ, as long as a few words. */
const rule = (indent: number) =>
  new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { after: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, children });

function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(leftWidth, left), cell(TEXT_WIDTH - leftWidth, right)] })],
  });
}

/**
 * The heading of NĐ 30/2020 (Phụ lục I): the issuing body over its rule and "Số: …/BC-UBND" on
 * the left; Quốc hiệu, tiêu ngữ over its rule and the place and date in words on the right.
 */
export function heading(doc: ReportDocument, date: string): Table {
  // A People's Committee's name is one body over two lines: both bold (NĐ 30/2020, Phụ lục I).
  const issuer = doc.issuer.map((text) => line(text, { bold: true, size: pt(13) }));
  return twoColumns(
    [...issuer, rule(1100), line(`Số:        /${doc.symbol}`, { size: pt(13) })],
    [
      line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: pt(13) }),
      line('Độc lập - Tự do - Hạnh phúc', { bold: true, size: pt(14) }),
      rule(1250),
      line(`${doc.place}, ${dateInWords(date)}`, { italics: true, size: pt(14) }),
    ],
    0.4,
  );
}

/** "Nơi nhận:" on the left; the signer's authority, titles and name on the right. */
export function closing(doc: ReportDocument): Table {
  const { authority, signer } = doc;
  const titles = signer.deputy ? [`KT. ${authority.head}`, authority.deputy] : [authority.head];
  const lines = [...(authority.collective ? [authority.collective] : []), ...titles];
  return twoColumns(
    [
      line('Nơi nhận:', { bold: true, italics: true, size: pt(12) }, AlignmentType.LEFT),
      ...doc.recipients.map((r) => line(`- ${r}`, { size: pt(11) }, AlignmentType.LEFT)),
    ],
    [
      ...lines.map((text) => line(text, { bold: true, size: pt(14) })),
      ...[1, 2, 3, 4].map(() => line('', { size: pt(14) })),
      line(signer.name ?? '', { bold: true, size: pt(14) }),
    ],
    0.5,
  );
}
