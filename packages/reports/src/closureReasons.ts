/** The six reasons a case closes (TT 10/2024 Art. 14(1)), by code, as the reports word them. */
export const CLOSURE_REASONS: ReadonlyArray<[string, string]> = [
  ['EXPUNGED', 'Được xóa án tích'],
  ['MOVED', 'Thay đổi nơi cư trú (chuyển hồ sơ)'],
  ['ABROAD', 'Định cư ở nước ngoài'],
  ['MISSING', 'Bị tuyên bố mất tích'],
  ['DIED', 'Chết'],
  ['NEW_PRISON_SENTENCE', 'Phạm tội mới, bị phạt tù'],
];
