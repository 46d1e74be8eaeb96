import type { Bucket } from './series';

/**
 * SLI buckets as the store keeps them (table `slo_bucket_hours`, migration
 * 017): the buckets that start in one clock hour (UTC) packed into one blob, so
 * a month of 1-minute data is 720 rows per SLO instead of 43,200 (writing a row
 * per bucket was most of a data import's time). Per bucket, in start order:
 * its start as milliseconds after the hour and its width (32-bit integers,
 * all the starts first, then all the widths), then its good, total and value
 * (64-bit floats; a NaN value is no value). Integers and floats are read back
 * exactly as written.
 */

export const PACKED_BUCKET_BYTES = 32;

/** One hour's buckets (sorted by start, each starting in `[hour, hour + 1 h)`) as a blob. */
export function packBuckets(hour: number, buckets: readonly Bucket[]): Buffer {
  const n = buckets.length;
  const bytes = new ArrayBuffer(n * PACKED_BUCKET_BYTES);
  const ints = new Int32Array(bytes, 0, 2 * n);
  const floats = new Float64Array(bytes, 8 * n, 3 * n);
  for (let i = 0; i < n; i += 1) {
    const bucket = buckets[i] as Bucket;
    ints[i] = bucket.start - hour;
    ints[n + i] = bucket.width;
    floats[i] = bucket.good;
    floats[n + i] = bucket.total;
    floats[2 * n + i] = bucket.value ?? NaN;
  }
  return Buffer.from(bytes);
}

/** The buckets of a blob `packBuckets` wrote for `hour`, appended to `into`. */
export function unpackBuckets(hour: number, blob: Uint8Array, into: Bucket[] = []): Bucket[] {
  const n = blob.byteLength / PACKED_BUCKET_BYTES;
  // A copy: the blob's bytes need not be aligned for the views.
  const bytes = new Uint8Array(blob.byteLength);
  bytes.set(blob);
  const ints = new Int32Array(bytes.buffer, 0, 2 * n);
  const floats = new Float64Array(bytes.buffer, 8 * n, 3 * n);
  for (let i = 0; i < n; i += 1) {
    const value = floats[2 * n + i] as number;
    into.push({ start: hour + (ints[i] as number), width: ints[n + i] as number, good: floats[i] as number, total: floats[n + i] as number, value: Number.isNaN(value) ? null : value });
  }
  return into;
}
