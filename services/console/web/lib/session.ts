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
