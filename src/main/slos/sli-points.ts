import { Temporal } from 'temporal-polyfill';
import { HoldfastError } from '../errors';
import type { SloDefinition } from './definition';
import type { Bucket } from './series';

/**
 * SLI data points (from a CSV row or a Prometheus sample) made into buckets:
 * sorted, each as long as the gap between consecutive points (the smallest one
 * in the file, so a missing row is a gap, not a longer bucket).
 */

export interface SliPoint {
  /** Epoch ms: a CSV row's timestamp is its bucket's start; a Prometheus sample's is its bucket's end. */
  at: number;
  good: number;
  total: number;
  /** A threshold SLI's value; good and total are then unused. */
  value: number | null;
}

/** A bucket longer than a day is not SLI data but a summary; Holdfast refuses it. */
export const MAX_BUCKET_MS = 24 * 3_600_000;
const MINUTE = 60_000;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * An instant as SLI files write it: ISO-8601 with a zone or offset, or Unix
 * seconds (`1767225600`, `1767225600.5`). The common ISO forms are read by hand
 * (strictly: 2026-02-30 is refused), as a month of rows would take a second
 * through the Temporal polyfill; anything else goes through Temporal.
 */
export function parseInstant(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{9,11}(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const match = ISO_INSTANT.exec(trimmed);
  if (match) {
    const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHours = '0', offsetMinutes = '0'] = match;
    const fields = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)] as const;
    const wall = Date.UTC(...fields, Number(fraction.slice(0, 3).padEnd(3, '0')));
    const check = new Date(wall);
    if (check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59 || Number(offsetMinutes) > 59) return null;
    const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
    return wall - offset;
  }
  try {
    return Temporal.Instant.from(trimmed).epochMilliseconds;
  } catch {
    return null;
  }
}

/** The smallest gap between consecutive sorted instants; the SLO's slice (or a minute) when there is only one. */
export function bucketWidth(sortedAt: readonly number[], definition: SloDefinition): number {
  let width = Infinity;
  for (let i = 1; i < sortedAt.length; i += 1) {
    const gap = (sortedAt[i] as number) - (sortedAt[i - 1] as number);
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
  points.sort((a, b) => a.at - b.at);
  const width = bucketWidth(
    points.map((point) => point.at),
    definition,
  );
  if (width > MAX_BUCKET_MS) {
    throw new HoldfastError(
      'VALIDATION',
      `${fileName}: its points are ${Math.round(width / MINUTE)} minutes apart; SLI data needs buckets of a day or less (one row per minute, five minutes, an hour…).`,
      'path',
    );
  }
  return points.map((point) => ({ start: atIsEnd ? point.at - width : point.at, width, good: point.good, total: point.total, value: point.value }));
}
