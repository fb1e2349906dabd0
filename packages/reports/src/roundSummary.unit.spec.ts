import { beforeAll, describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import { ROUND_2024 } from '@dacxa/domain/scenarios';
import { scenarioStore } from './testing/scenarioStore.js';
import { allText, renderBoth, sheetRows, tableRows } from './testing/reportFiles.js';

let store: EventStore;
let head: bigint;
let log: RecordedEvent[];
beforeAll(async () => {
  store = await scenarioStore({ round2024: true });
  head = (await store.headPosition()) ?? 0n;
  log = [];
  for await (const e of store.readAll()) log.push(e);
});

const FACILITY = 'Trại tạm giam Công an thành phố';
const ROUND = { id: 'tong-ket-dot-dac-xa', unit: 'tp-hai-phong', period: '2024' };
type D = Record<string, unknown>;

/** The round's figures counted straight from the raw log, not by the report's folds. */
function counted() {
  const of = (type: string, where: (d: D) => boolean = () => true) =>
    log.filter((e) => e.type === type && where(e.data as D));
  const dossiers = new Set(
    of('AmnestyPetitionSubmitted', (d) => d.roundId === ROUND_2024).map((e) => e.stream),
  );
  const inRound = (type: string, where?: (d: D) => boolean) =>
    of(type, where).filter((e) => dossiers.has(e.stream));
  const verdict = new Map<string, boolean>();
  for (const e of inRound('EligibilityAssessed')) verdict.set(e.stream, (e.data as D).eligible === true);
  for (const e of inRound('ComplaintResolved', (d) => d.outcome === 'ACCEPTED')) verdict.set(e.stream, true);
  const listed = (type: string, keys: string[]) =>
    new Set(of(type).flatMap((e) => keys.flatMap((k) => (e.data as Record<string, string[]>)[k] ?? []))).size;
  const released = new Set(inRound('PrisonerReleased').map((e) => e.stream));
  const personOf = (stream: string) =>
    ((log.find((e) => e.stream === stream)?.data as D).person as { personId: string }).personId;
  const freed = new Set([...released].map(personOf));
  const reports = of('PersonReported').filter((e) => freed.has(personOf(e.stream)));
  return {
    dossiers: [
      dossiers.size,
      [...verdict.values()].filter(Boolean).length,
      [...verdict.values()].filter((v) => !v).length,
      listed('AppraisalMinutesIssued', ['eligible', 'ineligible']),
      listed('FinalListsSentToCouncilStanding', ['eligible']),
      inRound('DossierGrantOutcomeRecorded', (d) => d.outcome === 'GRANTED').length,
      released.size,
      inRound('AmnestyCertificateIssued').length,
    ],
    complaints: [
      inRound('ComplaintLodged').length,
      inRound('ComplaintResolved').length,
      inRound('ComplaintResolved', (d) => d.late === true).length,
    ],
    protests: inRound(
      'DisqualifyingEventRecorded',
      (d) => d.reason === 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
    ).length,
    reported: {
      released: released.size,
      reportedIn: reports.length,
      late: reports.filter((e) => (e.data as D).late === true).length,
    },
  };
}

describe('the province’s summary of its 2024 round, as .docx and .xlsx', () => {
  it('counts dossiers by stage, complaints and protests by facility as the log records them', async () => {
    const files = await renderBoth(store, { ...ROUND, at: head });
    const c = counted();
    expect(c.dossiers).toEqual([8, 6, 1, 6, 4, 4, 3, 3]);
    const { text, tables } = files.docx;
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('ỦY BAN NHÂN DÂNTHÀNH PHỐ HẢI PHÒNG');
    expect(text).toContain('BÁO CÁOTổng kết công tác đặc xá năm 2024');
    expect(text).toContain('Quyết định số 758/2024/QĐ-CTN ngày 30/07/2024 của Chủ tịch nước');
    expect(text).toContain('ngày đặc xá 01/10/2024; Quyết định đặc xá số 957/QĐ-CTN ngày 29/09/2024');
    expect(text).toContain(`dacxa report tong-ket-dot-dac-xa --unit tp-hai-phong --period 2024 --at ${head}`);
    const docRow = tableRows(tables, 'Trại giam, trại tạm giam, Tòa án', 'Có đơn').get(FACILITY);
    expect(docRow).toEqual(c.dossiers.map(String));
    expect(sheetRows(files.sheets, 'Hồ sơ 1', 'Trại giam, trại tạm giam, Tòa án').get('Tổng cộng')).toEqual(
      c.dossiers,
    );
    const complaints = sheetRows(files.sheets, 'Khiếu nại 1', 'Trại giam, trại tạm giam, Tòa án').get(
      FACILITY,
    );
    expect(complaints?.slice(0, 3)).toEqual(c.complaints);
    expect(complaints?.[5]).toBe(c.protests);
    expect(c.protests).toBe(1);
    expect(files.sheets.get('Hồ sơ 1')?.flat()).toContain(text.match(/Số liệu tính từ[^.]*\./)?.[0]);
  });

  it('counts the people released by commune and who of them had reported in there', async () => {
    const files = await renderBoth(store, { ...ROUND, at: head });
    const c = counted();
    const header = ['Nơi về cư trú', 'Được trả tự do', 'Đã cấp giấy chứng nhận', 'Đã trình diện'];
    const row = tableRows(files.docx.tables, ...header).get('Xã An Khánh');
    const { released, reportedIn, late } = c.reported;
    expect(row).toEqual([released, released, reportedIn, late, released - reportedIn].map(String));
    expect(c.reported).toEqual({ released: 3, reportedIn: 2, late: 1 });
    expect(sheetRows(files.sheets, 'Trình diện 1', 'Nơi về cư trú').get('Tổng cộng')).toEqual([
      3, 3, 2, 1, 1,
    ]);
  });

  it('gives fewer reported in at a position before the late one reported', async () => {
    const late = log.find((e) => e.type === 'PersonReported' && (e.data as D).late === true);
    const at = (late?.position ?? 1n) - 1n;
    const files = await renderBoth(store, { ...ROUND, at });
    expect(sheetRows(files.sheets, 'Trình diện 1', 'Nơi về cư trú').get('Xã An Khánh')).toEqual([
      3, 3, 1, 0, 2,
    ]);
    expect(files.docx.text).toContain(`đến hết vị trí ${at}`);
  });

  it('holds nothing of another province, no name and no person’s id', async () => {
    const files = await renderBoth(store, { ...ROUND, at: head });
    const text = allText(files);
    for (const other of ['Quảng Ninh', 'Thí Điểm', 'Phạm nhân giả định', 'Người Giả Định', '0192f5c4-0013'])
      expect(text).not.toContain(other);
    expect(JSON.stringify(files.data)).not.toContain('0192f5c4-0013');
    const other = await renderBoth(store, { ...ROUND, unit: 'tinh-quang-ninh', at: head });
    expect(other.docx.text).toContain('nhật ký không ghi nhận đợt đặc xá nào năm 2024 của Tỉnh Quảng Ninh');
    expect(allText(other)).not.toContain('Trại tạm giam');
    expect(allText(other)).not.toContain('758/2024');
  });
});
