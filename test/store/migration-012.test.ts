import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../src/main/store/migrate';
import { migrations } from '../../src/main/store/migrations';
import { migration012 } from '../../src/main/store/migrations/012-slos';
import { openStore } from '../../src/main/store/open';
import { tempDir } from '../fixtures/temp';

describe('012 SLOs and incident impact', () => {
  it('adds the SLO tables and the impact fields to a store of the version before, keeping its incidents', () => {
    const file = path.join(tempDir(), 'holdfast.db');
    const before = openStore(file, { migrations: migrations.filter((migration) => migration.version < 12) });
    before
      .prepare(
        `INSERT INTO incidents (title, severity, status, services, started_at, detected_at, declared_at)
         VALUES ('Checkout down', 'SEV1', 'resolved', '["checkout"]', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:01:00Z')`,
      )
      .run();
    before.close();

    // Up to 015: 016 packs the buckets by the hour (its own test).
    const store = openStore(file, { migrations: migrations.filter((migration) => migration.version < 16) });
    expect(schemaVersion(store)).toBeGreaterThanOrEqual(migration012.version);
    expect(store.prepare('SELECT title, impact_started_at, impact_percent FROM incidents').get()).toEqual({ title: 'Checkout down', impact_started_at: null, impact_percent: null });
    // A partial impact is a percentage: 150 % is refused by the store itself.
    expect(() => store.prepare('UPDATE incidents SET impact_percent = 150').run()).toThrow(/CHECK/);
    store.prepare('UPDATE incidents SET impact_percent = 50').run();

    const slo = store
      .prepare("INSERT INTO slo_objects (uid, kind, name, text, hash, imported_at, updated_at) VALUES ('01J', 'SLO', 'checkout', 'x', 'h', 'now', 'now')")
      .run().lastInsertRowid;
    expect(() => store.prepare("INSERT INTO slo_objects (uid, kind, name, text, hash, imported_at, updated_at) VALUES ('01K', 'SLO', 'checkout', 'y', 'h', 'now', 'now')").run()).toThrow(
      /UNIQUE/,
    );
    expect(() => store.prepare("INSERT INTO slo_objects (uid, kind, name, text, hash, imported_at, updated_at) VALUES ('01L', 'Deployment', 'x', 'y', 'h', 'now', 'now')").run()).toThrow(
      /CHECK/,
    );
    const bucket = store.prepare('INSERT INTO slo_buckets (slo_id, start_ms, width_ms, good, total) VALUES (?, ?, ?, ?, ?) ON CONFLICT (slo_id, start_ms) DO UPDATE SET good = excluded.good');
    bucket.run(slo, 0, 60_000, 99, 100);
    bucket.run(slo, 0, 60_000, 98, 100);
    expect(store.prepare('SELECT good FROM slo_buckets').all()).toEqual([{ good: 98 }]);
    expect(() => store.prepare("INSERT INTO slo_exclusions (uid, slo_id, from_ms, to_ms, reason, created_by, created_at) VALUES ('01M', ?, 10, 10, 'x', 'me', 'now')").run(slo)).toThrow(/CHECK/);
    // Removing an SLO removes its data with it.
    store.prepare('DELETE FROM slo_objects').run();
    expect(store.prepare('SELECT count(*) AS n FROM slo_buckets').get()).toEqual({ n: 0 });
    store.close();
  });
});
