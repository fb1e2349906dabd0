import ExcelJS from 'exceljs';
import type { Cell, ReportDocument, ReportTable } from './document.js';

/** Thousands grouped: Excel shows the separator of the reader's locale (1.234 in vi-VN). */
const NUMBER_FORMAT = '#,##0';
const DATE_FORMAT = 'dd/mm/yyyy';

const asCell = (value: Cell, kind: ReportTable['columns'][number]['kind']): ExcelJS.CellValue => {
  if (value === null) return null;
  if (kind === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value;
};

function addSheet(workbook: ExcelJS.Workbook, doc: ReportDocument, table: ReportTable): void {
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
  sheet.addRow([doc.issuer.join(' ')]).font = { name: 'Times New Roman', bold: true, size: 12 };
  sheet.addRow([`BÁO CÁO ${doc.title}`]).font = { name: 'Times New Roman', bold: true, size: 12 };
  for (const text of doc.stamp)
    sheet.addRow([text]).font = { name: 'Times New Roman', italic: true, size: 10 };
  sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { name: 'Times New Roman', bold: true, size: 12 };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  table.rows.forEach((cells, r) => {
    const row = sheet.addRow(cells.map((v, i) => asCell(v, table.columns[i]?.kind ?? 'text')));
    row.font = {
      name: 'Times New Roman',
      size: 12,
      bold: table.totalRow === true && r === table.rows.length - 1,
    };
  });
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(8, Math.round(c.width * 1.2));
    if (c.kind === 'number') column.numFmt = NUMBER_FORMAT;
    if (c.kind === 'date') column.numFmt = DATE_FORMAT;
  });
}

/**
 * The report's tables as .xlsx, one sheet each: Vietnamese headers, figures as numbers with a
 * grouped format, dates as dates shown dd/mm/yyyy, the position stamp above the table. The
 * workbook's creator and dates are fixed (dacxa, the generation time) so renderings at one
 * position differ only in that time.
 */
export async function renderXlsx(doc: ReportDocument, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dacxa';
  workbook.lastModifiedBy = 'dacxa';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = doc.properties.title;
  workbook.subject = doc.properties.subject;
  for (const block of doc.blocks) if (block.table) addSheet(workbook, doc, block.table);
  if (workbook.worksheets.length === 0)
    addSheet(workbook, doc, {
      sheet: 'Báo cáo',
      columns: [{ header: 'Nội dung', kind: 'text', width: 60 }],
      rows: [],
    });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
