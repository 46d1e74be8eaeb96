import type { Migration } from './types';

/**
 * Changes (issue #17): change records, their append-only log, freeze and peak
 * windows, and external change events.
 * - Ids that travel: changes, log entries, windows and change events carry a
 *   ULID (`uid`) besides their local integer id; merging two machines' data is a
 *   union by `uid`, and a change's state is replayed from its log, never merged.
 * - Records as JSON (validated by their zod schemas on the way in and out); the
 *   columns beside them are what queries filter on. Instants are epoch
 *   milliseconds in `*_ms` columns, UTC ISO-8601 inside the JSON.
 * - `changes.state` and the active span are a cache of the log, recomputed on
 *   every append in the same transaction; the log is the truth.
 * - "What changed?" reads by index: `change_event_services (service, at_ms)` and
 *   `change_services (service, active_end_ms)`; an event naming no service is
 *   indexed under `*`, a change in progress has `active_end_ms` = 8.64e15.
 * - Change events are kept as long as the data file lives (no expiry).
 */
export const migration011: Migration = {
  version: 11,
  name: 'changes',
  up(db) {
    db.exec(`
      CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        record TEXT NOT NULL CHECK (json_valid(record)),
        title TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
        state TEXT NOT NULL CHECK (state IN ('draft', 'scheduled', 'in-progress', 'completed', 'rolled-back', 'cancelled')),
        created_at TEXT NOT NULL
      );
      CREATE INDEX changes_by_start ON changes (start_ms);

      CREATE TABLE change_services (
        service TEXT NOT NULL,
        change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        active_start_ms INTEGER,
        active_end_ms INTEGER,
        PRIMARY KEY (service, change_id)
      ) WITHOUT ROWID;
      CREATE INDEX change_services_by_start ON change_services (service, start_ms);
      CREATE INDEX change_services_by_activity ON change_services (service, active_end_ms) WHERE active_end_ms IS NOT NULL;

      CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        change_uid TEXT NOT NULL REFERENCES changes (uid) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL CHECK (json_valid(detail)),
        evidence TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX change_log_by_change ON change_log (change_uid, uid);

      CREATE TABLE change_windows (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('freeze', 'peak')),
        window TEXT NOT NULL CHECK (json_valid(window)),
        created_at TEXT NOT NULL
      );

      CREATE TABLE change_events (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        at_ms INTEGER NOT NULL,
        event TEXT NOT NULL CHECK (json_valid(event)),
        imported_at TEXT NOT NULL
      );
      CREATE INDEX change_events_by_time ON change_events (at_ms);

      CREATE TABLE change_event_services (
        service TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        event_id INTEGER NOT NULL REFERENCES change_events (id) ON DELETE CASCADE,
        PRIMARY KEY (service, at_ms, event_id)
      ) WITHOUT ROWID;
    `);
  },
};
