import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packBuckets, unpackBuckets } from '../../../src/main/store/bucket-pack';
import type { Bucket } from '../../../src/main/slos/series';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
const minutes = (count: number, good = 990, total = 1000): Bucket[] => Array.from({ length: count }, (_, i) => ({ start: T0 + i * 60_000, width: 60_000, good, total, value: null }));

describe('SLI buckets packed by the hour', () => {
  it('keeps an hour of evenly spaced whole counts in a quarter of the bytes of the general form, and reads it back as it was', () => {
    const even = packBuckets(T0, minutes(60));
    expect(even.byteLength).toBe(16 + 60 * 8);
    expect(unpackBuckets(T0, even)).toEqual(minutes(60));
    // A gap (a missing row) makes the starts explicit; a fraction, a count past 32 bits or a value makes the amounts floats.
    const gap = minutes(60).filter((_, i) => i !== 7);
    expect(packBuckets(T0, gap).byteLength).toBe(16 + 59 * 16);
    expect(unpackBuckets(T0, packBuckets(T0, gap))).toEqual(gap);
    for (const odd of [{ good: 0.5 }, { total: 2 ** 31 }, { good: -0 }, { value: 240.5 }, { value: 0 }]) {
      const buckets = minutes(3).map((bucket, i) => (i === 1 ? { ...bucket, ...odd } : bucket));
      expect(packBuckets(T0, buckets).byteLength).toBe(16 + 3 * 24);
      expect(unpackBuckets(T0, packBuckets(T0, buckets))).toEqual(buckets);
    }
  });

  it('reads back any hour of buckets exactly (starts in the hour, widths up to a day, any amounts)', () => {
    const bucket = fc.record({
      offset: fc.integer({ min: 0, max: HOUR - 1 }),
      width: fc.integer({ min: 1, max: 24 * HOUR }),
      good: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e12, noNaN: true })),
      total: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e12, noNaN: true })),
      value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(bucket, { minLength: 1, maxLength: 80, selector: (b) => b.offset }), (drawn) => {
        const buckets: Bucket[] = drawn.sort((a, b) => a.offset - b.offset).map((b) => ({ start: T0 + b.offset, width: b.width, good: b.good, total: b.total, value: b.value }));
        const read = unpackBuckets(T0, packBuckets(T0, buckets));
        expect(read).toEqual(buckets);
        read.forEach((b, i) => expect(Object.is(b.good, buckets[i]?.good)).toBe(true));
      }),
    );
  });
});
