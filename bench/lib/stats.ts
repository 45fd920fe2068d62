/** Small numeric summaries for benchmark runs: median, min and max of a list. */

/** The median, min and max of some runs. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Summarizes `values` (at least one). */
export function summarize(values: number[]): Summary {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: values.length };
}

/** `1234 (1200–1300)`: a median with its range, rounded to `digits`. */
export function formatRange(summary: Summary, digits = 0): string {
  const f = (n: number) => n.toFixed(digits);
  return `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`;
}

/** Decimal megabytes (10^6 bytes), as throughput figures are usually quoted. */
export const MB = 1e6;
