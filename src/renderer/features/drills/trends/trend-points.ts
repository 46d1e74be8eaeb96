import type { Scorecard } from '../../../../shared/drills';
import { formatDayInZone, systemZone } from '../../../../shared/zoned-time';

export interface TrendPoint {
  runId: number;
  /** "#2 · Fri 27 Nov": the run's number and day. */
  label: string;
  startedAt: string;
  acknowledge: number | null;
  firstUpdate: number | null;
  mitigate: number | null;
  duration: number;
  met: number;
  withTarget: number;
}

const measure = (scorecard: Scorecard, name: string) => scorecard.rows.find((row) => row.measure === name)?.actualMinutes ?? null;

/** One point per run, oldest first, with the three measured times. */
export function trendPoints(runs: Scorecard[]): TrendPoint[] {
  return runs.map((run, index) => ({
    runId: run.runId,
    label: `#${index + 1} · ${formatDayInZone(run.startedAt, systemZone())}`,
    startedAt: run.startedAt,
    acknowledge: measure(run, 'Time to acknowledge'),
    firstUpdate: measure(run, 'Time to first status update'),
    mitigate: measure(run, 'Time to mitigate'),
    duration: run.durationMinutes,
    met: run.rows.filter((row) => row.met === true).length,
    withTarget: run.rows.filter((row) => row.met !== null).length,
  }));
}
