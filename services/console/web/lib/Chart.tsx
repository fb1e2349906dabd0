import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';

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

/** One layer of a stacked bar chart: its name, a count per category, and its colour. */
export interface Stack {
  label: string;
  values: number[];
  color: string;
}

// Whole numbers only on a count axis: a half person or half a deadline means nothing.
const COUNT_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** uPlot draws series in order, so the tallest running total goes first and each lower layer over it. */
function stackedPlot(host: HTMLDivElement, labels: string[], stacks: Stack[], yLabel: string): uPlot {
  const xs = labels.map((_, i) => i);
  const totals = stacks.map((_, s) =>
    labels.map((_, i) => stacks.slice(0, s + 1).reduce((n, layer) => n + (layer.values[i] ?? 0), 0)),
  );
  const order = stacks.map((_, s) => stacks.length - 1 - s);
  return new uPlot(
    {
      width: Math.min(720, host.clientWidth || 720),
      height: 240,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
      axes: [
        { values: (_u, ticks) => ticks.map((t) => labels[t] ?? ''), splits: () => xs, size: 40 },
        { label: yLabel, incrs: COUNT_INCRS },
      ],
      series: [
        {},
        ...order.map((s) => ({
          label: stacks[s]!.label,
          stroke: stacks[s]!.color,
          fill: stacks[s]!.color,
          paths: uPlot.paths.bars!({ size: [0.6, 60] }),
          points: { show: false },
        })),
      ],
    },
    [xs, ...order.map((s) => totals[s]!)],
    host,
  );
}

/**
 * A stacked bar chart (uPlot) of counts per category, its legend, the same numbers in a table for
 * those who read rather than look, and the log position the figure reflects.
 */
export function StackedBarChart({
  id,
  title,
  labels,
  stacks,
  position,
  yLabel,
  categoryLabel,
  extra,
}: {
  id: string;
  title: string;
  /** What the categories are (the table's first column): a month, a commune, a round. */
  categoryLabel: string;
  labels: string[];
  stacks: Stack[];
  position: string | null;
  yLabel: string;
  /** A column the table adds after the total (a rate), already formatted. */
  extra?: { label: string; values: string[] };
}) {
  const host = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([labels, stacks]);
  useEffect(() => {
    if (!host.current || labels.length === 0) return;
    const plot = stackedPlot(host.current, labels, stacks, yLabel);
    return () => plot.destroy();
  }, [key]);
  return (
    <figure class="chart" data-figure={id} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {labels.length === 0 ? (
        <p>Chưa có số liệu trong phạm vi của bạn.</p>
      ) : (
        <>
          <div ref={host} role="img" aria-label={`${title} — các số liệu ở bảng bên dưới`} />
          <ul class="legend">
            {stacks.map((s) => (
              <li key={s.label}>
                {/* The colour through the CSSOM (Preact sets style properties), which the CSP allows. */}
                <span class="swatch" aria-hidden="true" style={{ background: s.color }} /> {s.label}
              </li>
            ))}
          </ul>
          <table>
            <thead>
              <tr>
                <th scope="col">{categoryLabel}</th>
                {stacks.map((s) => (
                  <th scope="col" key={s.label}>
                    {s.label}
                  </th>
                ))}
                <th scope="col">Tổng</th>
                {extra ? <th scope="col">{extra.label}</th> : null}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {stacks.map((s) => (
                    <td key={s.label}>{s.values[i] ?? 0}</td>
                  ))}
                  <td>{stacks.reduce((n, s) => n + (s.values[i] ?? 0), 0)}</td>
                  {extra ? <td>{extra.values[i] ?? ''}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p class="stamp">
        Số liệu đến vị trí #<strong data-chart-position>{position ?? '—'}</strong> của nhật ký
      </p>
    </figure>
  );
}
