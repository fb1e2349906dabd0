import { StackedBarChart } from '../lib/Chart.js';
import { vnDate } from '../lib/format.js';
import { LiveBadge } from '../lib/LiveBadge.js';
import { useLiveView, type LiveStatus, type LiveView } from '../lib/live.js';
import { useUnitNames } from '../lib/unitNames.js';
import { GROUPS, caseloadByCommune, type CaseloadFacts } from '../../src/charts/caseloadByCommune.js';
import { OUTCOMES, deadlinesByMonth, type DeadlineFacts } from '../../src/charts/deadlineSeries.js';
import { reoffendingByRound, type ReleaseFacts } from '../../src/charts/reoffendingByRound.js';
import { monthLabel } from '../../src/charts/vnDay.js';

type CaseStat = CaseloadFacts & ReleaseFacts;

// Okabe–Ito colours: told apart with the common colour-vision deficiencies.
const OUTCOME_STACKS = {
  onTime: { label: 'Đúng hạn', color: '#009E73' },
  late: { label: 'Muộn', color: '#E69F00' },
  missed: { label: 'Quá hạn, chưa thực hiện', color: '#D55E00' },
  notYetDue: { label: 'Chưa đến hạn', color: '#56B4E9' },
  ended: { label: 'Không còn phải làm (hồ sơ đã đóng, chuyển đi)', color: '#999999' },
} as const;
const GROUP_STACKS = {
  A: { label: 'Nhóm A', color: '#009E73' },
  B: { label: 'Nhóm B', color: '#56B4E9' },
  C: { label: 'Nhóm C', color: '#E69F00' },
  D: { label: 'Nhóm D', color: '#D55E00' },
  none: { label: 'Chưa phân loại', color: '#999999' },
} as const;

/** The worse of two connections: the page is as live as the staler of its views. */
function worse(a: LiveStatus, b: LiveStatus): LiveStatus {
  if (a.state === 'stale' && b.state === 'stale') return a.since <= b.since ? a : b;
  if (a.state === 'stale' || b.state === 'stale') return a.state === 'stale' ? a : b;
  return a.state === 'connecting' ? a : b;
}

function Refused({ view }: { view: LiveView<unknown> }) {
  return view.error ? (
    <p role="alert" class="error">
      Bạn không xem được số liệu này với vai trò và đơn vị của mình: {view.error}
    </p>
  ) : null;
}

const roundLabel = (r: { roundId: string | null; firstRelease: string | null }) =>
  r.roundId === null
    ? 'Không rõ đợt'
    : `Đợt …${r.roundId.slice(-6)}${r.firstRelease ? ` (trả tự do từ ${vnDate(r.firstRelease)})` : ''}`;

/**
 * Statistics for readers of an area: deadlines met per month, reoffending per amnesty round, the
 * caseload of each commune by group — live, each stamped with the log position it reflects. The
 * views' snapshots over /ws hold every document of the reader's scope (the service pages through
 * them, 500 at a time), so the page holds a commune's or a province's case files and deadlines:
 * bounded by the scope, a few thousand documents for a province.
 */
export function Statistics() {
  const cases = useLiveView<CaseStat>('case-files');
  const deadlines = useLiveView<DeadlineFacts>('deadlines');
  const allCases = [...cases.docs.values()];
  const months = deadlinesByMonth(deadlines.docs.values(), new Date());
  const rounds = reoffendingByRound(allCases);
  const communes = caseloadByCommune(allCases);
  const names = useUnitNames(communes.map((c) => c.communeCode));
  return (
    <main id="main">
      <h1>Thống kê</h1>
      <LiveBadge status={worse(cases.status, deadlines.status)} position={null} />
      <section aria-labelledby="deadlines-met">
        <h2 id="deadlines-met">Thời hạn được thực hiện theo tháng đến hạn</h2>
        <Refused view={deadlines} />
        <StackedBarChart
          id="deadlines"
          title="Thời hạn theo tháng đến hạn: đúng hạn, muộn, quá hạn, chưa đến hạn"
          categoryLabel="Tháng đến hạn"
          yLabel="Số thời hạn"
          labels={months.map((m) => monthLabel(m.month))}
          stacks={OUTCOMES.map((o) => ({ ...OUTCOME_STACKS[o], values: months.map((m) => m.counts[o]) }))}
          position={deadlines.position}
        />
      </section>
      <section aria-labelledby="reoffending">
        <h2 id="reoffending">Tái phạm theo đợt đặc xá</h2>
        <Refused view={cases} />
        <StackedBarChart
          id="reoffending"
          title="Người được đặc xá theo đợt: tái phạm và không tái phạm"
          categoryLabel="Đợt đặc xá"
          yLabel="Số người"
          labels={rounds.map(roundLabel)}
          stacks={[
            { label: 'Tái phạm', color: '#D55E00', values: rounds.map((r) => r.reoffended) },
            {
              label: 'Không tái phạm',
              color: '#0072B2',
              values: rounds.map((r) => r.released - r.reoffended),
            },
          ]}
          extra={{
            label: 'Tỷ lệ tái phạm',
            values: rounds.map((r) => `${r.rate.toLocaleString('vi-VN')} %`),
          }}
          position={cases.position}
        />
      </section>
      <section aria-labelledby="caseload">
        <h2 id="caseload">Hồ sơ đang quản lý theo xã, phường và theo nhóm</h2>
        <StackedBarChart
          id="caseload"
          title="Hồ sơ đang quản lý theo đơn vị và nhóm A, B, C, D"
          categoryLabel="Xã, phường"
          yLabel="Số hồ sơ"
          labels={communes.map((c) => names[c.communeCode] ?? c.communeCode)}
          stacks={GROUPS.map((g) => ({ ...GROUP_STACKS[g], values: communes.map((c) => c.counts[g]) }))}
          position={cases.position}
        />
      </section>
    </main>
  );
}
