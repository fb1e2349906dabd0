/** A person of the demo one may sign in as: a role acting for a unit of the demo tree (invented). */
export interface DemoPerson {
  id: string;
  actor: string;
  role: string;
  unit: string;
  /** What the role picker shows, in Vietnamese. */
  label: string;
}

const AN_KHANH = 'xa-an-khanh';

/**
 * The demo's people, one per role that has a page, each in a unit where the demo gives it work
 * (the same callers `dacxa serve` prints tokens for). Names are invented.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    id: 'cong-an-xa',
    actor: 'dev-commune-police',
    role: 'commune-police',
    unit: `${AN_KHANH}/cong-an`,
    label: 'Công an xã An Khánh',
  },
  {
    id: 'chu-tich-xa',
    actor: 'dev-commune-chair',
    role: 'commune-chair',
    unit: AN_KHANH,
    label: 'Chủ tịch UBND xã An Khánh',
  },
  {
    id: 'truong-thon',
    actor: 'dev-village-head',
    role: 'village-head',
    unit: `${AN_KHANH}/thon-2`,
    label: 'Trưởng thôn 2, xã An Khánh',
  },
  {
    id: 'nguoi-giup-do',
    actor: 'u-giup-do-1',
    role: 'supervisor',
    unit: AN_KHANH,
    label: 'Người được giao giúp đỡ số 1 (giả định)',
  },
  {
    id: 'tieu-ban',
    actor: 'dev-amnesty-subcommittee',
    role: 'amnesty-subcommittee',
    unit: 'ca-tinh',
    label: 'Tiểu ban đặc xá Công an tỉnh',
  },
  {
    id: 'cong-an-tinh',
    actor: 'dev-provincial-police',
    role: 'provincial-police',
    unit: 'ca-tinh',
    label: 'Công an tỉnh',
  },
  {
    id: 'vien-kiem-sat',
    actor: 'dev-procuracy',
    role: 'procuracy',
    unit: 'vks-tinh',
    label: 'Viện kiểm sát nhân dân tỉnh',
  },
  {
    id: 'mat-tran',
    actor: 'dev-fatherland-front',
    role: 'fatherland-front',
    unit: `${AN_KHANH}/mat-tran`,
    label: 'Ủy ban MTTQ xã An Khánh',
  },
  {
    id: 'kiem-toan',
    actor: 'dev-auditor',
    role: 'auditor',
    unit: 'thanh-tra-tinh',
    label: 'Kiểm toán viên (Thanh tra tỉnh)',
  },
  {
    id: 'cong-an-xa-khac',
    actor: 'dev-commune-police-2',
    role: 'commune-police',
    unit: 'xa-thi-diem/cong-an',
    label: 'Công an xã Thí Điểm (tỉnh khác)',
  },
];
