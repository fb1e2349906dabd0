import { useState } from 'preact/hooks';
import { DECISION_LABELS, TARGETS, type CorrectionDoc } from '../lib/corrections.js';
import { vnDateTime } from '../lib/format.js';
import { LiveBadge } from '../lib/LiveBadge.js';
import { useLiveView } from '../lib/live.js';
import { session } from '../lib/session.js';
import { CorrectionItem } from './CorrectionItem.js';

const byProposal = (a: CorrectionDoc, b: CorrectionDoc) => a.proposedAt.localeCompare(b.proposedAt);

/**
 * The corrections inbox (four eyes): what awaits a second person's approval, live, in the caller's
 * scope as the API decides it. A proposal of the signed-in user waits for someone else; the server
 * still refuses a self-approval whatever the page shows.
 */
export function Corrections() {
  const live = useLiveView<CorrectionDoc>('corrections');
  const [done, setDone] = useState<string | null>(null);
  const me = session()?.caller.actor ?? '';
  const all = [...live.docs.values()];
  const pending = all.filter((c) => c.status === 'pending').sort(byProposal);
  const decided = all
    .filter((c) => c.status !== 'pending')
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  return (
    <main id="main">
      <h1>Hộp thư đính chính</h1>
      <p>Mỗi đính chính do một người đề nghị và một người khác phê duyệt (nguyên tắc hai người).</p>
      <LiveBadge status={live.status} position={live.position} />
      {live.error ? (
        <p role="alert" class="error">
          {live.error}
        </p>
      ) : null}
      <p role="status" class="ok">
        {done ?? ''}
      </p>
      <section aria-labelledby="pending">
        <h2 id="pending">Chờ phê duyệt ({pending.length})</h2>
        {pending.length === 0 ? <p>Không có đề nghị đính chính nào đang chờ.</p> : null}
        <ul class="cards" data-list="pending">
          {pending.map((c) => (
            <CorrectionItem key={c.correctionId} c={c} me={me} onDone={setDone} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="decided">
        <h2 id="decided">Đã xử lý ({decided.length})</h2>
        <details>
          <summary>Xem các đề nghị đã phê duyệt hoặc từ chối</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Hồ sơ</th>
                <th scope="col">Lý do</th>
                <th scope="col">Người đề nghị</th>
                <th scope="col">Kết quả</th>
                <th scope="col">Người quyết định</th>
                <th scope="col">Lúc</th>
              </tr>
            </thead>
            <tbody data-list="decided">
              {decided.map((c) => (
                <tr key={c.correctionId} data-correction={c.correctionId}>
                  <td>
                    {TARGETS[c.target.kind]?.label ?? c.target.kind} …{c.target.id.slice(-6)}
                  </td>
                  <td>{c.reason}</td>
                  <td>{c.proposedBy === me ? 'Bạn' : c.proposedBy}</td>
                  <td>
                    {DECISION_LABELS[c.status]}
                    {c.rejectionReason ? `: ${c.rejectionReason}` : ''}
                  </td>
                  <td>{c.decidedBy === me ? 'Bạn' : (c.decidedBy ?? '—')}</td>
                  <td>{vnDateTime(c.decidedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
    </main>
  );
}
