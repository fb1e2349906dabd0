import { useState } from 'preact/hooks';
import { STATUS_LABELS, vnDate } from '../lib/format.js';
import { LiveBadge } from '../lib/LiveBadge.js';
import { useLiveView } from '../lib/live.js';
import type { CaseDoc } from '../lib/types.js';
import { VisitForm } from './VisitForm.js';

/** Village heads and supervisors: their own people only; a visit in two taps. */
export function MyPeople() {
  const live = useLiveView<CaseDoc>('case-files');
  const [open, setOpen] = useState<string | null>(null);
  const people = [...live.docs.values()].filter((c) => c.status !== 'closed');
  return (
    <main id="main" class="narrow">
      <h1>Người tôi giúp đỡ ({people.length})</h1>
      <LiveBadge status={live.status} position={live.position} />
      {live.error ? (
        <p role="alert" class="error">
          {live.error}
        </p>
      ) : null}
      <ul class="cards">
        {people.map((c) => (
          <li key={c.caseId} data-case={c.caseId}>
            <h2>{c.person?.fullName ?? c.caseId}</h2>
            <p>
              {STATUS_LABELS[c.status] ?? c.status} · {c.village ?? '—'} · <span data-visits>{c.visits}</span>{' '}
              lần thăm gặp, gần nhất {vnDate(c.lastVisitOn)}
            </p>
            <button
              type="button"
              class="primary big"
              aria-expanded={open === c.caseId}
              onClick={() => setOpen(open === c.caseId ? null : c.caseId)}
            >
              Thăm gặp {c.person?.fullName ?? ''}
            </button>
            {open === c.caseId ? <VisitForm caseId={c.caseId} /> : null}
          </li>
        ))}
      </ul>
    </main>
  );
}
