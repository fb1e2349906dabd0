import { z } from 'zod';

/** The legal texts the rules cite, by short key (DOMAIN.md §0). */
export const LEGAL_SOURCES = {
  LĐX: 'Luật Đặc xá số 30/2018/QH14',
  NĐ52: 'Nghị định 52/2019/NĐ-CP',
  NĐ49: 'Nghị định 49/2020/NĐ-CP',
  TT10: 'Thông tư 10/2024/TT-BCA',
  QĐ22: 'Quyết định 22/2023/QĐ-TTg',
  LTHAHS19: 'Luật Thi hành án hình sự số 41/2019/QH14',
  BLDS: 'Bộ luật Dân sự số 91/2015/QH13',
  BLLĐ: 'Bộ luật Lao động số 45/2019/QH14',
  NĐ13: 'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân',
  LBVDLCN: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15',
  NĐ356: 'Nghị định 356/2025/NĐ-CP quy định chi tiết Luật Bảo vệ dữ liệu cá nhân',
} as const;

export type LegalSource = keyof typeof LEGAL_SOURCES;

/** A citation: a source and the article (and clause) within it, e.g. TT10 `10(1)`. */
export const LegalRef = z.object({
  source: z.enum(Object.keys(LEGAL_SOURCES) as [LegalSource, ...LegalSource[]]),
  article: z.string().min(1),
});
export type LegalRef = z.infer<typeof LegalRef>;

/** Shorthand for a citation: `cite('TT10', '10(1)')`. */
export function cite(source: LegalSource, article: string): LegalRef {
  return { source, article };
}

/** A citation as a Vietnamese reader expects it: "Điều 10(1) Thông tư 10/2024/TT-BCA". */
export function formatCitation({ source, article }: LegalRef): string {
  return `Điều ${article} ${LEGAL_SOURCES[source]}`;
}
