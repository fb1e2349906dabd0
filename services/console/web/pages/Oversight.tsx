import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../lib/api.js';
import { STATUS_LABELS, vnDate, vnTime } from '../lib/format.js';
import { LiveBadge } from '../lib/LiveBadge.js';
import { useLiveView } from '../lib/live.js';
import type { CaseDoc } from '../lib/types.js';

interface HistoryEvent {
  revision: number;
  position: string;
  type: string;
  label: string;
  recordedAt: string;
  occurredOn?: string;
}
interface History {
  status: string | null;
  revision: number;
  events: HistoryEvent[];
}
interface AccessEntry {
  position: string;
  actor?: string;
  role?: string;
  purpose?: string;
  target?: string;
  readAt?: string;
}
interface Matter {
  matterId?: string;
  dueOn: string | null;
  status?: string;
  addressee?: string;
}

/** Procuracy and Fatherland Front: a case replayed as of a date, the oversight matters, the access log. */
export function Oversight() {
  const cases = useLiveView<CaseDoc>('case-files');
  const matters = useLiveView<Matter>('oversight');
  const list = [...cases.docs.values()];
  const [caseId, setCaseId] = useState<string>('');
  const [days, setDays] = useState<string[]>([]);
  const [index, setIndex] = useState(0);
  const [by, setBy] = useState<'recording' | 'occurrence'>('recording');
  const [asOf, setAsOf] = useState<History | null>(null);
  const [log, setLog] = useState<AccessEntry[]>([]);
  const chosen = caseId || list[0]?.caseId || '';
  useEffect(() => {
    if (!chosen) return;
    void getJson<History>(`/cases/${chosen}/history?limit=500`).then((h) => {
      const all = [
        ...new Set(
          h.events.flatMap((e) => [e.recordedAt.slice(0, 10), e.occurredOn ?? e.recordedAt.slice(0, 10)]),
        ),
      ].sort();
      setDays(all);
      setIndex(all.length - 1);
    });
  }, [chosen]);
  const day = days[index];
  useEffect(() => {
    if (chosen && day)
      void getJson<History>(`/cases/${chosen}/history?asOf=${day}&by=${by}&limit=500`).then(setAsOf);
  }, [chosen, day, by]);
  const [area, setArea] = useState('');
  const areaShown = area || list.find((c) => c.caseId === chosen)?.communeCode || '';
  useEffect(() => {
    const query = new URLSearchParams({ limit: '30', ...(areaShown ? { unit: areaShown } : {}) });
    void getJson<{ entries: AccessEntry[] }>(`/audit/access-log?${query.toString()}`).then(
      (r) => setLog(r.entries),
      () => setLog([]),
    );
  }, [areaShown, cases.position]);
  return (
    <main id="main">
      <h1>Giám sát</h1>
      <LiveBadge status={cases.status} position={cases.position} />
      <section aria-labelledby="replay">
        <h2 id="replay">Hồ sơ tại một ngày</h2>
        <label for="case">Hồ sơ</label>
        <select id="case" value={chosen} onChange={(e) => setCaseId(e.currentTarget.value)}>
          {list.map((c) => (
            <option key={c.caseId} value={c.caseId}>
              {c.person?.fullName ?? c.caseId} — {c.communeCode}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Tính theo</legend>
          <label class="check">
            <input type="radio" name="by" checked={by === 'recording'} onChange={() => setBy('recording')} />{' '}
            ngày ghi nhận vào hệ thống
          </label>
          <label class="check">
            <input
              type="radio"
              name="by"
              checked={by === 'occurrence'}
              onChange={() => setBy('occurrence')}
            />{' '}
            ngày sự việc xảy ra
          </label>
        </fieldset>
        <label for="day">
          Ngày: <strong data-as-of>{vnDate(day)}</strong>
        </label>
        <input
          id="day"
          type="range"
          min={0}
          max={Math.max(0, days.length - 1)}
          value={index}
          onInput={(e) => setIndex(Number(e.currentTarget.value))}
          aria-valuetext={vnDate(day)}
        />
        {asOf ? (
          <div data-replay>
            <p>
              Tình trạng vào cuối ngày {vnDate(day)}:{' '}
              <strong data-replay-status>
                {asOf.status ? (STATUS_LABELS[asOf.status] ?? asOf.status) : 'chưa có hồ sơ'}
              </strong>{' '}
              · {asOf.events.length} sự kiện
            </p>
            <ol class="timeline">
              {asOf.events.map((e) => (
                <li key={e.position}>
                  {vnDate(e.occurredOn ?? e.recordedAt)} — {e.label}{' '}
                  <small>(ghi ngày {vnDate(e.recordedAt)})</small>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="matters">
        <h2 id="matters">Kiến nghị và thời hạn trả lời ({matters.docs.size})</h2>
        <ul>
          {[...matters.docs.entries()].map(([key, m]) => (
            <li key={key}>
              {m.status ?? ''} {m.addressee ?? ''} — hạn trả lời {vnDate(m.dueOn)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="access">
        <h2 id="access">Nhật ký truy cập hồ sơ</h2>
        <label for="area">Khu vực (mặc định: xã của hồ sơ đang xem)</label>
        <input id="area" value={areaShown} onChange={(e) => setArea(e.currentTarget.value)} />
        <table>
          <thead>
            <tr>
              <th scope="col">Vị trí</th>
              <th scope="col">Thời điểm</th>
              <th scope="col">Người đọc</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Mục đích</th>
              <th scope="col">Nội dung đọc</th>
            </tr>
          </thead>
          <tbody data-access-log>
            {log.map((e) => (
              <tr key={e.position}>
                <td>{e.position}</td>
                <td>{e.readAt ? `${vnDate(e.readAt)} ${vnTime(new Date(e.readAt))}` : ''}</td>
                <td>{e.actor}</td>
                <td>{e.role}</td>
                <td>{e.purpose}</td>
                <td>{e.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
