import { packBuckets } from '../bucket-pack';
import type { Bucket } from '../../slos/series';
import type { Migration } from './types';

/**
 * SLI data packed by the hour (issue #18's import figure; src/main/store/bucket-pack.ts):
 * `slo_bucket_hours` holds, per SLO and clock hour (UTC), the buckets that start
 * in that hour as one blob, with their count and how far the latest-ending one
 * reaches (`reach_ms`, so a read skips an hour whose buckets all end before the
 * range it wants without unpacking it). A month of 1-minute data is 720 rows per
 * SLO instead of the 43,200 of `slo_buckets`, whose rows move here, unchanged,
 * before it is dropped. The hourly roll-ups (`slo_hours`, 013) sum the same
 * buckets and stay as they are.
 */
const HOUR = 3_600_000;
const PAGE = 50_000;

export const migration016: Migration = {
  version: 16,
  name: 'slo buckets packed by the hour',
  up(db) {
    db.exec(`
      CREATE TABLE slo_bucket_hours (
        slo_id   INTEGER NOT NULL REFERENCES slo_objects (id) ON DELETE CASCADE,
        hour_ms  INTEGER NOT NULL CHECK (hour_ms % 3600000 = 0),
        buckets  INTEGER NOT NULL CHECK (buckets > 0),
        reach_ms INTEGER NOT NULL CHECK (reach_ms > hour_ms),
        data     BLOB NOT NULL CHECK (length(data) >= 16),
        PRIMARY KEY (slo_id, hour_ms)
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO slo_bucket_hours (slo_id, hour_ms, buckets, reach_ms, data) VALUES (?, ?, ?, ?, ?)');
    let slo = 0;
    let hour = 0;
    let reach = 0;
    let packed: Bucket[] = [];
    const flush = () => {
      if (packed.length > 0) insert.run(slo, hour, packed.length, reach, packBuckets(hour, packed));
      packed = [];
    };
    // Read a page at a time (a connection writes nothing while a statement iterates), in key order.
    const page = db.prepare<[number, number, number], { slo: number; start: number; width: number; good: number; total: number; value: number | null }>(
      'SELECT slo_id AS slo, start_ms AS start, width_ms AS width, good, total, value FROM slo_buckets WHERE (slo_id, start_ms) > (?, ?) ORDER BY slo_id, start_ms LIMIT ?',
    );
    for (let rows = page.all(-Infinity, 0, PAGE); rows.length > 0; ) {
      for (const row of rows) {
        const rowHour = Math.floor(row.start / HOUR) * HOUR;
        if (row.slo !== slo || rowHour !== hour) {
          flush();
          slo = row.slo;
          hour = rowHour;
          reach = -Infinity;
        }
        packed.push({ start: row.start, width: row.width, good: row.good, total: row.total, value: row.value });
        reach = Math.max(reach, row.start + row.width);
      }
      const last = rows.at(-1) as { slo: number; start: number };
      rows = page.all(last.slo, last.start, PAGE);
    }
    flush();
    db.exec('DROP TABLE slo_buckets');
  },
};
