import { z } from 'zod';

/** Every role a user can act in, with its Vietnamese and English names (DOMAIN.md §1). */
export const ROLES = {
  'commune-police': { vi: 'Công an xã', en: 'Commune police' },
  'commune-chair': { vi: 'Chủ tịch UBND xã', en: "Chair of the commune People's Committee" },
  'commune-deputy-chair': {
    vi: 'Phó Chủ tịch UBND xã (ký thay Chủ tịch)',
    en: "Deputy chair of the commune People's Committee (signs for the chair)",
  },
  'commune-culture-office': { vi: 'Phòng Văn hóa – Xã hội', en: 'Commune culture and social office' },
  'commune-economic-office': { vi: 'Phòng Kinh tế', en: 'Commune economic office' },
  'commune-service-centre': { vi: 'Trung tâm dịch vụ sự nghiệp công', en: 'Commune public-service centre' },
  'village-head': { vi: 'Trưởng thôn, tổ trưởng tổ dân phố', en: 'Village head' },
  supervisor: {
    vi: 'Người được giao quản lý, giám sát, giáo dục, giúp đỡ',
    en: 'Person assigned to manage, supervise, educate and help',
  },
  procuracy: { vi: 'Viện kiểm sát nhân dân', en: "People's Procuracy" },
  'fatherland-front': { vi: 'Ủy ban Mặt trận Tổ quốc', en: 'Fatherland Front committee' },
  'provincial-police': { vi: 'Công an tỉnh', en: 'Provincial police' },
  'amnesty-subcommittee': {
    vi: 'Tiểu ban đặc xá Công an tỉnh',
    en: 'Provincial police amnesty sub-committee',
  },
  'provincial-committee': { vi: 'UBND tỉnh', en: "Provincial People's Committee" },
  court: { vi: 'Tòa án nhân dân', en: "People's Court" },
  'facility-warden': { vi: 'Giám thị trại giam', en: 'Prison warden' },
  // The seeds name these bodies; each certifies facts others decide on (DOMAIN.md §1).
  'civil-enforcement': {
    vi: 'Cơ quan thi hành án dân sự',
    en: 'Civil judgment enforcement office (confirms fines, fees and damages paid)',
  },
  'provincial-justice-dept': { vi: 'Sở Tư pháp', en: 'Provincial Department of Justice' },
  'provincial-home-affairs-dept': {
    vi: 'Sở Nội vụ',
    en: 'Provincial Department of Home Affairs (labour and social affairs since 2025)',
  },
  'provincial-health-dept': { vi: 'Sở Y tế', en: 'Provincial Department of Health' },
  vbsp: { vi: 'Ngân hàng Chính sách xã hội', en: 'Vietnam Bank for Social Policies' },
  auditor: { vi: 'Kiểm toán viên', en: 'Auditor' },
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  system: { vi: 'Hệ thống (tự động)', en: 'System (automatic)' },
} as const;

export type Role = keyof typeof ROLES;
export const Role = z.enum(Object.keys(ROLES) as [Role, ...Role[]]);

/** Who signs the commune People's Committee's decisions: the chair, or a deputy "KT. Chủ tịch". */
export const CHAIR_SIGNERS: readonly Role[] = ['commune-chair', 'commune-deputy-chair'];

/** How a chair's decision was signed (NĐ 30/2020): by the chair, or by a deputy for the chair. */
export const SignedAs = z.enum(['CHU_TICH', 'KT_CHU_TICH']);
export type SignedAs = z.infer<typeof SignedAs>;
export const signedAs = (role: Role): SignedAs =>
  role === 'commune-deputy-chair' ? 'KT_CHU_TICH' : 'CHU_TICH';

/** Oversight bodies read widely and write only findings and recommendations (LĐX 30, 34). */
export const OVERSIGHT_ROLES: readonly Role[] = ['procuracy', 'fatherland-front'];
