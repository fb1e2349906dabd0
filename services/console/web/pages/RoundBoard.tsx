import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from '../lib/api.js';
import { BarChart } from '../lib/Chart.js';
import { STAGE_LABELS, labelOf, vnDate } from '../lib/format.js';
import { LiveBadge } from '../lib/LiveBadge.js';
import { useLiveView } from '../lib/live.js';
import { PostedLists } from './PostedLists.js';

interface Dossier {
  dossierId: string;
  roundId: string;
  stage: string;
  facilityId: string;
  complaintOpen: boolean;
  complaintResolveBy: string | null;
  destinationCommune: string | null;
}
interface Summary {
  today: string;
  communes: Array<{
    communeCode: string;
    expected: number;
    noticeReceived: number;
    reportedOnTime: number;
    reportedLate: number;
    arrivedElsewhere: number;
    notYetSeen: number;
    overdue: number;
  }>;
}

/**
 * The sub-committee's control tower: dossiers by stage, the lists posted and their windows,
 * complaints, release-day reconciliation (live).
 */
export function RoundBoard() {
  const dossiers = useLiveView<Dossier>('dossiers');
  const recon = useLiveView<unknown>('reconciliation');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    getJson<Summary>('/views/reconciliation/summary').then(setSummary, (e: unknown) =>
      setNote(e instanceof ApiError ? `${e.message} (${e.code})` : 'Không tải được'),
    );
  }, [recon.position]);
  const all = [...dossiers.docs.values()];
  const stages = [...new Set(all.map((d) => d.stage))].sort();
  const complaints = all.filter((d) => d.complaintOpen);
  const rounds = [...new Set(all.map((d) => d.roundId))].sort();
  return (
    <main id="main">
      <h1>Đợt đặc xá — bảng điều hành</h1>
      <LiveBadge status={dossiers.status} position={dossiers.position} />
      {dossiers.error ? (
        <p role="alert" class="error">
          {dossiers.error}
        </p>
      ) : null}
      <section aria-labelledby="stages" class="two">
        <h2 id="stages">Hồ sơ đề nghị theo giai đoạn ({all.length})</h2>
        <BarChart
          title="Hồ sơ theo giai đoạn"
          labels={stages.map((s) => labelOf(STAGE_LABELS, s))}
          values={stages.map((s) => all.filter((d) => d.stage === s).length)}
          position={dossiers.position}
        />
        <table>
          <thead>
            <tr>
              <th scope="col">Giai đoạn</th>
              <th scope="col">Số hồ sơ</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <tr key={s}>
                <td>{labelOf(STAGE_LABELS, s)}</td>
                <td>{all.filter((d) => d.stage === s).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PostedLists roundIds={rounds} position={dossiers.position} />
      <section aria-labelledby="complaints">
        <h2 id="complaints">Khiếu nại, kháng nghị đang mở ({complaints.length})</h2>
        <ul>
          {complaints.map((d) => (
            <li key={d.dossierId}>
              {d.dossierId.slice(-6)} — hạn giải quyết {vnDate(d.complaintResolveBy)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recon">
        <h2 id="recon">Đối soát ngày trả tự do theo xã</h2>
        {summary ? (
          <table data-board="reconciliation">
            <caption>Tính đến {vnDate(summary.today)}</caption>
            <thead>
              <tr>
                <th scope="col">Xã</th>
                <th scope="col">Dự kiến về</th>
                <th scope="col">Đã nhận thông báo</th>
                <th scope="col">Trình diện đúng hạn</th>
                <th scope="col">Trình diện muộn</th>
                <th scope="col">Về nơi khác</th>
                <th scope="col">Chưa thấy</th>
                <th scope="col">Quá hạn</th>
              </tr>
            </thead>
            <tbody>
              {summary.communes.map((c) => (
                <tr key={c.communeCode}>
                  <td>{c.communeCode}</td>
                  <td>{c.expected}</td>
                  <td>{c.noticeReceived}</td>
                  <td>{c.reportedOnTime}</td>
                  <td>{c.reportedLate}</td>
                  <td>{c.arrivedElsewhere}</td>
                  <td>{c.notYetSeen}</td>
                  <td>{c.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{note ? `Đối soát không xem được với vai trò này: ${note}` : 'Đang tải…'}</p>
        )}
      </section>
    </main>
  );
}
