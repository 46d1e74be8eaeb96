import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SloRepo } from '../../src/main/slos/repo';
import { schemaVersion } from '../../src/main/store/migrate';
import { migrations } from '../../src/main/store/migrations';
import { migration016 } from '../../src/main/store/migrations/016-slo-bucket-hours';
import { openStore } from '../../src/main/store/open';
import { tempDir } from '../fixtures/temp';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');

describe('016 SLO buckets packed by the hour', () => {
  it('moves every stored bucket of every SLO into its hour, unchanged, and drops the table of one row per bucket', () => {
    const file = path.join(tempDir(), 'holdfast.db');
    const before = openStore(file, { migrations: migrations.filter((migration) => migration.version < 16) });
    const addSlo = (name: string) =>
      Number(before.prepare("INSERT INTO slo_objects (uid, kind, name, text, hash, imported_at, updated_at) VALUES (?, 'SLO', ?, 'x', 'h', 'now', 'now')").run(`01J${name}`, name).lastInsertRowid);
    const checkout = addSlo('checkout');
    const latency = addSlo('latency');
    const bucket = before.prepare('INSERT INTO slo_buckets (slo_id, start_ms, width_ms, good, total, value) VALUES (?, ?, ?, ?, ?, ?)');
    // 90 minutes of checkout (two hours), a day-long bucket, and a threshold SLI's values (fractions kept exactly).
    for (let i = 0; i < 90; i += 1) bucket.run(checkout, T0 + i * 60_000, 60_000, 99 - (i % 3), 100, null);
    bucket.run(checkout, T0 + 10 * HOUR, 24 * HOUR, 1e9 - 1, 1e9, null);
    bucket.run(latency, T0 - 5 * 60_000, 300_000, 0, 0, 0.123_456_789);
    bucket.run(latency, T0, 300_000, 0, 0, 240.5);
    const stored = before.prepare('SELECT slo_id, start_ms, width_ms, good, total, value FROM slo_buckets ORDER BY slo_id, start_ms').all();
    before.close();

    const store = openStore(file);
    expect(schemaVersion(store)).toBeGreaterThanOrEqual(migration016.version);
    expect(store.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'slo_buckets'").get()).toEqual({ n: 0 });
    expect(store.prepare('SELECT slo_id, hour_ms, buckets, reach_ms FROM slo_bucket_hours ORDER BY slo_id, hour_ms').all()).toEqual([
      { slo_id: checkout, hour_ms: T0, buckets: 60, reach_ms: T0 + HOUR },
      { slo_id: checkout, hour_ms: T0 + HOUR, buckets: 30, reach_ms: T0 + 90 * 60_000 },
      { slo_id: checkout, hour_ms: T0 + 10 * HOUR, buckets: 1, reach_ms: T0 + 34 * HOUR },
      { slo_id: latency, hour_ms: T0 - HOUR, buckets: 1, reach_ms: T0 },
      { slo_id: latency, hour_ms: T0, buckets: 1, reach_ms: T0 + 300_000 },
    ]);
    // Read back through the repo, every bucket is as it was.
    const repo = new SloRepo(store);
    const read = [checkout, latency].flatMap((id) =>
      repo.buckets(id, { start: T0 - 2 * HOUR, end: T0 + 48 * HOUR }).map((b) => ({ slo_id: id, start_ms: b.start, width_ms: b.width, good: b.good, total: b.total, value: b.value })),
    );
    expect(read).toEqual(stored);
    // One row per SLO and hour, whole hours only; the data goes with its SLO.
    const put = store.prepare('INSERT INTO slo_bucket_hours (slo_id, hour_ms, buckets, reach_ms, data) VALUES (?, ?, 1, ?, zeroblob(32))');
    expect(() => put.run(checkout, T0, T0 + HOUR)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => put.run(checkout, T0 + 60_000, T0 + HOUR)).toThrow(/CHECK/);
    store.prepare('DELETE FROM slo_objects').run();
    expect(store.prepare('SELECT count(*) AS n FROM slo_bucket_hours').get()).toEqual({ n: 0 });
    store.close();
  });
});
