import { beforeAll, describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import { seedQuarterClassification } from './testing/quarterSeed.js';
import { scenarioStore } from './testing/scenarioStore.js';
import { allText, caseStreams, dayOf, renderBoth, sheetRows, tableRows } from './testing/reportFiles.js';

let store: EventStore;
let head: bigint;
beforeAll(async () => {
  store = await scenarioStore();
  await seedQuarterClassification(store);
  head = (await store.headPosition()) ?? 0n;
});

const HEADER = ['Đơn vị', 'Nhóm A', 'Nhóm B', 'Nhóm C', 'Nhóm D', 'Đã phân loại', 'Đang quản lý cuối quý'];

/** A commune's third quarter counted straight from the raw case streams: each case's last classification. */
async function counted(commune: string) {
  const streams = (await caseStreams(store)).filter((s) => s.commune === commune);
  const last = streams.map(
    (s) =>
      s.events
        .filter((e) => e.type === 'PersonClassified' && (e.data as { quarter: string }).quarter === '2025-Q3')
        .map((e) => (e.data as { group: string }).group)
        .at(-1) ?? null,
  );
  const upTo = (events: RecordedEvent[], type: string) =>
    events.some((e) => e.type === type && dayOf(e) <= '2025-09-30');
  const managed = streams.map(
    (s) =>
      upTo(s.events, 'PersonReported') &&
      !upTo(s.events, 'CaseTransferredOut') &&
      !upTo(s.events, 'CaseClosed'),
  );
  const group = (g: string) => last.filter((x) => x === g).length;
  return {
    groups: [group('A'), group('B'), group('C'), group('D')],
    classified: last.filter((x) => x !== null).length,
    managed: managed.filter(Boolean).length,
    unclassified: managed.filter((m, i) => m && last[i] === null).length,
  };
}

describe('HCD-09, the quarter’s counts by group, as .docx and .xlsx', () => {
  it('counts each case’s last classification for the quarter, and those under management not classified', async () => {
    const files = await renderBoth(store, { id: 'hcd-09', unit: 'xa-an-khanh', period: '2025-Q3', at: head });
    const c = await counted('xa-an-khanh');
    expect(c.groups).toEqual([1, 1, 1, 0]);
    const { text, tables } = files.docx;
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('ỦY BAN NHÂN DÂNXÃ AN KHÁNH');
    expect(text).toContain('theo nhóm A, B, C, D quý III năm 2025');
    expect(text).toContain('Điều 12, khoản 3');
    expect(text).toContain(`dacxa report hcd-09 --unit xa-an-khanh --period 2025-Q3 --at ${head}`);
    const figures = [...c.groups, c.classified, c.managed, c.unclassified];
    const row = tableRows(tables, ...HEADER).get('Xã An Khánh');
    expect(row?.slice(0, 7)).toEqual(figures.map(String));
    expect(row?.slice(7)).toEqual(['Đã gửi (sau hạn)', '07/10/2025']);
    const sheet = sheetRows(files.sheets, 'Theo đơn vị', 'Đơn vị').get('Xã An Khánh');
    expect(sheet?.slice(0, 8)).toEqual([...figures, 'Đã gửi (sau hạn)']);
    // Excel's day number of 07/10/2025, shown dd/mm/yyyy by the column's format.
    expect(sheet?.[8]).toBe((Date.UTC(2025, 9, 7) - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect(sheetRows(files.sheets, 'Tổng hợp', 'STT').get('3')?.[1]).toBe(c.unclassified);
    expect(files.sheets.get('Tổng hợp')?.flat()).toContain(text.match(/Số liệu tính từ[^.]*\./)?.[0]);
  });

  it('holds nothing of another commune or province, and no name', async () => {
    const files = await renderBoth(store, { id: 'hcd-09', unit: 'xa-an-khanh', period: '2025-Q3', at: head });
    for (const other of ['Lê Chân', 'Thí Điểm', 'xa-thi-diem', 'Quảng Ninh', 'Người Giả Định'])
      expect(allText(files)).not.toContain(other);
    const province = await renderBoth(store, {
      id: 'hcd-09',
      unit: 'tp-hai-phong',
      period: '2025-Q3',
      at: head,
    });
    const rows = tableRows(province.docx.tables, ...HEADER);
    expect([...rows.keys()]).toEqual(['Phường Lê Chân', 'Xã An Khánh', 'Tổng cộng']);
    expect(rows.get('Tổng cộng')?.[0]).toBe('1');
    const other = await renderBoth(store, {
      id: 'hcd-09',
      unit: 'tinh-quang-ninh',
      period: '2025-Q3',
      at: head,
    });
    expect(
      tableRows(other.docx.tables, ...HEADER)
        .get('Xã Thí Điểm (giả định)')
        ?.slice(0, 6),
    ).toEqual(['1', '0', '0', '0', '1', String((await counted('xa-thi-diem')).managed)]);
    expect(allText(other)).not.toContain('An Khánh');
  });

  it('counts no classification before it was recorded, and none of another quarter', async () => {
    let first = 0n;
    for await (const e of store.readAll())
      if (e.type === 'PersonClassified') {
        first = e.position;
        break;
      }
    const before = await renderBoth(store, {
      id: 'hcd-09',
      unit: 'xa-an-khanh',
      period: '2025-Q3',
      at: first - 1n,
    });
    expect(sheetRows(before.sheets, 'Tổng hợp', 'STT').get('1')?.[1]).toBe(0);
    expect(before.docx.text).toContain(`đến hết vị trí ${first - 1n}`);
    const q2 = await renderBoth(store, { id: 'hcd-09', unit: 'xa-an-khanh', period: '2025-Q2', at: head });
    expect(sheetRows(q2.sheets, 'Tổng hợp', 'STT').get('1.1')?.[1]).toBe(1);
    expect(sheetRows(q2.sheets, 'Tổng hợp', 'STT').get('2')?.[1]).toBe(0);
  });
});
