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

/** An instant as SLI files write it: ISO-8601 with a zone or offset, or Unix seconds (`1767225600`, `1767225600.5`). */
export function parseInstant(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{9,11}(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
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
