import { BarChart } from '../lib/Chart.js';
import { DUE_LABELS, STATUS_LABELS, todayVn, vnDate } from '../lib/format.js';
import { LiveBadge } from '../lib/LiveBadge.js';
import { useLiveView } from '../lib/live.js';
import { navigate } from '../lib/router.js';
import type { CaseDoc } from '../lib/types.js';
import { PlanWork } from './PlanWork.js';

const nameOf = (c: CaseDoc) => c.person?.fullName ?? c.caseId.slice(-6);
const GROUPS = ['A', 'B', 'C', 'D'];

function CaseLink({ c }: { c: CaseDoc }) {
  return (
    <a
      href={`/ho-so/${c.caseId}`}
      onClick={(e) => {
        e.preventDefault();
        navigate(`/ho-so/${c.caseId}`);
      }}
    >
      {nameOf(c)}
    </a>
  );
}

function dueState(dueOn: string, today: string): string {
  return dueOn < today ? 'Quá hạn' : dueOn === today ? 'Đến hạn hôm nay' : 'Sắp đến hạn';
}

/** Commune police and chair: today's work, live. */
export function Today() {
  const cases = useLiveView<CaseDoc>('case-files');
  const today = todayVn();
  const all = [...cases.docs.values()];
  const arrivals = all.filter((c) => c.status === 'expected');
  const due = all.filter((c) => c.dueOn).sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  const open = all.filter((c) => c.status !== 'closed' && c.status !== 'transferredOut');
  const byGroup = [
    ...GROUPS.map((g) => open.filter((c) => c.group === g).length),
    open.filter((c) => !c.group).length,
  ];
  const statuses = Object.keys(STATUS_LABELS);
  return (
    <main id="main">
      <h1>Việc hôm nay — {vnDate(today)}</h1>
      <LiveBadge status={cases.status} position={cases.position} />
      {cases.error ? (
        <p role="alert" class="error">
          {cases.error}
        </p>
      ) : null}
      <section aria-labelledby="arrivals">
        <h2 id="arrivals">Người sắp về chưa trình diện ({arrivals.length})</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Người</th>
              <th scope="col">Thôn</th>
              <th scope="col">Ngày trả tự do</th>
              <th scope="col">Hạn trình diện</th>
            </tr>
          </thead>
          <tbody data-board="arrivals">
            {arrivals.map((c) => (
              <tr key={c.caseId}>
                <td>
                  <CaseLink c={c} />
                </td>
                <td>{c.village ?? '—'}</td>
                <td>{vnDate(c.releaseDate)}</td>
                <td>{vnDate(c.reportBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="deadlines">
        <h2 id="deadlines">Thời hạn đến hạn và quá hạn ({due.length})</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Người</th>
              <th scope="col">Việc phải làm</th>
              <th scope="col">Hạn</th>
              <th scope="col">Tình trạng</th>
            </tr>
          </thead>
          <tbody data-board="deadlines">
            {due.map((c) => (
              <tr key={c.caseId} class={c.dueOn && c.dueOn < today ? 'overdue' : ''}>
                <td>
                  <CaseLink c={c} />
                </td>
                <td>{DUE_LABELS[c.dueKind ?? ''] ?? c.dueKind}</td>
                <td>{vnDate(c.dueOn)}</td>
                <td>{dueState(c.dueOn ?? '', today)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="groups" class="two">
        <h2 id="groups">Hồ sơ theo nhóm</h2>
        <BarChart
          title="Hồ sơ đang quản lý theo nhóm"
          labels={[...GROUPS.map((g) => `Nhóm ${g}`), 'Chưa phân loại']}
          values={byGroup}
          position={cases.position}
        />
        <BarChart
          title="Hồ sơ theo tình trạng"
          labels={statuses.map((s) => STATUS_LABELS[s] ?? s)}
          values={statuses.map((s) => all.filter((c) => c.status === s).length)}
          position={cases.position}
        />
      </section>
      <section aria-labelledby="cases">
        <h2 id="cases">Tất cả hồ sơ ({all.length})</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Người</th>
              <th scope="col">Thôn</th>
              <th scope="col">Tình trạng</th>
              <th scope="col">Nhóm</th>
              <th scope="col">Số lần thăm gặp</th>
              <th scope="col">Thăm gặp gần nhất</th>
            </tr>
          </thead>
          <tbody data-board="cases">
            {all.map((c) => (
              <tr key={c.caseId} data-case={c.caseId}>
                <td>
                  <CaseLink c={c} />
                </td>
                <td>{c.village ?? '—'}</td>
                <td>{STATUS_LABELS[c.status] ?? c.status}</td>
                <td>{c.group ?? '—'}</td>
                <td data-visits>{c.visits}</td>
                <td>{vnDate(c.lastVisitOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PlanWork />
    </main>
  );
}
