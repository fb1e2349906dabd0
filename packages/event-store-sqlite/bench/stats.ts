/** The p-th percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Runs `work` and returns its rate in items per second. */
export async function rate(items: number, work: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await work();
  return items / ((performance.now() - start) / 1000);
}

/** One line of the results table: our figure beside the baseline measured in the same run. */
export interface Result {
  name: string;
  ours: number;
  baseline: number;
  unit: string;
  /** Higher is better for rates, lower for latencies. */
  better: 'higher' | 'lower';
  /** The target ratio ours/baseline (a floor for rates, a ceiling for latencies). */
  target: number;
  baselineName: string;
}

const fmt = (n: number): string =>
  n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** Prints the results as a Markdown table, ready for docs/benchmarks.md. */
export function printTable(title: string, results: readonly Result[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| benchmark | dacxa | baseline (same run) | ratio | target | |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const ratio = r.ours / r.baseline;
    const ok = r.better === 'higher' ? ratio >= r.target : ratio <= r.target;
    const target = `${r.better === 'higher' ? '≥' : '≤'} ${r.target}`;
    console.log(
      `| ${r.name} | ${fmt(r.ours)} ${r.unit} | ${fmt(r.baseline)} ${r.unit} (${r.baselineName}) | ${ratio.toFixed(2)} | ${target} | ${ok ? 'met' : 'MISSED'} |`,
    );
  }
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
