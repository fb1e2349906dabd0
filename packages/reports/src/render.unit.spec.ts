import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '@dacxa/event-store';
import { generateReport } from './generateReport.js';
import { scenarioStore } from './testing/scenarioStore.js';
import { dateInWords, vietnamTime } from './vnFormat.js';

let store: EventStore;
let head: bigint;
beforeAll(async () => {
  store = await scenarioStore();
  head = (await store.headPosition()) ?? 0n;
});

const MORNING = new Date('2025-11-03T01:15:00Z');
const LATER = new Date('2026-01-20T09:42:00Z');

async function parts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.file(name);
    if (file) out.set(name, await file.async('string'));
  }
  return out;
}

/** Every text that comes from the generation time, replaced: what must be all that differs. */
function withoutGenerationTime(xml: string, at: Date): string {
  const { date, time } = vietnamTime(at);
  const [y, m, d] = date.split('-');
  return xml
    .split(at.toISOString().slice(0, 19))
    .join('<generated>')
    .split(dateInWords(date))
    .join('<generated>')
    .split(`${time} ngày ${d}/${m}/${y}`)
    .join('<generated>');
}

const text = (xml: string) => xml.replace(/<[^>]+>/g, '');
const hcd13 = (format: 'docx' | 'xlsx', generatedAt: Date, at = head) =>
  generateReport(store, {
    id: 'hcd-13',
    unit: 'xa-an-khanh',
    period: '2025',
    at,
    format,
    generatedAt,
    signer: { deputy: true, name: null },
  });

describe('the .docx in the state format of NĐ 30/2020', () => {
  it('carries the Quốc hiệu, the issuing body, the title, the figures, the stamp, "Nơi nhận" and a deputy’s block', async () => {
    const report = await hcd13('docx', MORNING);
    const document = (await parts(report.bytes)).get('word/document.xml') ?? '';
    const body = text(document);
    expect(body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(body).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(body).toContain('ỦY BAN NHÂN DÂNXÃ AN KHÁNH');
    expect(body).toContain('/BC-UBND');
    expect(body).toContain('An Khánh, ngày 03 tháng 11 năm 2025');
    expect(body).toContain('BÁO CÁO');
    expect(body).toContain('tái hòa nhập cộng đồng năm 2025');
    expect(body).toContain(`đến hết vị trí ${head}`);
    expect(body).toContain(`--at ${head}`);
    expect(body).toContain('Nơi nhận:');
    expect(body).toContain('TM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH');
    expect(body).toContain('50.000.000');
    expect(body).not.toContain('Người Giả Định');
    expect(document).toContain('<w:pgMar w:top="1133" w:right="850" w:bottom="1133" w:left="1700"');
    const styles = (await parts(report.bytes)).get('word/styles.xml') ?? '';
    expect(styles).toContain('Times New Roman');
  });

  it('is the same, part for part, at one position whatever the generation time', async () => {
    const [one, two] = await Promise.all([hcd13('docx', MORNING), hcd13('docx', LATER)]);
    const a = await parts(one.bytes);
    const b = await parts(two.bytes);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, xml] of a)
      expect(withoutGenerationTime(xml, MORNING), name).toBe(withoutGenerationTime(b.get(name) ?? '', LATER));
    expect(a.get('docProps/core.xml')).toContain('2025-11-03T01:15:00Z');
  });

  it('differs at an earlier position', async () => {
    const earlier = await hcd13('docx', MORNING, head - 40n);
    const now = await hcd13('docx', MORNING);
    expect(text((await parts(earlier.bytes)).get('word/document.xml') ?? '')).toContain(
      `vị trí ${head - 40n}`,
    );
    expect(earlier.data).not.toEqual(now.data);
  });
});

describe('the .xlsx of the tables', () => {
  it('reads back with Vietnamese headers, numbers as numbers and the position stamp', async () => {
    const report = await hcd13('xlsx', MORNING);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.bytes as never);
    const sheet = workbook.getWorksheet('Tổng hợp');
    expect(sheet).toBeDefined();
    const rows = sheet?.getSheetValues().filter(Boolean) as unknown[][];
    const flat = rows.map((r) => r.slice(1));
    expect(flat.some((r) => String(r[0]).includes(`vị trí ${head}`))).toBe(true);
    expect(flat).toContainEqual(['STT', 'Chỉ tiêu', 'Số lượng']);
    const managed = flat.find((r) => r[0] === '1');
    if (report.data.report !== 'hcd-13') throw new Error('hcd-13');
    expect(managed?.[2]).toBe(report.data.total.managed);
    expect(sheet?.getColumn(3).numFmt).toBe('#,##0');
    expect(workbook.creator).toBe('dacxa');
  });

  it('is the same, part for part, at one position whatever the generation time', async () => {
    const a = await parts((await hcd13('xlsx', MORNING)).bytes);
    const b = await parts((await hcd13('xlsx', LATER)).bytes);
    for (const [name, xml] of a)
      expect(withoutGenerationTime(xml, MORNING), name).toBe(withoutGenerationTime(b.get(name) ?? '', LATER));
  });

  it('renders the plan report with its task and report sheets', async () => {
    const report = await generateReport(store, {
      id: 'ke-hoach-13-muc-iv',
      unit: 'xa-an-khanh',
      period: '2025-Q3',
      at: head,
      format: 'xlsx',
      generatedAt: MORNING,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.bytes as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Nhiệm vụ 1', 'Báo cáo 1']);
    const docx = await generateReport(store, {
      id: 'ke-hoach-13-muc-iv',
      unit: 'xa-an-khanh',
      period: '2025-Q3',
      at: head,
      format: 'docx',
      generatedAt: MORNING,
    });
    const body = text((await parts(docx.bytes)).get('word/document.xml') ?? '');
    expect(body).toContain('Kế hoạch số 13/KH-UBND ngày 28/07/2025');
    expect(body).toContain('Đang chờ phản hồi (đề nghị)');
    expect(body).toContain('TM. ỦY BAN NHÂN DÂNCHỦ TỊCH');
  });
});
