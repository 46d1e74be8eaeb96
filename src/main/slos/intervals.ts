import type { TimeRange } from './window';

/** Time ranges `[start, end)` in epoch milliseconds: merging and measuring overlaps. */

/** Sorted, with overlapping and touching ranges joined, empty ones dropped. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((range) => range.end > range.start).sort((a, b) => a.start - b.start);
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** Milliseconds of `[from, to)` that merged ranges cover. */
export function coveredMs(merged: readonly TimeRange[], from: number, to: number): number {
  let total = 0;
  for (const range of merged) {
    if (range.start >= to) break;
    const overlap = Math.min(range.end, to) - Math.max(range.start, from);
    if (overlap > 0) total += overlap;
  }
  return total;
}

/** `[from, to)` less the merged ranges: the pieces left, in order. */
export function subtractRanges(from: number, to: number, merged: readonly TimeRange[]): TimeRange[] {
  const pieces: TimeRange[] = [];
  let cursor = from;
  for (const range of merged) {
    if (range.end <= cursor) continue;
    if (range.start >= to) break;
    if (range.start > cursor) pieces.push({ start: cursor, end: range.start });
    cursor = Math.max(cursor, range.end);
    if (cursor >= to) break;
  }
  if (cursor < to) pieces.push({ start: cursor, end: to });
  return pieces;
}
