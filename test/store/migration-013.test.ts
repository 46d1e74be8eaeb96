import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../src/main/store/migrate';
import { migrations } from '../../src/main/store/migrations';
import { migration013 } from '../../src/main/store/migrations/013-slo-hours';
import { openStore } from '../../src/main/store/open';
import { tempDir } from '../fixtures/temp';

describe('013 SLO hourly roll-ups', () => {
  it('adds the roll-up table to a store of the version before, keeping its SLI data; roll-ups go with their SLO', () => {
    const file = path.join(tempDir(), 'holdfast.db');
    const before = openStore(file, { migrations: migrations.filter((migration) => migration.version < 14) });
    const slo = before
      .prepare("INSERT INTO slo_objects (uid, kind, name, text, hash, imported_at, updated_at) VALUES ('01J', 'SLO', 'checkout', 'x', 'h', 'now', 'now')")
      .run().lastInsertRowid;
    before.prepare('INSERT INTO slo_buckets (slo_id, start_ms, width_ms, good, total) VALUES (?, 0, 60000, 99, 100)').run(slo);
    before.close();

    // Up to 015: 016 packs the buckets by the hour (its own test).
    const store = openStore(file, { migrations: migrations.filter((migration) => migration.version < 16) });
    expect(schemaVersion(store)).toBeGreaterThanOrEqual(migration013.version);
    expect(store.prepare('SELECT good, total FROM slo_buckets').all()).toEqual([{ good: 99, total: 100 }]);
    // Data stored before the roll-ups has none: its hours are read from the buckets until the next import.
    expect(store.prepare('SELECT count(*) AS n FROM slo_hours').get()).toEqual({ n: 0 });
    const hour = store.prepare("INSERT INTO slo_hours (slo_id, hour_ms, good, bad, total, basis) VALUES (?, ?, 99, 1, 100, '[]')");
    hour.run(slo, 3_600_000);
    // One row per SLO and hour, and only whole hours.
    expect(() => hour.run(slo, 3_600_000)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => hour.run(slo, 60_000)).toThrow(/CHECK/);
    store.prepare('DELETE FROM slo_objects').run();
    expect(store.prepare('SELECT count(*) AS n FROM slo_hours').get()).toEqual({ n: 0 });
    store.close();
  });
});
