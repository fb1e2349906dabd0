import {
  AlignmentType,
  Paragraph,
  Table,
  TableRow,
  TableCell,
  TextRun,
  WidthType,
  VerticalAlignTable,
} from 'docx';
import type { Cell, ReportTable } from './document.js';
import { TEXT_WIDTH, pt } from './docxParts.js';
import { formatDate, formatNumber } from './vnFormat.js';

const shown = (value: Cell, kind: ReportTable['columns'][number]['kind']): string => {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  return kind === 'date' ? formatDate(value) : value;
};

/** A report's table in the body: bordered, headers bold and centred, figures right-aligned as 1.234. */
export function bodyTable(table: ReportTable): Table {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => Math.round((TEXT_WIDTH * c.width) / total));
  const row = (cells: string[], bold: boolean, aligns: Array<'left' | 'center' | 'right'>) =>
    new TableRow({
      tableHeader: bold && aligns.every((a) => a === 'center'),
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            children: [
              new Paragraph({
                alignment:
                  aligns[i] === 'right'
                    ? AlignmentType.RIGHT
                    : aligns[i] === 'center'
                      ? AlignmentType.CENTER
                      : AlignmentType.LEFT,
                children: [new TextRun({ text, bold, size: pt(12) })],
              }),
            ],
          }),
      ),
    });
  const aligns = table.columns.map((c) =>
    c.kind === 'number' ? 'right' : c.kind === 'date' ? 'center' : 'left',
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(
        table.columns.map((c) => c.header),
        true,
        table.columns.map(() => 'center'),
      ),
      ...table.rows.map((cells, r) =>
        row(
          cells.map((v, i) => shown(v, table.columns[i]?.kind ?? 'text')),
          table.totalRow === true && r === table.rows.length - 1,
          aligns,
        ),
      ),
    ],
  });
}
