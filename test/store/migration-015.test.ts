import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../src/main/store/migrate';
import { migrations } from '../../src/main/store/migrations';
import { migration015 } from '../../src/main/store/migrations/015-event-actor-handle';
import { openStore } from '../../src/main/store/open';
import { tempDir } from '../fixtures/temp';

describe('015 the actor handle of a timeline event', () => {
  it('adds actor_handle to the events of a store of the version before, keeping them (null: nobody picked a handle then)', () => {
    const file = path.join(tempDir(), 'holdfast.db');
    const before = openStore(file, { migrations: migrations.filter((migration) => migration.version < 15) });
    const incident = before
      .prepare(
        "INSERT INTO incidents (title, severity, status, services, started_at, detected_at, declared_at) VALUES ('db down', 'SEV1', 'investigating', '[]', 'now', 'now', 'now')",
      )
      .run().lastInsertRowid;
    before.prepare("INSERT INTO incident_events (incident_id, at, type, actor, text) VALUES (?, 'now', 'note', 'Ana', 'primary failed over')").run(incident);
    before.close();

    const store = openStore(file);
    expect(schemaVersion(store)).toBeGreaterThanOrEqual(migration015.version);
    expect(store.prepare('SELECT actor, actor_handle AS handle, text FROM incident_events').all()).toEqual([{ actor: 'Ana', handle: null, text: 'primary failed over' }]);
    const id = store.prepare("INSERT INTO incident_events (incident_id, at, type, actor, actor_handle, text) VALUES (?, 'now', 'note', 'Bo', 'bo', 'replica lag 4 s')").run(incident).lastInsertRowid;
    expect(store.prepare('SELECT actor_handle AS handle FROM incident_events WHERE id = ?').get(id)).toEqual({ handle: 'bo' });
    // Written once, like the rest of the event.
    expect(() => store.prepare("UPDATE incident_events SET actor_handle = 'ana' WHERE id = ?").run(id)).toThrow(/append-only/);
    expect(() => store.prepare("UPDATE incident_events SET actor_handle = 'ana' WHERE actor = 'Ana'").run()).toThrow(/append-only/);
    store.close();
  });
});
