import type { SloDefinition } from './definition';
import type { ImpactInterval } from './incidents';
import { coveredMs, subtractRanges } from './intervals';
import type { TimeRange } from './window';

/**
 * An SLO's good and bad over time, judged by its budgeting method, as sorted
 * segments of time with a bad and a counted amount per millisecond. Exclusions
 * are already taken out of both. Cumulative sums make any range's totals a
 * binary search away, so a window, six burn-rate windows and a burn-down of
 * hundreds of points cost little once the series is built (one pass over the
 * data).
 *
 * Amounts are minutes for time-based SLOs (slices, incidents) and events for
 * Occurrences.
 */
export interface Series {
  unit: 'minutes' | 'events';
  starts: Float64Array;
  ends: Float64Array;
  badRate: Float64Array;
  countedRate: Float64Array;
  /** prefixBad[i]: bad amount of segments 0..i-1 (length n + 1); the same for counted. */
  prefixBad: Float64Array;
  prefixCounted: Float64Array;
}

/** SLI data as stored: one bucket per row, `[start, start + width)`. `value` (threshold SLIs) replaces good/total. */
export interface Bucket {
  start: number;
  width: number;
  good: number;
  total: number;
  value: number | null;
}

const MINUTE = 60_000;

export interface RangeSums {
  bad: number;
  counted: number;
}

/** Bad and counted amounts in `[from, to)`; partly covered segments count in proportion. */
export function sumRange(series: Series, from: number, to: number): RangeSums {
  const n = series.starts.length;
  if (n === 0 || to <= from) return { bad: 0, counted: 0 };
  const first = firstEndingAfter(series.ends, from);
  const last = lastStartingBefore(series.starts, to);
  if (first > last) return { bad: 0, counted: 0 };
  const part = (i: number) => {
    const overlap = Math.min(series.ends[i] ?? 0, to) - Math.max(series.starts[i] ?? 0, from);
    return overlap > 0 ? { bad: (series.badRate[i] ?? 0) * overlap, counted: (series.countedRate[i] ?? 0) * overlap } : { bad: 0, counted: 0 };
  };
  if (first === last) return part(first);
  const head = part(first);
  const tail = part(last);
  return {
    bad: head.bad + tail.bad + (series.prefixBad[last] ?? 0) - (series.prefixBad[first + 1] ?? 0),
    counted: head.counted + tail.counted + (series.prefixCounted[last] ?? 0) - (series.prefixCounted[first + 1] ?? 0),
  };
}

function firstEndingAfter(ends: Float64Array, at: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((ends[mid] ?? 0) > at) high = mid;
    else low = mid + 1;
  }
  return low;
}

function lastStartingBefore(starts: Float64Array, at: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] ?? 0) < at) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Collects segments in time order and closes them into a Series. */
class SeriesBuilder {
  private starts: number[] = [];
  private ends: number[] = [];
  private bad: number[] = [];
  private counted: number[] = [];

  /** A segment with its whole bad and counted amounts; `exclusions` (merged) scale both by the share left. */
  add(start: number, end: number, bad: number, counted: number, exclusions: readonly TimeRange[]): void {
    const width = end - start;
    if (width <= 0) return;
    const kept = exclusions.length === 0 ? 1 : 1 - coveredMs(exclusions, start, end) / width;
    if (kept <= 0) return;
    this.starts.push(start);
    this.ends.push(end);
    this.bad.push((bad * kept) / width);
    this.counted.push((counted * kept) / width);
  }

  build(unit: Series['unit']): Series {
    const n = this.starts.length;
    const series: Series = {
      unit,
      starts: Float64Array.from(this.starts),
      ends: Float64Array.from(this.ends),
      badRate: Float64Array.from(this.bad),
      countedRate: Float64Array.from(this.counted),
      prefixBad: new Float64Array(n + 1),
      prefixCounted: new Float64Array(n + 1),
    };
    for (let i = 0; i < n; i += 1) {
      const width = (series.ends[i] ?? 0) - (series.starts[i] ?? 0);
      series.prefixBad[i + 1] = (series.prefixBad[i] ?? 0) + (series.badRate[i] ?? 0) * width;
      series.prefixCounted[i + 1] = (series.prefixCounted[i] ?? 0) + (series.countedRate[i] ?? 0) * width;
    }
    return series;
  }
}

