const TZ = 'Asia/Ho_Chi_Minh';
const dateFmt = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFmt = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** dd/mm/yyyy of a YYYY-MM-DD day (as is) or of an instant (in Asia/Ho_Chi_Minh). */
export function vnDate(value: string | null | undefined): string {
  if (!value) return '—';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const parts = dateFmt.formatToParts(new Date(value));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')}`;
}

const minuteFmt = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy HH:mm of an instant in Asia/Ho_Chi_Minh. */
export function vnDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return `${vnDate(value)} ${minuteFmt.format(new Date(value))}`;
}

/** HH:mm:ss of an instant in Asia/Ho_Chi_Minh. */
export const vnTime = (value: number | Date): string => timeFmt.format(value);

/** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
export function todayVn(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts;
}

export const STATUS_LABELS: Record<string, string> = {
  expected: 'Chờ trình diện',
  received: 'Đã trình diện',
  supervised: 'Đang giúp đỡ',
  transferredOut: 'Đã chuyển đi',
  closed: 'Đã kết thúc',
};

export const DUE_LABELS: Record<string, string> = {
  'verify-residence': 'Xác minh nơi cư trú',
  'report-in': 'Trình diện',
  'open-file': 'Lập hồ sơ quản lý',
  'propose-supervisor': 'Đề xuất người giúp đỡ',
};

export const STAGE_LABELS: Record<string, string> = {
  petitioned: 'Đã có đơn',
  eligible: 'Đủ điều kiện',
  ineligible: 'Không đủ điều kiện',
  disqualified: 'Bị loại',
  proposed: 'Đã đề nghị',
  appraised: 'Đã thẩm định',
  granted: 'Được đặc xá',
  'not-granted': 'Không được đặc xá',
  released: 'Đã trả tự do',
};

export const WORK_LABELS: Record<string, string> = {
  awaited: 'Chờ phản hồi',
  done: 'Đã xong',
  none: 'Không có hạn',
  open: 'Đang thực hiện',
  overdue: 'Quá hạn',
  assigned: 'Đã giao',
  acknowledged: 'Đã nhận',
  completed: 'Hoàn thành',
  requested: 'Đã yêu cầu',
  submitted: 'Đã nộp',
  returned: 'Bị trả lại',
  accepted: 'Đã chấp nhận',
  consolidated: 'Đã tổng hợp',
};

/** A label from a map, or the code itself when the map does not know it yet. */
export const labelOf = (labels: Record<string, string>, code: string): string => labels[code] ?? code;
