import type { SloDefinition } from './definition';
import { dataSeries, sumRange, type Bucket, type JudgedSpan } from './series';
import type { TimeRange } from './window';

/**
 * Hourly roll-ups of SLI data (table `slo_hours`, migration 013): a clock
 * hour's bad and counted amounts, judged once at import as the series would
 * judge them, so a 30-day budget sums 720 rows instead of 43,200 buckets. The
 * sums are exact: an hour is rolled up only when its buckets are aligned to
 * their width, that width divides the hour and no earlier bucket reaches into
 * it, so no time slice crosses the hour's edges; an hour a query boundary cuts,
 * or an exclusion touches, is read from its raw buckets instead.
 */

export const HOUR = 3_600_000;

export const floorHour = (ms: number): number => Math.floor(ms / HOUR) * HOUR;
export const ceilHour = (ms: number): number => Math.ceil(ms / HOUR) * HOUR;

/**
 * The definition fields an hour's judgement depends on, as text stored with the
 * roll-up; null when the SLO's time slices do not nest in hours (then every
 * read is raw).
 */
export function rollupBasis(definition: SloDefinition): string | null {
  const threshold = [definition.op, definition.value];
  if (definition.budgetingMethod === 'Occurrences') return JSON.stringify(['Occurrences', ...threshold]);
  if (definition.timeSliceMs !== null && (definition.timeSliceMs <= 0 || HOUR % definition.timeSliceMs !== 0)) return null;
  const sliceTarget = definition.budgetingMethod === 'Timeslices' ? definition.timeSliceTarget : null;
  return JSON.stringify([definition.budgetingMethod, definition.timeSliceMs, sliceTarget, ...threshold]);
}

/**
 * The roll-ups of the hours in `[from, to)` (hour-aligned), from the stored
 * buckets overlapping them (sorted by start). Hours with no bucket, or whose
 * buckets are not whole inside them, get none.
 */
export function hourRollups(definition: SloDefinition, buckets: readonly Bucket[], from: number, to: number): JudgedSpan[] {
  const rollups: JudgedSpan[] = [];
  // One series for all of them: a whole hour's slices lie inside it, so its sums are the hour's own.
  const series = dataSeries(definition, buckets, []);
  // How far earlier buckets, and the slices a bucket whose width does not divide the hour starts, reach.
  let reach = -Infinity;
  let index = 0;
  for (let hour = from; hour < to; hour += HOUR) {
    while (index < buckets.length && (buckets[index] as Bucket).start < hour) {
      const bucket = buckets[index] as Bucket;
      const slice = HOUR % bucket.width === 0 ? bucket.width : Math.max(bucket.width, definition.timeSliceMs ?? 0);
      reach = Math.max(reach, bucket.start + slice);
      index += 1;
    }
    let end = index;
    let whole = reach <= hour;
    while (end < buckets.length && (buckets[end] as Bucket).start < hour + HOUR) {
      const bucket = buckets[end] as Bucket;
      if (HOUR % bucket.width !== 0 || bucket.start % bucket.width !== 0) whole = false;
      end += 1;
    }
    if (!whole || end === index) continue;
    const sums = sumRange(series, hour, hour + HOUR);
    rollups.push({ start: hour, end: hour + HOUR, bad: sums.bad, counted: sums.counted });
  }
  return rollups;
}

export interface ReadPlan {
  /** Whole hours read from their roll-ups. */
  hours: JudgedSpan[];
  /** The rest of the span, read from the raw buckets. */
  raw: TimeRange[];
}

/**
 * How to read `span`: each whole hour inside it from its roll-up, unless an
 * instant the reader will ask about (`cuts`) falls inside the hour or an
 * exclusion touches it; everything else from the raw buckets, in as few ranges
 * as possible. `rollups` sorted by start.
 */
export function planRead(span: TimeRange, rollups: readonly JudgedSpan[], cuts: readonly number[], exclusions: readonly TimeRange[]): ReadPlan {
  const cutHours = new Set(cuts.filter((cut) => cut % HOUR !== 0).map(floorHour));
  const usable = (rollup: JudgedSpan) =>
    rollup.start >= span.start && rollup.end <= span.end && !cutHours.has(rollup.start) && !exclusions.some((range) => range.start < rollup.end && range.end > rollup.start);
  const hours = rollups.filter(usable);
  const raw: TimeRange[] = [];
  let cursor = span.start;
  for (const hour of hours) {
    if (hour.start > cursor) raw.push({ start: cursor, end: hour.start });
    cursor = hour.end;
  }
  if (cursor < span.end) raw.push({ start: cursor, end: span.end });
  return { hours, raw };
}
