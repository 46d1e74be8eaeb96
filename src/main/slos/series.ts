import type { SloDefinition } from './definition';
import type { ImpactInterval } from './incidents';
import { subtractRanges } from './intervals';
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

/** A span whose bad and counted amounts are already judged (an hourly roll-up, rollup.ts); no bucket or slice crosses its edges. */
export interface JudgedSpan {
  start: number;
  end: number;
  bad: number;
  counted: number;
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

/**
 * Collects segments in time order and closes them into a Series. Typed arrays,
 * grown by doubling, and a cursor over the (merged, sorted) exclusions keep a
 * month of 1-minute buckets to a few milliseconds.
 */
class SeriesBuilder {
  private n = 0;
  private starts: Float64Array;
  private ends: Float64Array;
  private bad: Float64Array;
  private counted: Float64Array;
  private cursor = 0;

  constructor(
    private readonly exclusions: readonly TimeRange[],
    capacity = 64,
  ) {
    this.starts = new Float64Array(Math.max(capacity, 1));
    this.ends = new Float64Array(this.starts.length);
    this.bad = new Float64Array(this.starts.length);
    this.counted = new Float64Array(this.starts.length);
  }

  /** A segment with its whole bad and counted amounts; excluded time scales both by the share left. Segments come in time order. */
  add(start: number, end: number, bad: number, counted: number): void {
    const width = end - start;
    if (width <= 0) return;
    const kept = 1 - this.excludedMs(start, end) / width;
    if (kept <= 0) return;
    if (this.n === this.starts.length) this.grow();
    this.starts[this.n] = start;
    this.ends[this.n] = end;
    this.bad[this.n] = (bad * kept) / width;
    this.counted[this.n] = (counted * kept) / width;
    this.n += 1;
  }

  private excludedMs(start: number, end: number): number {
    const exclusions = this.exclusions;
    while (this.cursor < exclusions.length && (exclusions[this.cursor] as TimeRange).end <= start) this.cursor += 1;
    let total = 0;
    for (let i = this.cursor; i < exclusions.length; i += 1) {
      const range = exclusions[i] as TimeRange;
      if (range.start >= end) break;
      total += Math.min(range.end, end) - Math.max(range.start, start);
    }
    return total;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const copy = (from: Float64Array) => {
      const to = new Float64Array(size);
      to.set(from);
      return to;
    };
    this.starts = copy(this.starts);
    this.ends = copy(this.ends);
    this.bad = copy(this.bad);
    this.counted = copy(this.counted);
  }

  build(unit: Series['unit']): Series {
    const n = this.n;
    const prefixBad = new Float64Array(n + 1);
    const prefixCounted = new Float64Array(n + 1);
    for (let i = 0; i < n; i += 1) {
      const width = (this.ends[i] as number) - (this.starts[i] as number);
      prefixBad[i + 1] = (prefixBad[i] as number) + (this.bad[i] as number) * width;
      prefixCounted[i + 1] = (prefixCounted[i] as number) + (this.counted[i] as number) * width;
    }
    return {
      unit,
      starts: this.starts.slice(0, n),
      ends: this.ends.slice(0, n),
      badRate: this.bad.slice(0, n),
      countedRate: this.counted.slice(0, n),
      prefixBad,
      prefixCounted,
    };
  }
}

const COMPARE = {
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
};

/** A bucket's good: a threshold value is one event (total 1), good when it meets the objective's op and value. */
function goodOf(definition: SloDefinition, bucket: Bucket): number {
  if (bucket.value === null) return bucket.good;
  return definition.op !== null && definition.value !== null && COMPARE[definition.op](bucket.value, definition.value) ? 1 : 0;
}

const totalOf = (bucket: Bucket): number => (bucket.value === null ? bucket.total : 1);

/**
 * The series of an SLO whose SLI is data (buckets sorted by start, not
 * overlapping). Occurrences: every event counts, bad = total − good.
 * Timeslices: buckets are grouped into slices of `timeSliceWindow` (aligned to
 * UTC); a slice whose good share is below `timeSliceTarget` is bad for all the
 * time its buckets cover. RatioTimeslices: each slice's time counts as bad in
 * the share of its events that were bad. A slice with no events is no data.
 * `judged` spans (sorted, between the buckets, never overlapping them) go in
 * as they are.
 */
export function dataSeries(definition: SloDefinition, buckets: readonly Bucket[], exclusions: readonly TimeRange[], judged: readonly JudgedSpan[] = []): Series {
  const builder = new SeriesBuilder(exclusions, buckets.length + judged.length);
  let next = 0;
  const addJudgedBefore = (at: number) => {
    for (; next < judged.length && (judged[next] as JudgedSpan).start < at; next += 1) {
      const span = judged[next] as JudgedSpan;
      if (span.counted > 0) builder.add(span.start, span.end, span.bad, span.counted);
    }
  };
  if (definition.budgetingMethod === 'Occurrences') {
    for (const bucket of buckets) {
      addJudgedBefore(bucket.start);
      const total = totalOf(bucket);
      if (total > 0) builder.add(bucket.start, bucket.start + bucket.width, Math.max(total - goodOf(definition, bucket), 0), total);
    }
    addJudgedBefore(Infinity);
    return builder.build('events');
  }
  let index = 0;
  while (index < buckets.length) {
    const first = buckets[index] as Bucket;
    addJudgedBefore(first.start);
    const slice = Math.max(definition.timeSliceMs ?? first.width, first.width);
    const sliceStart = Math.floor(first.start / slice) * slice;
    let end = index;
    let good = 0;
    let total = 0;
    while (end < buckets.length && (buckets[end] as Bucket).start < sliceStart + slice) {
      const bucket = buckets[end] as Bucket;
      good += goodOf(definition, bucket);
      total += totalOf(bucket);
      end += 1;
    }
    if (total > 0) {
      const ratio = Math.min(Math.max(good / total, 0), 1);
      const badShare = definition.budgetingMethod === 'Timeslices' ? (ratio < (definition.timeSliceTarget ?? 1) ? 1 : 0) : 1 - ratio;
      for (let i = index; i < end; i += 1) {
        const bucket = buckets[i] as Bucket;
        const minutes = bucket.width / MINUTE;
        builder.add(bucket.start, bucket.start + bucket.width, minutes * badShare, minutes);
      }
    }
    index = end;
  }
  addJudgedBefore(Infinity);
  return builder.build('minutes');
}

/**
 * The series of an SLO whose SLI is incidents, over `span` (up to now): every
 * minute counts; an instant's bad share is the largest impact fraction of the
 * incidents open at it. Excluded time counts as neither.
 */
export function incidentSeries(impacts: readonly ImpactInterval[], span: TimeRange, exclusions: readonly TimeRange[]): Series {
  const builder = new SeriesBuilder([]);
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
      builder.add(piece.start, piece.end, minutes * share, minutes);
    }
  }
  return builder.build('minutes');
}
