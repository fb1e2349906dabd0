/**
 * The administrative unit a path-coded office belongs to: `xa-an-khanh/cong-an` → `xa-an-khanh`.
 * Views index it so that a commune's or a province's scope selects with one `in` condition.
 */
export function unitRoot(unit: string): string {
  const slash = unit.indexOf('/');
  return slash === -1 ? unit : unit.slice(0, slash);
}
