import { ROLES, type Role } from '../shared/roles.js';
import type { HolderTag } from './holders.js';
import type { Relation } from './jurisdiction.js';
import { ACCESS_POLICY, type Grant, type RecordKind } from './policy.js';

const KINDS: Record<RecordKind, string> = {
  case: 'Hồ sơ tái hòa nhập — reintegration case (`case-…`)',
  plan: 'Kế hoạch — plan (`plan-…`)',
  task: 'Nhiệm vụ — task (`task-…`)',
  report: 'Báo cáo — report (`report-…`)',
  oversight: 'Giám sát, kiến nghị — oversight matter (`oversight-…`)',
  round: 'Đợt đặc xá — amnesty round (`round-…`)',
  dossier: 'Hồ sơ đề nghị đặc xá — amnesty dossier (`dossier-…`)',
  'org-units': 'Cây đơn vị — organisation units (`org-units-registry`)',
  calendar: 'Lịch nghỉ lễ, Tết — the holiday calendar (`calendar-vn`)',
  'subject-request': 'Yêu cầu của chủ thể dữ liệu — a data-subject request (`subject-request-…`)',
  'loan-list': 'Danh sách đủ điều kiện vay vốn (Mẫu 01) — a commune’s monthly loan list (`loan-list-…`)',
  'vbsp-rates': 'Lãi suất cho vay của NHCSXH — VBSP’s lending rates in force (`vbsp-rates-vn`)',
  'establishment-loan':
    'Khoản vay của cơ sở sản xuất, kinh doanh — an establishment’s loan (`establishment-loan-…`)',
  breach: 'Vi phạm dữ liệu cá nhân — a personal-data breach and its 72-hour notice (`breach-…`)',
  audit: 'Nhật ký truy cập và xuất nhật ký — an area’s access log and export',
  'personal-data': 'Quyền của chủ thể dữ liệu — a person’s rights: subject access, read history, erasure',
};
const TAGS: Record<HolderTag, string> = {
  commune: 'its commune',
  destination: 'the commune it was transferred to',
  village: 'the village of the residence',
  supervisor: 'its assigned supervisor',
  province: 'its province',
  facility: 'its facility',
  issuer: 'the issuing unit',
  channel: 'the unit it reports through',
  lead: 'the lead unit',
  coordinator: 'a coordinating unit',
  reporter: 'the reporting unit',
  recipient: 'the requesting unit',
  body: 'the oversight body',
  addressee: 'the addressee',
  unit: 'a unit the change touches',
  nation: 'the whole country',
};
const RELATIONS: Record<Relation, string> = {
  same: 'is the caller’s own area',
  over: 'lies inside the caller’s area',
  under: 'is an area the caller lies inside',
  assigned: 'is the caller',
  village: 'is the village the caller heads',
};

const describeGrant = (grant: Grant): string =>
  grant.length === 0
    ? 'always'
    : grant
        .map(
          (r) =>
            `${r.every ? 'every ' : ''}${TAGS[r.tag]} ${r.relations.map((x) => RELATIONS[x]).join(' or ')}`,
        )
        .join(', and ');

/** docs/access-policy.md: who may read and write whose records, generated from ACCESS_POLICY. */
export function renderAccessPolicy(): string {
  const lines = [
    '# Access policy (generated)',
    '',
    '<!-- Generated from packages/domain/src/access/policy.ts by `npx pnpm access-doc`; a test fails when it is stale. -->',
    '',
    'One policy decides every read and every write. A caller is a role acting for a unit of the',
    'organisation tree; the unit acts for an *area* — itself if it is a province, commune, village,',
    'facility or national body, otherwise the nearest such unit above it (the commune police act for',
    'their commune, a provincial procuracy for its province). A record names its holders (a case its',
    'commune, village and supervisor; a dossier its facility; a round its province; …). A role may',
    'take an action when any one of its lines below holds; a line holds when all its conditions do.',
    'Writes are checked on the record as it is and as the command would leave it; a record the caller',
    'may not read answers 404, as a missing one does. A unit merged into another hands its records to',
    'its successor from the merger’s date; a caller whose area no longer exists may do nothing.',
    'Deciders still say which role may take which step (each event’s emitters, docs/events.md).',
    '',
  ];
  for (const [kind, actions] of Object.entries(ACCESS_POLICY) as Array<
    [RecordKind, (typeof ACCESS_POLICY)[RecordKind]]
  >) {
    lines.push(`## ${KINDS[kind]}`, '', '| role | read when | write when |', '| --- | --- | --- |');
    for (const role of Object.keys(ROLES) as Role[]) {
      if (role === 'system') continue;
      const read = actions.read[role] ?? [];
      const write = actions.write[role] ?? [];
      if (read.length === 0 && write.length === 0) continue;
      const cell = (grants: readonly Grant[]) =>
        grants.length === 0 ? '—' : grants.map(describeGrant).join('; or ');
      lines.push(`| ${ROLES[role].vi} (\`${role}\`) | ${cell(read)} | ${cell(write)} |`);
    }
    lines.push('');
  }
  lines.push(
    'The service’s own role (`system`, for deadline sweeps) is not a person: no token may claim it.',
    '',
  );
  return lines.join('\n');
}
