import type { CalendarYear } from '../holidayEntry.js';
import { LABOUR_CODE as L } from './labourCode.js';

/**
 * 2027, provisional: only the days the Labour Code fixes (DOMAIN.md §9.1, computed). New Year
 * Friday 01/01; Hùng Kings (10/3 lunar) Friday 16/04; 30/04 Friday; 1/05 Saturday, compensated
 * Monday 03/05 (Art. 111(3)); National Day Thursday 02/09. Tết Đinh Mùi's five days and the day
 * beside National Day are the Prime Minister's to decide: until then the year is provisional.
 */
export const YEAR_2027: CalendarYear = {
  year: 2027,
  status: 'provisional',
  source:
    'Các ngày cố định theo Điều 111–112 Bộ luật Lao động 2019 (tính trước, DOMAIN.md §9.1); chưa có quyết định năm 2027',
  undecided: [
    'Tết Nguyên đán Đinh Mùi: 05 ngày quanh mùng 1 (thứ Bảy 06/02/2027), do Thủ tướng Chính phủ quyết định',
    'Quốc khánh: ngày liền kề 02/09 (thứ Tư 01/09 hoặc thứ Sáu 03/09/2027), do Thủ tướng Chính phủ quyết định',
    'Các ngày hoán đổi và làm bù, nếu có',
  ],
  entries: [
    { date: '2027-01-01', kind: 'statutory', name: 'Tết Dương lịch', basis: L.newYear, status: 'decided' },
    {
      date: '2027-04-16',
      kind: 'statutory',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      basis: L.hungKings,
      status: 'decided',
    },
    { date: '2027-04-30', kind: 'statutory', name: 'Ngày Chiến thắng', basis: L.victory, status: 'decided' },
    {
      date: '2027-05-01',
      kind: 'statutory',
      name: 'Ngày Quốc tế lao động',
      basis: L.labourDay,
      status: 'decided',
    },
    {
      date: '2027-05-03',
      kind: 'compensatory',
      name: 'Nghỉ bù Ngày Quốc tế lao động',
      basis: L.compensatory,
      status: 'decided',
    },
    { date: '2027-09-02', kind: 'statutory', name: 'Quốc khánh', basis: L.nationalDay, status: 'decided' },
  ],
};
