import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A bar chart (uPlot) of counts by category, stamped with the log position it reflects; the
 * numbers are also in a table beside it for those who read rather than look.
 */
export function BarChart({
  title,
  labels,
  values,
  position,
}: {
  title: string;
  labels: string[];
  values: number[];
  position: string | null;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const xs = labels.map((_, i) => i);
    const plot = new uPlot(
      {
        width: Math.min(520, host.current.clientWidth || 520),
        height: 200,
        legend: { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
        axes: [
          { values: (_u, ticks) => ticks.map((t) => labels[t] ?? ''), splits: () => xs },
          { label: 'Số hồ sơ' },
        ],
        series: [
          {},
          {
            label: title,
            stroke: '#1d4e89',
            fill: '#5b8fd1',
            paths: uPlot.paths.bars!({ size: [0.6, 60] }),
            points: { show: false },
          },
        ],
      },
      [xs, values],
      host.current,
    );
    return () => plot.destroy();
  }, [labels.join('|'), values.join('|')]);
  return (
    <figure class="chart">
      <div
        ref={host}
        role="img"
        aria-label={`${title}: ${labels.map((l, i) => `${l} ${values[i] ?? 0}`).join(', ')}`}
      />
      <figcaption>
        {title} — tại vị trí nhật ký <strong data-chart-position>{position ?? '—'}</strong>
      </figcaption>
    </figure>
  );
}
