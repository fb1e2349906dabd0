import { BUILT_IN_YEARS } from '@dacxa/domain';

const tet = (date: string, kind = 'statutory') => ({
  date,
  kind,
  name: 'Tết Đinh Mùi (giả định cho kiểm thử)',
  basis: 'Bộ luật Lao động 2019, Điều 112(1)(b) (giả định)',
  status: 'decided',
});

/**
 * INVENTED for the views' tests, not a real decision: the data of a `HolidayCalendarPublished`
 * deciding 2027 with Tết off 05/02–11/02, published on 15/01/2027.
 */
export const INVENTED_2027_PUBLICATION = {
  year: 2027,
  status: 'decided',
  undecided: [],
  entries: [
    ...(BUILT_IN_YEARS.find((y) => y.year === 2027)?.entries ?? []),
    ...['05', '06', '07', '08', '09'].map((d) => tet(`2027-02-${d}`)),
    tet('2027-02-10', 'compensatory'),
    tet('2027-02-11', 'compensatory'),
  ],
  document: {
    number: '999/VPCP-KGVX (giả định)',
    date: '2027-01-14',
    issuer: 'Văn phòng Chính phủ (giả định)',
  },
  publishedAt: '2027-01-15T02:00:00Z',
};
