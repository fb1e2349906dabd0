import { WORK_LABELS, labelOf, vnDate } from '../lib/format.js';
import { LiveBadge } from '../lib/LiveBadge.js';
import { useLiveView } from '../lib/live.js';
import type { ReportDoc, TaskDoc } from '../lib/types.js';

/** The plan's tasks not yet completed and the reports not yet accepted, with their due dates, live. */
export function PlanWork() {
  const tasks = useLiveView<TaskDoc>('tasks');
  const reports = useLiveView<ReportDoc>('reports');
  const openTasks = [...tasks.docs.values()].filter((t) => t.status !== 'completed');
  const openReports = [...reports.docs.values()].filter((r) => r.status !== 'accepted');
  return (
    <section aria-labelledby="tasks">
      <h2 id="tasks">Nhiệm vụ của kế hoạch và báo cáo</h2>
      <LiveBadge status={tasks.status} position={tasks.position} />
      <table>
        <caption>Nhiệm vụ chưa hoàn thành ({openTasks.length})</caption>
        <thead>
          <tr>
            <th scope="col">Nhiệm vụ</th>
            <th scope="col">Đơn vị chủ trì</th>
            <th scope="col">Hạn</th>
            <th scope="col">Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {openTasks.map((t) => (
            <tr key={t.taskId}>
              <td>{t.description}</td>
              <td>{t.leadUnit}</td>
              <td>{vnDate(t.dueOn ?? t.dueDate)}</td>
              <td>{labelOf(WORK_LABELS, t.deadlineStatus)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Báo cáo chưa được chấp nhận ({openReports.length})</caption>
        <thead>
          <tr>
            <th scope="col">Báo cáo</th>
            <th scope="col">Đơn vị báo cáo</th>
            <th scope="col">Hạn</th>
            <th scope="col">Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {openReports.map((r) => (
            <tr key={r.reportId}>
              <td>
                {r.template} — {r.period}
              </td>
              <td>{r.reportingUnit}</td>
              <td>{vnDate(r.dueOn ?? r.dueDate)}</td>
              <td>{labelOf(WORK_LABELS, r.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
