import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { LocalDate } from '../shared/localDate.js';

const aggregate = 'org-units';
const Code = z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/);

/** Kinds of unit; the administrative ones nest province ⊃ (district, until 2025) ⊃ commune ⊃ village. */
export const UnitKind = z.enum([
  // A national body (the Ministry of Public Security, the amnesty council's standing body): above every province.
  'NATIONAL',
  'PROVINCE',
  'DISTRICT',
  'COMMUNE',
  'WARD',
  'SPECIAL_ZONE',
  'VILLAGE',
  'RESIDENTIAL_GROUP',
  'POLICE',
  'PROCURACY',
  'COURT',
  'FRONT',
  'OFFICE',
  'FACILITY',
]);
export type UnitKind = z.infer<typeof UnitKind>;

export const OrgUnitEstablished = defineEvent({
  type: 'OrgUnitEstablished',
  version: 1,
  aggregate,
  label: { vi: 'Thành lập đơn vị', en: 'Organisation unit established' },
  emittedBy: ['admin'],
  basis: [],
  schema: z
    .object({
      code: Code,
      kind: UnitKind,
      name: z.string().min(1),
      parent: Code.nullable(),
      effectiveFrom: LocalDate,
      document: DocRef.optional(),
    })
    .strict(),
});
export const OrgUnitRenamed = defineEvent({
  type: 'OrgUnitRenamed',
  version: 1,
  aggregate,
  label: { vi: 'Đổi tên đơn vị', en: 'Organisation unit renamed' },
  emittedBy: ['admin'],
  basis: [],
  schema: z
    .object({ code: Code, name: z.string().min(1), effectiveFrom: LocalDate, document: DocRef.optional() })
    .strict(),
});
export const OrgUnitReparented = defineEvent({
  type: 'OrgUnitReparented',
  version: 1,
  aggregate,
  label: { vi: 'Chuyển đơn vị trực thuộc', en: 'Organisation unit moved under another parent' },
  emittedBy: ['admin'],
  basis: [],
  schema: z
    .object({ code: Code, parent: Code.nullable(), effectiveFrom: LocalDate, document: DocRef.optional() })
    .strict(),
});
export const OrgUnitsMerged = defineEvent({
  type: 'OrgUnitsMerged',
  version: 1,
  aggregate,
  label: { vi: 'Sáp nhập đơn vị', en: 'Organisation units merged' },
  emittedBy: ['admin'],
  basis: [],
  schema: z
    .object({ codes: z.array(Code).min(1), into: Code, effectiveFrom: LocalDate, document: DocRef })
    .strict(),
});
export const OrgUnitDissolved = defineEvent({
  type: 'OrgUnitDissolved',
  version: 1,
  aggregate,
  label: { vi: 'Giải thể, kết thúc hoạt động đơn vị', en: 'Organisation unit dissolved' },
  emittedBy: ['admin'],
  basis: [],
  schema: z.object({ code: Code, effectiveFrom: LocalDate, document: DocRef }).strict(),
});

export const ORG_UNIT_EVENTS = [
  OrgUnitEstablished,
  OrgUnitRenamed,
  OrgUnitReparented,
  OrgUnitsMerged,
  OrgUnitDissolved,
] as const;
export type OrgUnitEvent = EventOf<(typeof ORG_UNIT_EVENTS)[number]>;
