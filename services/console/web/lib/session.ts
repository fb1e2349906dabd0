/** Who is signed in, held in this page's memory only: never in a URL, localStorage or sessionStorage. */
export interface Caller {
  actor: string;
  role: string;
  unit: string;
}
export interface Session {
  token: string;
  expiresAt: number;
  caller: Caller;
  label: string;
}

let current: Session | null = null;
const listeners = new Set<() => void>();

export const session = (): Session | null => (current && current.expiresAt > Date.now() ? current : null);

export function setSession(next: Session | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export function onSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Vietnamese names of the roles the console shows. */
export const ROLE_LABELS: Record<string, string> = {
  'commune-police': 'Công an xã',
  'commune-chair': 'Chủ tịch UBND xã',
  'commune-deputy-chair': 'Phó Chủ tịch UBND xã',
  'village-head': 'Trưởng thôn',
  supervisor: 'Người được giao giúp đỡ',
  'amnesty-subcommittee': 'Tiểu ban đặc xá',
  'provincial-police': 'Công an tỉnh',
  procuracy: 'Viện kiểm sát',
  'fatherland-front': 'Mặt trận Tổ quốc',
  auditor: 'Kiểm toán viên',
  admin: 'Quản trị hệ thống',
};

/** The page each role opens on. */
export function homeOf(role: string): string {
  if (role === 'village-head' || role === 'supervisor') return '/cua-toi';
  if (role.startsWith('commune-') || role === 'vbsp') return '/hom-nay';
  if (role === 'procuracy' || role === 'fatherland-front') return '/giam-sat';
  if (role === 'auditor' || role === 'admin') return '/kiem-toan';
  return '/vong-dac-xa';
}

const HOME_LABELS: Record<string, string> = {
  '/hom-nay': 'Việc hôm nay',
  '/cua-toi': 'Người tôi giúp đỡ',
  '/vong-dac-xa': 'Bảng điều hành đợt đặc xá',
  '/giam-sat': 'Giám sát',
  '/kiem-toan': 'Kiểm toán',
};

/**
 * Who is offered the statistics (/thong-ke): the roles the access policy lets read case files in an
 * area (a commune's staff, the provincial police and committee, the procuracy, the Front). Not the
 * amnesty sub-committee, which the policy gives no read of case files: the page would only refuse
 * it (it still does so in Vietnamese if the address is typed).
 */
const STATISTICS_READERS = new Set([
  'provincial-police',
  'provincial-committee',
  'procuracy',
  'fatherland-front',
]);
const readsStatistics = (role: string): boolean =>
  role.startsWith('commune-') || STATISTICS_READERS.has(role);

/**
 * The pages a role moves between, its home first: the corrections inbox for those who approve a
 * commune's, the statistics for those who read an area's cases; none when it has only its home.
 */
export function linksOf(role: string): Array<{ path: string; label: string }> {
  const others = [
    ...(role === 'commune-police' || role === 'commune-chair'
      ? [{ path: '/dinh-chinh', label: 'Hộp thư đính chính' }]
      : []),
    ...(readsStatistics(role) ? [{ path: '/thong-ke', label: 'Thống kê' }] : []),
  ];
  if (others.length === 0) return [];
  const home = homeOf(role);
  return [{ path: home, label: HOME_LABELS[home] ?? 'Trang chính' }, ...others];
}
