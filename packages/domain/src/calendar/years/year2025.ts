import type { CalendarYear } from '../holidayEntry.js';
import { LABOUR_CODE as L } from './labourCode.js';

const NOTICES =
  'Thông báo lịch nghỉ năm 2025 của Bộ Lao động – Thương binh và Xã hội và Bộ Nội vụ (số hiệu chưa ghi)';

/**
 * 2025, decided. The days off are those dacxa carried before issue 13 (the ministries' notices for
 * 2025); their kinds are read from Art. 111–112: Tết Ất Tỵ's five days are 27–31/01 (mùng 1 is
 * Wednesday 29/01); 02/05 was swapped for Saturday 26/04; National Day is 01–02/09.
 */
export const YEAR_2025: CalendarYear = {
  year: 2025,
  status: 'decided',
  source: `Dữ liệu lịch nghỉ trước issue 13 (${NOTICES}); loại ngày phân theo Điều 111–112 Bộ luật Lao động 2019`,
  undecided: [],
  entries: [
    { date: '2025-01-01', kind: 'statutory', name: 'Tết Dương lịch', basis: L.newYear, status: 'decided' },
    { date: '2025-01-27', kind: 'statutory', name: 'Tết Nguyên đán Ất Tỵ', basis: L.tet, status: 'decided' },
    { date: '2025-01-28', kind: 'statutory', name: 'Tết Nguyên đán Ất Tỵ', basis: L.tet, status: 'decided' },
    {
      date: '2025-01-29',
      kind: 'statutory',
      name: 'Tết Nguyên đán Ất Tỵ (mùng 1)',
      basis: L.tet,
      status: 'decided',
    },
    {
      date: '2025-01-30',
      kind: 'statutory',
      name: 'Tết Nguyên đán Ất Tỵ (mùng 2)',
      basis: L.tet,
      status: 'decided',
    },
    {
      date: '2025-01-31',
      kind: 'statutory',
      name: 'Tết Nguyên đán Ất Tỵ (mùng 3)',
      basis: L.tet,
      status: 'decided',
    },
    {
      date: '2025-04-07',
      kind: 'statutory',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      basis: L.hungKings,
      status: 'decided',
    },
    {
      date: '2025-04-26',
      kind: 'swap-working-day',
      name: 'Làm bù cho ngày 02/05',
      basis: NOTICES,
      status: 'decided',
    },
    { date: '2025-04-30', kind: 'statutory', name: 'Ngày Chiến thắng', basis: L.victory, status: 'decided' },
    {
      date: '2025-05-01',
      kind: 'statutory',
      name: 'Ngày Quốc tế lao động',
      basis: L.labourDay,
      status: 'decided',
    },
    {
      date: '2025-05-02',
      kind: 'swap-day-off',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)',
      basis: NOTICES,
      status: 'decided',
    },
    {
      date: '2025-09-01',
      kind: 'statutory',
      name: 'Quốc khánh (ngày liền kề)',
      basis: L.nationalDay,
      status: 'decided',
    },
    { date: '2025-09-02', kind: 'statutory', name: 'Quốc khánh', basis: L.nationalDay, status: 'decided' },
  ],
};
