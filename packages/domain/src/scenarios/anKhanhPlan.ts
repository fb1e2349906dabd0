import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';

/** Hải Phòng city, the province An Khánh lies in; its committee issued plan 1958/UBND-NC. */
export const CITY = 'tp-hai-phong';
/** Hải Phòng city police, through whom the city's plan has results reported (the demo's unit code). */
export const CITY_POLICE = 'ca-tinh';
// Units of An Khánh commune, nested by path under the commune's code.
export const XA = 'xa-an-khanh';
export const UNITS = {
  ubnd: XA,
  police: `${XA}/cong-an`,
  culture: `${XA}/van-hoa-xa-hoi`,
  serviceCentre: `${XA}/trung-tam-su-nghiep-cong`,
  economic: `${XA}/kinh-te`,
  front: `${XA}/mat-tran`,
  villages: `${XA}/thon`,
} as const;

/** Who does what, as plan 13/KH-UBND's section III assigns it (ASSIGN) or asks it (REQUEST). */
export const TASK_GROUPS = [
  { no: 1, title: 'Công an xã', lead: UNITS.police, role: 'commune-police', type: 'ASSIGN' },
  {
    no: 2,
    title: 'Phòng Văn hóa - Xã hội',
    lead: UNITS.culture,
    role: 'commune-culture-office',
    type: 'ASSIGN',
  },
  {
    no: 3,
    title: 'Trung tâm sự nghiệp công',
    lead: UNITS.serviceCentre,
    role: 'commune-service-centre',
    type: 'ASSIGN',
  },
  { no: 4, title: 'Phòng Kinh tế', lead: UNITS.economic, role: 'commune-economic-office', type: 'ASSIGN' },
  {
    no: 5,
    title: 'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã',
    lead: UNITS.front,
    role: 'fatherland-front',
    type: 'REQUEST',
  },
  { no: 6, title: 'Trưởng các thôn', lead: UNITS.villages, role: 'village-head', type: 'ASSIGN' },
] as const;

/** The grant decision of 2025 round 2 (QĐ 1693/QĐ-CTN, 29/08/2025): no notice of it is dated earlier. */
export const GRANT_DECISION_2025 = { number: '1693/QĐ-CTN', date: '2025-08-29' } as const;
/** The round decision of 2025 round 2, written as KNOWN_ROUNDS['2025-2'] writes it (with its year). */
export const ROUND_DECISION_2025 = { number: '1244/2025/QĐ-CTN', date: '2025-07-03' } as const;

/** Invented people only; the seed plan's own signatories are not reproduced. */
export const PEOPLE = [
  'Người Giả Định A',
  'Người Giả Định B',
  'Người Giả Định C',
  'Người Giả Định D',
  'Người Giả Định E',
];

/** Metadata for an actor of a role acting for a unit on a local date (08:00 in Hanoi). */
export function by(role: Role, unit: string, on: string, actor = `u-${role}`): CommandMeta {
  return { actor, role, unit, now: `${on}T01:00:00Z` };
}

/** A deterministic UUIDv7-shaped id for the n-th thing of a kind, so scenarios read the same every run. */
export function id(kind: number, n: number): string {
  return `0192f5c4-${String(kind).padStart(4, '0')}-7000-8000-${String(n).padStart(12, '0')}`;
}
