import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ULID_PATTERN } from '../../src/shared/sync';
import { schemaVersion } from '../../src/main/store/migrate';
import { migrations } from '../../src/main/store/migrations';
import { migration014 } from '../../src/main/store/migrations/014-sync-uids';
import { openStore } from '../../src/main/store/open';
import { uidTime } from '../../src/main/sync/ids';
import { tempDir } from '../fixtures/temp';

/** A store of the version before 014, with an incident, two events (one corrected), a drill scenario and a run. */
function storeBefore(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const before = openStore(file, { create: 'always', migrations: migrations.filter((migration) => migration.version < 14) });
  const incident = before
    .prepare(
      "INSERT INTO incidents (title, severity, status, started_at, detected_at, declared_at, time_zone) VALUES ('Checkout errors', 'SEV2', 'investigating', '2026-11-27T03:00:00.000Z', '2026-11-27T03:00:00.000Z', '2026-11-27T03:01:00.000Z', 'UTC')",
    )
    .run().lastInsertRowid;
  const event = before.prepare("INSERT INTO incident_events (incident_id, at, type, actor, text) VALUES (?, ?, 'note', 'Ana', ?)");
  const first = event.run(incident, '2026-11-27T03:02:00.000Z', 'first').lastInsertRowid;
  const second = event.run(incident, '2026-11-27T03:03:00.000Z', 'second').lastInsertRowid;
  before.prepare('UPDATE incident_events SET superseded_by = ? WHERE id = ?').run(second, first);
  const scenario = before
    .prepare("INSERT INTO drill_scenarios (title, targets, created_at, updated_at) VALUES ('Failover', '{}', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
    .run().lastInsertRowid;
  before.prepare("INSERT INTO drill_runs (scenario_id, incident_id, state, started_at, scenario) VALUES (?, ?, 'running', '2026-11-27T03:00:00.000Z', '{}')").run(scenario, incident);
  before.close();
}

const uids = (store: ReturnType<typeof openStore>) =>
  ['incidents', 'incident_events', 'drill_scenarios', 'drill_runs'].map((table) => store.prepare(`SELECT id, uid FROM ${table} ORDER BY id`).all() as { id: number; uid: string }[]);

describe('014 sync uids', () => {
  it('gives every incident, event, drill scenario and run a ULID of its own time, the same on every migration of the same store', () => {
    const dir = tempDir();
    storeBefore(path.join(dir, 'a', 'holdfast.db'));
    storeBefore(path.join(dir, 'b', 'holdfast.db'));
    const [a, b] = [openStore(path.join(dir, 'a', 'holdfast.db')), openStore(path.join(dir, 'b', 'holdfast.db'))];
    expect(schemaVersion(a)).toBeGreaterThanOrEqual(migration014.version);
    const [incidents, events, scenarios, runs] = uids(a);
    for (const row of [...(incidents ?? []), ...(events ?? []), ...(scenarios ?? []), ...(runs ?? [])]) expect(row.uid).toMatch(ULID_PATTERN);
    expect(uidTime(incidents?.[0]?.uid ?? '')).toBe(Date.parse('2026-11-27T03:01:00.000Z'));
    expect(events?.map((row) => uidTime(row.uid))).toEqual([Date.parse('2026-11-27T03:02:00.000Z'), Date.parse('2026-11-27T03:03:00.000Z')]);
    expect(new Set(events?.map((row) => row.uid)).size).toBe(2);
    // Deterministic: the same rows migrated in another copy get the same uids.
    expect(uids(b)).toEqual(uids(a));
    b.close();

    // A uid is unique, and once set never changes (the corrected event is append-only as before).
    const event = events?.[1];
    expect(() => a.prepare('UPDATE incident_events SET uid = ? WHERE id = ?').run(events?.[0]?.uid, event?.id)).toThrow(/append-only|UNIQUE/);
    expect(() => a.prepare("UPDATE incident_events SET text = 'changed' WHERE id = ?").run(event?.id)).toThrow(/append-only/);
    expect(() => a.prepare("UPDATE incidents SET uid = 'short' WHERE id = ?").run(incidents?.[0]?.id)).toThrow(/CHECK/);
    // The import bookkeeping: one row per workspace path.
    a.prepare("INSERT INTO sync_imports (path, blob, imported_at) VALUES ('roster.yaml', 'abc', 'now')").run();
    expect(() => a.prepare("INSERT INTO sync_imports (path, blob, imported_at) VALUES ('roster.yaml', 'def', 'now')").run()).toThrow(/UNIQUE|PRIMARY KEY/);
    a.close();
  });
});
