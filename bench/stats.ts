/** Milliseconds since an arbitrary origin, with sub-microsecond resolution. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** How long `work` takes, in milliseconds. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = nowMs();
  const value = await work();
  return { ms: nowMs() - start, value };
}

/** The q-quantile (0..1) of the values, by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Runs `work` `times` times (after one untimed warm-up) and returns each run's milliseconds. */
export async function repeat(times: number, work: (run: number) => unknown): Promise<number[]> {
  await work(-1);
  const runs: number[] = [];
  for (let run = 0; run < times; run += 1) runs.push((await timed(() => work(run))).ms);
  return runs;
}
