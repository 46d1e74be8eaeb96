import type { BudgetFractions, BudgetMinutes, BudgetPolicy, BurnRate, SloListItem, SloStatus } from '../../shared/slos';
import { isTimeBased, type SloDefinition } from './definition';
import { coveredMs } from './intervals';
import { sumRange, type Series } from './series';
import { minutesIn, type TimeRange } from './window';

/**
 * An SLO's budget at an instant. The SLI is good over counted in the window up
 * to the instant, exclusions taken out of both. The error budget is the share
 * the objective allows to be bad, (1 − target), of:
 * - time-based SLOs: the window's minutes less excluded minutes (99.9 % over
 *   30 days: 0.001 × 43,200 = 43.2 minutes);
 * - Occurrences: the events counted in the window.
 * Consumed is the bad amount over the budget; remaining is 1 − consumed and
 * goes below 0 when overspent. Without data there is no SLI and no budget
 * figure (status `no-data`), never a made-up 100 %.
 */

export interface SloMeasure {
  window: TimeRange;
  /** The instant measured at (epoch ms). */
  at: number;
  unit: Series['unit'];
  target: number;
  /** In `unit`, from the window's start up to the instant. */
  bad: number;
  counted: number;
  /** The error budget in `unit`. */
  budget: number;
}

const MINUTE = 60_000;

/** The window's measure at `at`: `exclusions` merged. */
export function measure(definition: SloDefinition, series: Series, window: TimeRange, at: number, exclusions: readonly TimeRange[]): SloMeasure {
  const sums = sumRange(series, window.start, Math.min(window.end, at));
  const allowed = 1 - definition.target;
  const base = isTimeBased(definition) ? minutesIn(window) - coveredMs(exclusions, window.start, window.end) / MINUTE : sums.counted;
  return { window, at, unit: series.unit, target: definition.target, bad: sums.bad, counted: sums.counted, budget: allowed * Math.max(base, 0) };
}

export const hasData = (m: SloMeasure): boolean => m.counted > 0 && m.budget > 0;

export const sliOf = (m: SloMeasure): number | null => (m.counted > 0 ? 1 - m.bad / m.counted : null);

export function budgetFractions(m: SloMeasure): BudgetFractions {
  if (!hasData(m)) return { total: 1, consumed: null, remaining: null };
  const consumed = m.bad / m.budget;
  return { total: 1, consumed: round(consumed, 6), remaining: round(1 - consumed, 6) };
}

/** For time-based SLOs; null for Occurrences, whose budget is events. */
export function budgetMinutes(m: SloMeasure): BudgetMinutes | null {
  if (m.unit !== 'minutes') return null;
  if (!hasData(m)) return { total: round(m.budget, 3), consumed: null, remaining: null };
  return { total: round(m.budget, 3), consumed: round(m.bad, 3), remaining: round(m.budget - m.bad, 3) };
}

/** exhausted at or below nothing left; warning below the policy's threshold; no-data without data. */
export function statusOf(m: SloMeasure, policy: BudgetPolicy): SloStatus {
  if (!hasData(m)) return 'no-data';
  const remaining = 1 - m.bad / m.budget;
  if (remaining <= 0) return 'exhausted';
  return remaining < policy.warnBelow ? 'warning' : 'ok';
}

/** The SRE workbook's multi-window pairs: a page for 2 % of a 30-day budget in an hour, 5 % in six hours; a ticket for 10 % in three days. */
export const BURN_RATE_PAIRS = [
  { long: '1h', short: '5m', longMs: 60 * MINUTE, shortMs: 5 * MINUTE, factor: 14.4 },
  { long: '6h', short: '30m', longMs: 6 * 60 * MINUTE, shortMs: 30 * MINUTE, factor: 6 },
  { long: '3d', short: '6h', longMs: 3 * 24 * 60 * MINUTE, shortMs: 6 * 60 * MINUTE, factor: 1 },
] as const;

/** The longest burn-rate window: a series must reach this far back before the instant. */
export const LONGEST_BURN_WINDOW_MS = 3 * 24 * 60 * MINUTE;

export const DEFAULT_MIN_EVENTS = 10;

/**
 * Each pair's burn rates (bad share over the allowed share) over the windows
 * ending at `at`, and whether it fires: both at or above the factor, and enough
 * data that a handful of requests cannot page anyone. The guard: Occurrences
 * need `minEvents` events in each window; time-based data must cover at least
 * half of the short window. Incidents always cover their time.
 */
export function burnRates(definition: SloDefinition, series: Series, at: number, minEvents = DEFAULT_MIN_EVENTS): BurnRate[] {
  const allowed = 1 - definition.target;
  return BURN_RATE_PAIRS.map((pair) => {
    const long = sumRange(series, at - pair.longMs, at);
    const short = sumRange(series, at - pair.shortMs, at);
    const rate = (sums: { bad: number; counted: number }) => (sums.counted > 0 && allowed > 0 ? round(sums.bad / sums.counted / allowed, 4) : null);
    const longRate = rate(long);
    const shortRate = rate(short);
    const guarded =
      series.unit === 'events'
        ? long.counted >= minEvents && short.counted >= minEvents
        : definition.source === 'incidents' || short.counted >= pair.shortMs / MINUTE / 2;
    const firing = guarded && longRate !== null && shortRate !== null && longRate >= pair.factor && shortRate >= pair.factor;
    return { long: pair.long, short: pair.short, factor: pair.factor, longRate, shortRate, firing };
  });
}

/** One row of `slo list`. */
export function sloListItem(definition: SloDefinition, m: SloMeasure, policy: BudgetPolicy): SloListItem {
  return {
    name: definition.name,
    service: definition.service,
    target: definition.target,
    window: definition.window.text,
    budgetingMethod: definition.budgetingMethod,
    source: definition.source,
    status: statusOf(m, policy),
    budget: budgetFractions(m),
    budgetMinutes: budgetMinutes(m),
  };
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  const rounded = Math.round(value * scale) / scale;
  return Object.is(rounded, -0) ? 0 : rounded;
}
