import { defineCommand, type CommandOf } from '../shared/command.js';
import type { LocalDate } from '../shared/localDate.js';
import { defineRule, ensure } from '../shared/rules.js';
import * as e from './events.js';
import { unitAt, type OrgUnitsState } from './registry.js';

/** From this date there are no districts: communes sit directly under provinces (two-level government). */
export const TWO_LEVEL_GOVERNMENT_FROM: LocalDate = '2025-07-01';

export const ORG_UNIT_COMMANDS = [
  defineCommand({
    type: 'EstablishOrgUnit',
    label: { vi: 'Thành lập đơn vị', en: 'Establish a unit' },
    schema: e.OrgUnitEstablished.schema,
  }),
  defineCommand({
    type: 'RenameOrgUnit',
    label: { vi: 'Đổi tên đơn vị', en: 'Rename a unit' },
    schema: e.OrgUnitRenamed.schema,
  }),
  defineCommand({
    type: 'ReparentOrgUnit',
    label: { vi: 'Chuyển đơn vị trực thuộc', en: 'Move a unit' },
    schema: e.OrgUnitReparented.schema,
  }),
  defineCommand({
    type: 'MergeOrgUnits',
    label: { vi: 'Sáp nhập đơn vị', en: 'Merge units' },
    schema: e.OrgUnitsMerged.schema,
  }),
  defineCommand({
    type: 'DissolveOrgUnit',
    label: { vi: 'Giải thể đơn vị', en: 'Dissolve a unit' },
    schema: e.OrgUnitDissolved.schema,
  }),
] as const;
export type OrgUnitCommand = CommandOf<(typeof ORG_UNIT_COMMANDS)[number]>;

const illegal = (id: string, vi: string, en: string) =>
  defineRule({ id: `org.${id}`, kind: 'illegal-state', vi, en });
export const ORG_UNIT_RULES = {
  adminOnly: defineRule({
    id: 'org.admin-only',
    kind: 'forbidden',
    vi: 'Chỉ quản trị hệ thống cập nhật danh mục đơn vị',
    en: 'Only an administrator changes the unit registry',
  }),
  codeTaken: illegal('code-taken', 'Mã đơn vị đã được dùng', 'The unit code is already used'),
  unknown: illegal(
    'unknown-at-date',
    'Đơn vị không tồn tại vào ngày hiệu lực',
    'The unit does not exist on the effective date',
  ),
  nesting: illegal(
    'nesting',
    'Đơn vị cấp trên không phù hợp với loại đơn vị',
    'That parent cannot hold this kind of unit',
  ),
  noDistricts: illegal(
    'no-districts-after-reform',
    'Từ 01/07/2025 không còn cấp huyện',
    'There are no districts from 01/07/2025',
  ),
  hasChildren: illegal(
    'has-children',
    'Còn đơn vị trực thuộc vào ngày giải thể',
    'Units still sit under it on that date',
  ),
} as const;

const ADMINISTRATIVE: Partial<Record<e.UnitKind, readonly e.UnitKind[]>> = {
  NATIONAL: [],
  PROVINCE: [],
  DISTRICT: ['PROVINCE'],
  COMMUNE: ['PROVINCE', 'DISTRICT'],
  WARD: ['PROVINCE', 'DISTRICT'],
  SPECIAL_ZONE: ['PROVINCE', 'DISTRICT'],
  VILLAGE: ['COMMUNE', 'WARD', 'SPECIAL_ZONE'],
  RESIDENTIAL_GROUP: ['COMMUNE', 'WARD', 'SPECIAL_ZONE'],
};

function checkParent(state: OrgUnitsState, kind: e.UnitKind, parent: string | null, date: LocalDate): void {
  const allowed = ADMINISTRATIVE[kind];
  if (parent === null) return ensure(allowed === undefined || allowed.length === 0, ORG_UNIT_RULES.nesting);
  const holder = unitAt(state, parent, date);
  ensure(holder !== null, ORG_UNIT_RULES.unknown, parent);
  ensure(
    allowed === undefined || allowed.includes(holder.kind),
    ORG_UNIT_RULES.nesting,
    `${kind} under ${holder.kind}`,
  );
  ensure(
    !(holder.kind === 'DISTRICT' || kind === 'DISTRICT') || date < TWO_LEVEL_GOVERNMENT_FROM,
    ORG_UNIT_RULES.noDistricts,
  );
}

const childrenAt = (state: OrgUnitsState, code: string, date: LocalDate): string[] =>
  Object.keys(state).filter((child) => unitAt(state, child, date)?.parent === code);

export function decideOrgUnits(command: OrgUnitCommand, state: OrgUnitsState): e.OrgUnitEvent[] {
  ensure(command.meta.role === 'admin', ORG_UNIT_RULES.adminOnly);

  switch (command.type) {
    case 'EstablishOrgUnit':
      ensure(state[command.data.code] === undefined, ORG_UNIT_RULES.codeTaken, command.data.code);
      checkParent(state, command.data.kind, command.data.parent, command.data.effectiveFrom);
      return [{ type: 'OrgUnitEstablished', data: command.data }];
    case 'RenameOrgUnit':
      ensure(
        unitAt(state, command.data.code, command.data.effectiveFrom) !== null,
        ORG_UNIT_RULES.unknown,
        command.data.code,
      );
      return [{ type: 'OrgUnitRenamed', data: command.data }];
    case 'ReparentOrgUnit': {
      const unit = unitAt(state, command.data.code, command.data.effectiveFrom);
      ensure(unit !== null, ORG_UNIT_RULES.unknown, command.data.code);
      checkParent(state, unit.kind, command.data.parent, command.data.effectiveFrom);
      return [{ type: 'OrgUnitReparented', data: command.data }];
    }
    case 'MergeOrgUnits':
      for (const code of [...command.data.codes, command.data.into]) {
        ensure(unitAt(state, code, command.data.effectiveFrom) !== null, ORG_UNIT_RULES.unknown, code);
      }
      return [{ type: 'OrgUnitsMerged', data: command.data }];
    case 'DissolveOrgUnit':
      ensure(
        unitAt(state, command.data.code, command.data.effectiveFrom) !== null,
        ORG_UNIT_RULES.unknown,
        command.data.code,
      );
      ensure(
        childrenAt(state, command.data.code, command.data.effectiveFrom).length === 0,
        ORG_UNIT_RULES.hasChildren,
      );
      return [{ type: 'OrgUnitDissolved', data: command.data }];
  }
}
