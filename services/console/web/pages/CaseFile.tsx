import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../lib/api.js';
import { STATUS_LABELS, vnDate } from '../lib/format.js';
import { LiveBadge } from '../lib/LiveBadge.js';
import { useLiveView } from '../lib/live.js';
import type { CaseDoc } from '../lib/types.js';
import { CommandForm } from './CommandForm.js';
import { VisitForm } from './VisitForm.js';

interface Timeline {
  entries: Array<{ position: string; type: string; text: string }>;
}

/** A case file: its state (live), its timeline in Vietnamese, and the forms to record what is done. */
export function CaseFile({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const live = useLiveView<CaseDoc>('case-files');
  const doc = [...live.docs.values()].find((c) => c.caseId === caseId);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getJson<Timeline>(`/cases/${caseId}/timeline`).then(setTimeline, (e: Error) => setError(e.message));
  }, [caseId, live.position]);
  return (
    <main id="main">
      <h1>Hồ sơ {doc?.person?.fullName ?? caseId}</h1>
      <LiveBadge status={live.status} position={live.position} />
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      {doc ? (
        <dl class="facts">
          <dt>Tình trạng</dt>
          <dd>{STATUS_LABELS[doc.status] ?? doc.status}</dd>
          <dt>Thôn</dt>
          <dd>{doc.village ?? '—'}</dd>
          <dt>Nhóm</dt>
          <dd data-group>{doc.group ?? 'Chưa phân loại'}</dd>
          <dt>Ngày trả tự do</dt>
          <dd>{vnDate(doc.releaseDate)}</dd>
          <dt>Số lần thăm gặp</dt>
          <dd data-visits>{doc.visits}</dd>
          <dt>Thăm gặp gần nhất</dt>
          <dd>{vnDate(doc.lastVisitOn)}</dd>
        </dl>
      ) : null}
      <section aria-labelledby="timeline">
        <h2 id="timeline">Diễn biến</h2>
        <ol class="timeline" data-timeline>
          {timeline?.entries.map((e) => (
            <li key={e.position}>{e.text}</li>
          ))}
        </ol>
      </section>
      {canWrite ? (
        <section aria-labelledby="forms" class="two">
          <h2 id="forms">Ghi nhận</h2>
          <div>
            <h3>Thăm gặp</h3>
            <VisitForm caseId={caseId} />
          </div>
          <div>
            <h3>Biểu mẫu khác</h3>
            <CommandForm caseId={caseId} />
          </div>
        </section>
      ) : null}
    </main>
  );
}