const COMPARE = {
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
};

/** A bucket's good and total: a threshold value is one event, good when it meets the objective's op and value. */
function judged(definition: SloDefinition, bucket: Bucket): { good: number; total: number } {
  if (bucket.value === null) return bucket;
  const meets = definition.op !== null && definition.value !== null && COMPARE[definition.op](bucket.value, definition.value);
  return { good: meets ? 1 : 0, total: 1 };
}

/**
 * The series of an SLO whose SLI is data (buckets sorted by start, not
 * overlapping). Occurrences: every event counts, bad = total − good.
 * Timeslices: buckets are grouped into slices of `timeSliceWindow` (aligned to
 * UTC); a slice whose good share is below `timeSliceTarget` is bad for all the
 * time its buckets cover. RatioTimeslices: each slice's time counts as bad in
 * the share of its events that were bad. A slice with no events is no data.
 */
export function dataSeries(definition: SloDefinition, buckets: readonly Bucket[], exclusions: readonly TimeRange[]): Series {
  const builder = new SeriesBuilder();
  if (definition.budgetingMethod === 'Occurrences') {
    for (const bucket of buckets) {
      const { good, total } = judged(definition, bucket);
      if (total > 0) builder.add(bucket.start, bucket.start + bucket.width, Math.max(total - good, 0), total, exclusions);
    }
    return builder.build('events');
  }
  let index = 0;
  while (index < buckets.length) {
    const first = buckets[index] as Bucket;
    const slice = Math.max(definition.timeSliceMs ?? first.width, first.width);
    const sliceStart = Math.floor(first.start / slice) * slice;
    let end = index;
    let good = 0;
    let total = 0;
    while (end < buckets.length && (buckets[end] as Bucket).start < sliceStart + slice) {
      const counts = judged(definition, buckets[end] as Bucket);
      good += counts.good;
      total += counts.total;
      end += 1;
    }
    if (total > 0) {
      const ratio = Math.min(Math.max(good / total, 0), 1);
      const badShare = definition.budgetingMethod === 'Timeslices' ? (ratio < (definition.timeSliceTarget ?? 1) ? 1 : 0) : 1 - ratio;
      for (let i = index; i < end; i += 1) {
        const bucket = buckets[i] as Bucket;
        const minutes = bucket.width / MINUTE;
        builder.add(bucket.start, bucket.start + bucket.width, minutes * badShare, minutes, exclusions);
      }
    }
    index = end;
  }
  return builder.build('minutes');
}

/**
 * The series of an SLO whose SLI is incidents, over `span` (up to now): every
 * minute counts; an instant's bad share is the largest impact fraction of the
 * incidents open at it. Excluded time counts as neither.
 */
export function incidentSeries(impacts: readonly ImpactInterval[], span: TimeRange, exclusions: readonly TimeRange[]): Series {
  const builder = new SeriesBuilder();
  const cuts = new Set<number>([span.start, span.end]);
  for (const impact of impacts) {
    if (impact.start > span.start && impact.start < span.end) cuts.add(impact.start);
    if (impact.end > span.start && impact.end < span.end) cuts.add(impact.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    let share = 0;
    for (const impact of impacts) if (impact.start <= start && impact.end >= end) share = Math.max(share, impact.fraction);
    for (const piece of subtractRanges(start, end, exclusions)) {
      const minutes = (piece.end - piece.start) / MINUTE;
      builder.add(piece.start, piece.end, minutes * share, minutes, []);
    }
  }
  return builder.build('minutes');
}
