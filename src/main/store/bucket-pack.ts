import type { Bucket } from '../slos/series';

/**
 * SLI buckets as the store keeps them (table `slo_bucket_hours`, migration
 * 016): the buckets that start in one clock hour (UTC) packed into one blob, so
 * a month of 1-minute data is 720 rows per SLO instead of 43,200 (writing a row
 * per bucket was most of a data import's time), and the blob is as small as
 * the data allows (fewer bytes written, fewer read):
 *
 * - a header of four 32-bit integers: the form (the flags below), the number
 *   of buckets, and for evenly spaced buckets the first one's start
 *   (milliseconds after the hour) and their width;
 * - unless the buckets are evenly spaced (each starting where the one before
 *   ends, all of one width): every start after the hour, then every width
 *   (32-bit integers);
 * - when every good and total is a whole number that fits 32 bits and no
 *   bucket has a value (the usual counts): every good, then every total
 *   (32-bit integers); else every good, total and value (64-bit floats; NaN is
 *   no value).
 *
 * Every bucket is read back exactly as it was written.
 */

/** The buckets start one after another, all of one width. */
const EVEN = 1;
/** Good and total are 32-bit integers, and there are no values. */
const COUNTS = 2;
const HEADER_BYTES = 16;

const isInt32 = (value: number): boolean => (value | 0) === value && !Object.is(value, -0);

/** One hour's buckets (sorted by start, each starting in `[hour, hour + 1 h)`) as a blob. */
export function packBuckets(hour: number, buckets: readonly Bucket[]): Buffer {
  const n = buckets.length;
  const first = buckets[0];
  if (!first) throw new Error('an hour with no buckets is not stored');
  let even = true;
  let counts = true;
  for (let i = 0; i < n; i += 1) {
    const bucket = buckets[i] as Bucket;
    if (even && (bucket.width !== first.width || bucket.start !== first.start + i * first.width)) even = false;
    if (counts && (bucket.value !== null || !isInt32(bucket.good) || !isInt32(bucket.total))) counts = false;
  }
  const placeBytes = even ? 0 : 8 * n;
  const bytes = new ArrayBuffer(HEADER_BYTES + placeBytes + (counts ? 8 : 24) * n);
  new Int32Array(bytes, 0, 4).set([(even ? EVEN : 0) | (counts ? COUNTS : 0), n, first.start - hour, first.width]);
  if (!even) {
    const places = new Int32Array(bytes, HEADER_BYTES, 2 * n);
    for (let i = 0; i < n; i += 1) {
      const bucket = buckets[i] as Bucket;
      places[i] = bucket.start - hour;
      places[n + i] = bucket.width;
    }
  }
  const amounts = counts ? new Int32Array(bytes, HEADER_BYTES + placeBytes, 2 * n) : new Float64Array(bytes, HEADER_BYTES + placeBytes, 3 * n);
  for (let i = 0; i < n; i += 1) {
    const bucket = buckets[i] as Bucket;
    amounts[i] = bucket.good;
    amounts[n + i] = bucket.total;
    if (!counts) amounts[2 * n + i] = bucket.value ?? NaN;
  }
  return Buffer.from(bytes);
}

/** The buckets of a blob `packBuckets` wrote for `hour`, appended to `into`. */
export function unpackBuckets(hour: number, blob: Uint8Array, into: Bucket[] = []): Bucket[] {
  // A copy: the blob's bytes need not be aligned for the views.
  const bytes = new Uint8Array(blob.byteLength);
  bytes.set(blob);
  const [form = 0, n = 0, firstStart = 0, firstWidth = 0] = new Int32Array(bytes.buffer, 0, 4);
  const even = (form & EVEN) !== 0;
  const counts = (form & COUNTS) !== 0;
  const placeBytes = even ? 0 : 8 * n;
  const places = even ? null : new Int32Array(bytes.buffer, HEADER_BYTES, 2 * n);
  const amounts = counts ? new Int32Array(bytes.buffer, HEADER_BYTES + placeBytes, 2 * n) : new Float64Array(bytes.buffer, HEADER_BYTES + placeBytes, 3 * n);
  for (let i = 0; i < n; i += 1) {
    const value = counts ? NaN : (amounts[2 * n + i] as number);
    into.push({
      start: hour + (places ? (places[i] as number) : firstStart + i * firstWidth),
      width: places ? (places[n + i] as number) : firstWidth,
      good: amounts[i] as number,
      total: amounts[n + i] as number,
      value: Number.isNaN(value) ? null : value,
    });
  }
  return into;
}
