import { derivedUid } from '../../sync/ids';
import type { Migration } from './types';

/**
 * Ids that travel (docs/sync.md, ARCHITECTURE 14): incidents, their timeline
 * events, drill scenarios and drill runs get a ULID (`uid`) besides their local
 * integer id, so the shared workspace names each by it and two machines' copies
 * merge as a union. Rows stored before get a ULID made from their own time, their
 * id (rows of one instant keep their order) and a hash of their table and id (the
 * same store migrated twice gets the same uids). Changes got theirs in 011. `sync_imports` records which version (git
 * blob) of each workspace file the store has taken in, so an import after a sync
 * reads only what changed, and a kill between two incidents leaves whole ones.
 */
const TABLES = [
  { table: 'incidents', time: 'declared_at' },
  { table: 'incident_events', time: 'at' },
  { table: 'drill_scenarios', time: 'created_at' },
  { table: 'drill_runs', time: 'started_at' },
] as const;

export const migration014: Migration = {
  version: 14,
  name: 'sync uids',
  up(db) {
    // The append-only trigger refuses any update of a superseded event: it is recreated below, a uid once set never changing.
    db.exec('DROP TRIGGER incident_events_append_only_update');
    for (const { table, time } of TABLES) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN uid TEXT CHECK (uid IS NULL OR length(uid) = 26)`);
      const set = db.prepare(`UPDATE ${table} SET uid = ? WHERE id = ?`);
      for (const row of db.prepare<[], { id: number; at: string }>(`SELECT id, ${time} AS at FROM ${table}`).all()) {
        set.run(derivedUid(Date.parse(row.at), row.id, `${table}:${row.id}`), row.id);
      }
      db.exec(`CREATE UNIQUE INDEX ${table}_by_uid ON ${table}(uid)`);
    }
    db.exec(`
      CREATE TRIGGER incident_events_append_only_update BEFORE UPDATE ON incident_events
      WHEN NEW.id IS NOT OLD.id OR NEW.incident_id IS NOT OLD.incident_id OR NEW.at IS NOT OLD.at
        OR NEW.type IS NOT OLD.type OR NEW.actor IS NOT OLD.actor OR NEW.text IS NOT OLD.text
        OR NEW.data IS NOT OLD.data OR OLD.superseded_by IS NOT NULL
        OR (OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid)
      BEGIN SELECT RAISE(ABORT, 'incident events are append-only'); END;

      -- Timelines are read in one order on every machine (time, then uid): the index walks it without sorting.
      CREATE INDEX incident_events_in_order ON incident_events(incident_id, at, ifnull(uid, ''), id);

      CREATE TABLE sync_imports (
        path        TEXT PRIMARY KEY,
        blob        TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
