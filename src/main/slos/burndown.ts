import type { BurnDownPoint } from '../../shared/slos';
import { hasData, round } from './budget';
import type { EvaluatedSlo } from './evaluate';
import { sumRange } from './series';
import type { TimeRange } from './window';

/**
 * The burn-down chart of an SLO's window: the budget left at each step from the
 * window's start (all of it) to the instant evaluated, against the window's
 * budget at that instant. Each point is a lookup in the series' cumulative
 * sums, so a 30-day window of 1-minute data draws in well under a millisecond
 * per hundred points once the series is built. The steps fall on whole
 * multiples of the step (UTC), so with an hourly step no point cuts an hour and
 * the series can be read from hourly roll-ups (rollup.ts).
 */

const HOUR = 3_600_000;

export function burnDown(evaluated: EvaluatedSlo, stepMs = HOUR): BurnDownPoint[] {
  const { window, series, measure: m } = evaluated;
  if (!hasData(m) || stepMs <= 0) return [];
  return burnDownInstants(window, m.at, stepMs).map((at) => {
    const bad = sumRange(series, window.start, at).bad;
    return {
      at: new Date(at).toISOString(),
      remaining: round(1 - bad / m.budget, 6),
      remainingMinutes: series.unit === 'minutes' ? round(m.budget - bad, 3) : null,
    };
  });
}

/** The instants a burn-down shows: the window's start, each multiple of `stepMs` after it, and `at` (or the window's end, if sooner). */
export function burnDownInstants(window: TimeRange, at: number, stepMs: number): number[] {
  const last = Math.min(window.end, at);
  const instants = window.start < last ? [window.start] : [];
  for (let step = Math.floor(window.start / stepMs) * stepMs + stepMs; step < last; step += stepMs) instants.push(step);
  instants.push(last);
  return instants;
}
