import type { CalendarYear } from '../holidayEntry.js';
import { LABOUR_CODE as L } from './labourCode.js';

const MOLISA = 'Thông báo lịch nghỉ năm 2024 của Bộ Lao động – Thương binh và Xã hội (số hiệu chưa ghi)';

/**
 * 2024, decided. The days off are those dacxa carried before issue 13 (the ministry's notices for
 * 2024); their kinds are read from Art. 111–112: Tết Giáp Thìn's five days are 08–12/02, two of
 * them on the weekend, moved to 13–14/02; 29/04 was swapped for Saturday 04/05.
 */
export const YEAR_2024: CalendarYear = {
  year: 2024,
  status: 'decided',
  source: `Dữ liệu lịch nghỉ trước issue 13 (${MOLISA}); loại ngày phân theo Điều 111–112 Bộ luật Lao động 2019`,
  undecided: [],
  entries: [
    { date: '2024-01-01', kind: 'statutory', name: 'Tết Dương lịch', basis: L.newYear, status: 'decided' },
    {
      date: '2024-02-08',
      kind: 'statutory',
      name: 'Tết Nguyên đán Giáp Thìn',
      basis: L.tet,
      status: 'decided',
    },
    {
      date: '2024-02-09',
      kind: 'statutory',
      name: 'Tết Nguyên đán Giáp Thìn',
      basis: L.tet,
      status: 'decided',
    },
    {
      date: '2024-02-10',
      kind: 'statutory',
      name: 'Tết Nguyên đán Giáp Thìn (mùng 1)',
      basis: L.tet,
      status: 'decided',
    },
    {
      date: '2024-02-11',
      kind: 'statutory',
      name: 'Tết Nguyên đán Giáp Thìn (mùng 2)',
      basis: L.tet,
      status: 'decided',
    },
    {
      date: '2024-02-12',
      kind: 'statutory',
      name: 'Tết Nguyên đán Giáp Thìn (mùng 3)',
      basis: L.tet,
      status: 'decided',
    },
    {
      date: '2024-02-13',
      kind: 'compensatory',
      name: 'Nghỉ bù Tết Nguyên đán',
      basis: `${L.compensatory}; ${MOLISA}`,
      status: 'decided',
    },
    {
      date: '2024-02-14',
      kind: 'compensatory',
      name: 'Nghỉ bù Tết Nguyên đán',
      basis: `${L.compensatory}; ${MOLISA}`,
      status: 'decided',
    },
    {
      date: '2024-04-18',
      kind: 'statutory',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      basis: L.hungKings,
      status: 'decided',
    },
    {
      date: '2024-04-29',
      kind: 'swap-day-off',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05)',
      basis: MOLISA,
      status: 'decided',
    },
    { date: '2024-04-30', kind: 'statutory', name: 'Ngày Chiến thắng', basis: L.victory, status: 'decided' },
    {
      date: '2024-05-01',
      kind: 'statutory',
      name: 'Ngày Quốc tế lao động',
      basis: L.labourDay,
      status: 'decided',
    },
    {
      date: '2024-05-04',
      kind: 'swap-working-day',
      name: 'Làm bù cho ngày 29/04',
      basis: MOLISA,
      status: 'decided',
    },
    { date: '2024-09-02', kind: 'statutory', name: 'Quốc khánh', basis: L.nationalDay, status: 'decided' },
    {
      date: '2024-09-03',
      kind: 'statutory',
      name: 'Quốc khánh (ngày liền kề)',
      basis: L.nationalDay,
      status: 'decided',
    },
  ],
};
