import type { LiveStatus } from './live.js';
import { vnTime } from './format.js';

/** Says whether a board is live, and since when it is stale. */
export function LiveBadge({ status, position }: { status: LiveStatus; position: string | null }) {
  const text =
    status.state === 'live'
      ? 'Trực tiếp'
      : status.state === 'stale'
        ? `Mất kết nối từ ${vnTime(status.since)} — dữ liệu có thể đã cũ, đang kết nối lại`
        : 'Đang kết nối…';
  return (
    <p class={`live live-${status.state}`} role="status" aria-live="polite" data-live={status.state}>
      <span class="dot" aria-hidden="true" /> {text}
      {position ? <span class="pos"> · vị trí nhật ký {position}</span> : null}
    </p>
  );
}
