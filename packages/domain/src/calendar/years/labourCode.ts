/** The articles of the Labour Code every year's calendar rests on, as the entries cite them. */
export const LABOUR_CODE = {
  newYear: 'Bộ luật Lao động 2019, Điều 112(1)(a)',
  tet: 'Bộ luật Lao động 2019, Điều 112(1)(b)',
  victory: 'Bộ luật Lao động 2019, Điều 112(1)(c)',
  labourDay: 'Bộ luật Lao động 2019, Điều 112(1)(d)',
  nationalDay: 'Bộ luật Lao động 2019, Điều 112(1)(đ)',
  hungKings: 'Bộ luật Lao động 2019, Điều 112(1)(e)',
  compensatory: 'Bộ luật Lao động 2019, Điều 111(3)',
} as const;
