/**
 * Nearest-rank percentile of an ascending list: the smallest value with at least p of the runs at or below it.
 * With few runs p95 is the slowest run, never an interpolation below what was seen.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}
