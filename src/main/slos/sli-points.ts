import { Temporal } from 'temporal-polyfill';
import { HoldfastError } from '../errors';
import type { SloDefinition } from './definition';
import type { Bucket } from './series';

/**
 * SLI data points (from a CSV row or a Prometheus sample) made into buckets:
 * sorted, each as long as the gap between consecutive points (the smallest one
 * in the file, so a missing row is a gap, not a longer bucket).
 */

/**
 * A point as read, already in the shape of the bucket it becomes (so a month of
 * rows is one object each, not two): `start` is the point's timestamp (a CSV
 * row's is its bucket's start; a Prometheus sample's its bucket's end) and
 * `width` is 0 until `pointsToBuckets` sets both.
 */
export type SliPoint = Bucket;

/** A bucket longer than a day is not SLI data but a summary; Holdfast refuses it. */
export const MAX_BUCKET_MS = 24 * 3_600_000;
const MINUTE = 60_000;

/**
 * An instant as SLI files write it: ISO-8601 with a zone or offset, or Unix
 * seconds (`1767225600`, `1767225600.5`). The common ISO forms
 * (`2026-06-01T00:00:00Z`, `2026-06-01 00:00:00.250+02:00`) are read by hand,
 * character by character and strictly (2026-02-30 is refused), as a month of
 * rows would take seconds through the Temporal polyfill and a tenth of one
 * through a regular expression; anything else goes through Temporal.
 */
export function parseInstant(text: string): number | null {
  const trimmed = text.trim();
  const iso = isoInstant(trimmed);
  if (iso !== undefined) return iso;
  if (/^\d{9,11}(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  try {
    return Temporal.Instant.from(trimmed).epochMilliseconds;
  } catch {
    return null;
  }
}

const DASH = 45;
const COLON = 58;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The number `count` digits at `at` in `s` write; -1 when one is not a digit. (A function of its own, not a closure: this runs per row.) */
function digits(s: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * `YYYY-MM-DD(T| )HH:MM[:SS[.fraction]](Z|±HH[:]MM)`, written in `s` from
 * `begin` to `end` (a CSV row's first cell is read where it is, without
 * copying it out): its epoch ms, null when a field is out of range, undefined
 * when the text is not of that shape.
 */
export function isoInstant(s: string, begin = 0, end = s.length): number | null | undefined {
  const b = begin;
  // Character codes, not one-character strings: this runs for every row of a month of minutes.
  if (end - b < 17 || s.charCodeAt(b + 4) !== DASH || s.charCodeAt(b + 7) !== DASH || s.charCodeAt(b + 13) !== COLON) return undefined;
  const separator = s.charCodeAt(b + 10);
  if (separator !== 84 && separator !== 116 && separator !== 32) return undefined; // T, t or a space
  const year = digits(s, b, 4);
  const month = digits(s, b + 5, 2);
  const day = digits(s, b + 8, 2);
  const hour = digits(s, b + 11, 2);
  const minute = digits(s, b + 14, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return undefined;
  let at = b + 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(at) === COLON) {
    second = digits(s, at + 1, 2);
    if (second < 0) return undefined;
    at += 3;
    if (s.charCodeAt(at) === 46) {
      let stop = at + 1;
      while (stop < end && stop - at <= 9 && s.charCodeAt(stop) >= 48 && s.charCodeAt(stop) <= 57) stop += 1;
      const count = stop - at - 1;
      if (count === 0 || count > 9) return undefined;
      ms = digits(s, at + 1, Math.min(count, 3)) * 10 ** (3 - Math.min(count, 3));
      at = stop;
    }
  }
  let offset = 0;
  const zone = s.charCodeAt(at);
  if (zone === 90 || zone === 122) {
    if (at + 1 !== end) return undefined;
  } else if (zone === 43 || zone === DASH) {
    const colon = s.charCodeAt(at + 3) === COLON ? 1 : 0;
    if (at + 5 + colon !== end) return undefined;
    const hours = digits(s, at + 1, 2);
    const minutes = digits(s, at + 3 + colon, 2);
    if (hours < 0 || minutes < 0) return undefined;
    if (minutes > 59) return null;
    offset = (zone === DASH ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  } else {
    return undefined;
  }
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
}

/** The smallest gap between consecutive points (sorted); the SLO's slice (or a minute) when there is only one. */
function bucketWidth(sorted: readonly SliPoint[], definition: SloDefinition): number {
  let width = Infinity;
  for (let i = 1; i < sorted.length; i += 1) {
    const gap = (sorted[i] as SliPoint).start - (sorted[i - 1] as SliPoint).start;
    if (gap > 0 && gap < width) width = gap;
  }
  return Number.isFinite(width) ? width : (definition.timeSliceMs ?? MINUTE);
}

/**
 * Buckets from points; `atIsEnd` for Prometheus samples, which sum the step
 * before them. Refuses buckets longer than a day (the file is a summary, or
 * its rows are days apart).
 */
export function pointsToBuckets(points: SliPoint[], definition: SloDefinition, fileName: string, atIsEnd: boolean): Bucket[] {
  // A file is nearly always in time order already: then it is not sorted again.
  let sorted = true;
  for (let i = 1; sorted && i < points.length; i += 1) sorted = (points[i - 1] as SliPoint).start <= (points[i] as SliPoint).start;
  if (!sorted) points.sort((a, b) => a.start - b.start);
  const width = bucketWidth(points, definition);
  if (width > MAX_BUCKET_MS) {
    throw new HoldfastError(
      'VALIDATION',
      `${fileName}: its points are ${Math.round(width / MINUTE)} minutes apart; SLI data needs buckets of a day or less (one row per minute, five minutes, an hour…).`,
      'path',
    );
  }
  for (const point of points) {
    point.width = width;
    if (atIsEnd) point.start -= width;
  }
  return points;
}
