import { readZipParts } from '../readZip.js';

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape(xml.replace(/<[^>]+>/g, ''));
const all = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[ >][\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);

/** A .docx read back: its text, and each table's rows of cell texts (the heading and signature tables too). */
export async function readDocx(bytes: Buffer): Promise<{ text: string; tables: string[][][] }> {
  const xml = (await readZipParts(bytes)).get('word/document.xml') ?? '';
  return {
    text: textOf(xml),
    tables: all(xml, 'w:tbl').map((table) =>
      all(table, 'w:tr').map((row) => all(row, 'w:tc').map((cell) => textOf(cell))),
    ),
  };
}

/** A .xlsx read back from its parts: each sheet by name, as rows of values (numbers stay numbers). */
export async function readXlsx(bytes: Buffer): Promise<Map<string, Array<Array<string | number>>>> {
  const parts = await readZipParts(bytes);
  const shared = all(parts.get('xl/sharedStrings.xml') ?? '', 'si').map(textOf);
  const rels = new Map(
    [...(parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const sheets = new Map<string, Array<Array<string | number>>>();
  for (const m of (parts.get('xl/workbook.xml') ?? '').matchAll(
    /<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g,
  )) {
    const target = String(rels.get(m[2] ?? '')).replace(/^\/?(xl\/)?/, 'xl/');
    const rows = all(parts.get(target) ?? '', 'row').map((row) => {
      const cells: Array<string | number> = [];
      for (const [, attrs = '', inner = ''] of row.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        const column = [...(/r="([A-Z]+)\d+"/.exec(attrs)?.[1] ?? 'A')].reduce(
          (n, c) => n * 26 + c.charCodeAt(0) - 64,
          0,
        );
        while (cells.length < column - 1) cells.push('');
        if (/t="s"/.test(attrs)) cells.push(shared[Number(value)] ?? '');
        else if (/t="(str|inlineStr)"/.test(attrs)) cells.push(textOf(inner));
        else cells.push(value === undefined ? '' : Number(value));
      }
      return cells;
    });
    sheets.set(unescape(m[1] ?? ''), rows);
  }
  return sheets;
}
