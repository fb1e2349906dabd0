import type { CalendarYear } from '../holidayEntry.js';
import { LABOUR_CODE as L } from './labourCode.js';

const NEW_YEAR_LETTER = 'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ';
const TET_DECISION =
  'Ý kiến của Thủ tướng Chính phủ do Văn phòng Chính phủ thông báo (đưa tin ngày 13/10/2025)';
const tet = `${L.tet}; ${TET_DECISION}`;
const nationalDaySwap = `${TET_DECISION}, cùng đợt với lịch nghỉ Tết`;

/**
 * 2026, decided, as DOMAIN.md §9.1 records it: New Year with Friday 02/01 off and Saturday 10/01
 * worked; Tết Bính Ngọ (mùng 1 Tuesday 17/02) Monday 16/02 – Friday 20/02; Hùng Kings on Sunday
 * 26/04, compensated Monday 27/04; 30/04 and 1/05; National Day 01–02/09 with Monday 31/08 off and
 * Saturday 22/08 worked. 24/11 (Vietnamese Culture Day) is not a holiday: the Labour Code is not amended yet.
 */
export const YEAR_2026: CalendarYear = {
  year: 2026,
  status: 'decided',
  source: `${NEW_YEAR_LETTER}; ${TET_DECISION}; Điều 111–112 Bộ luật Lao động 2019 (DOMAIN.md §9.1)`,
  undecided: [],
  entries: [
    { date: '2026-01-01', kind: 'statutory', name: 'Tết Dương lịch', basis: L.newYear, status: 'decided' },
    {
      date: '2026-01-02',
      kind: 'swap-day-off',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01)',
      basis: NEW_YEAR_LETTER,
      status: 'decided',
    },
    {
      date: '2026-01-10',
      kind: 'swap-working-day',
      name: 'Làm bù cho ngày 02/01',
      basis: NEW_YEAR_LETTER,
      status: 'decided',
    },
    {
      date: '2026-02-16',
      kind: 'statutory',
      name: 'Tết Nguyên đán Bính Ngọ (ngày cuối năm Ất Tỵ)',
      basis: tet,
      status: 'decided',
    },
    {
      date: '2026-02-17',
      kind: 'statutory',
      name: 'Tết Nguyên đán Bính Ngọ (mùng 1)',
      basis: tet,
      status: 'decided',
    },
    {
      date: '2026-02-18',
      kind: 'statutory',
      name: 'Tết Nguyên đán Bính Ngọ (mùng 2)',
      basis: tet,
      status: 'decided',
    },
    {
      date: '2026-02-19',
      kind: 'statutory',
      name: 'Tết Nguyên đán Bính Ngọ (mùng 3)',
      basis: tet,
      status: 'decided',
    },
    {
      date: '2026-02-20',
      kind: 'statutory',
      name: 'Tết Nguyên đán Bính Ngọ (mùng 4)',
      basis: tet,
      status: 'decided',
    },
    {
      date: '2026-04-26',
      kind: 'statutory',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      basis: L.hungKings,
      status: 'decided',
    },
    {
      date: '2026-04-27',
      kind: 'compensatory',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
      basis: L.compensatory,
      status: 'decided',
    },
    { date: '2026-04-30', kind: 'statutory', name: 'Ngày Chiến thắng', basis: L.victory, status: 'decided' },
    {
      date: '2026-05-01',
      kind: 'statutory',
      name: 'Ngày Quốc tế lao động',
      basis: L.labourDay,
      status: 'decided',
    },
    {
      date: '2026-08-22',
      kind: 'swap-working-day',
      name: 'Làm bù cho ngày 31/08',
      basis: nationalDaySwap,
      status: 'decided',
    },
    {
      date: '2026-08-31',
      kind: 'swap-day-off',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08)',
      basis: nationalDaySwap,
      status: 'decided',
    },
    {
      date: '2026-09-01',
      kind: 'statutory',
      name: 'Quốc khánh (ngày liền kề)',
      basis: L.nationalDay,
      status: 'decided',
    },
    { date: '2026-09-02', kind: 'statutory', name: 'Quốc khánh', basis: L.nationalDay, status: 'decided' },
  ],
};
