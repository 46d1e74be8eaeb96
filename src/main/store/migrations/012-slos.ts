import type { Migration } from './types';

/**
 * Service level objectives (issue #18; src/main/slos, docs/slos.md):
 * - `slo_objects`: every OpenSLO object imported (SLO, SLI, Service and the kinds
 *   Holdfast keeps for export only), as the YAML text it was read as and that
 *   text's sha256, one per kind and name; `uid` a ULID that travels.
 * - `slo_buckets`: SLI data, one row per bucket [start, start + width); a
 *   re-imported bucket replaces the stored one (the key), one B-tree in key order.
 * - `slo_data_imports`: each data file imported, by content hash and span, so the
 *   same file again changes nothing.
 * - `slo_exclusions`: maintenance windows and data gaps per SLO.
 * - Two incident fields for incidents as the SLI: `impact_started_at` (when users
 *   were first hurt, if before the incident's start) and `impact_percent` (a
 *   partial impact; NULL is a full outage).
 */
export const migration012: Migration = {
  version: 12,
  name: 'slos and incident impact',
  up(db) {
    db.exec(`
      CREATE TABLE slo_objects (
        id          INTEGER PRIMARY KEY,
        uid         TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('SLO', 'SLI', 'Service', 'AlertPolicy', 'AlertCondition', 'DataSource', 'AlertNotificationTarget')),
        name        TEXT NOT NULL,
        text        TEXT NOT NULL,
        hash        TEXT NOT NULL,
        source_path TEXT,
        imported_at TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (kind, name)
      ) STRICT;

      CREATE TABLE slo_buckets (
        slo_id   INTEGER NOT NULL REFERENCES slo_objects (id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL,
        width_ms INTEGER NOT NULL CHECK (width_ms > 0 AND width_ms <= 86400000),
        good     REAL NOT NULL,
        total    REAL NOT NULL,
        value    REAL,
        PRIMARY KEY (slo_id, start_ms)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE slo_data_imports (
        id          INTEGER PRIMARY KEY,
        uid         TEXT NOT NULL UNIQUE,
        slo_id      INTEGER NOT NULL REFERENCES slo_objects (id) ON DELETE CASCADE,
        hash        TEXT NOT NULL,
        from_ms     INTEGER NOT NULL,
        to_ms       INTEGER NOT NULL,
        buckets     INTEGER NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX slo_data_imports_slo ON slo_data_imports (slo_id, hash);

      CREATE TABLE slo_exclusions (
        id         INTEGER PRIMARY KEY,
        uid        TEXT NOT NULL UNIQUE,
        slo_id     INTEGER NOT NULL REFERENCES slo_objects (id) ON DELETE CASCADE,
        from_ms    INTEGER NOT NULL,
        to_ms      INTEGER NOT NULL CHECK (to_ms > from_ms),
        reason     TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX slo_exclusions_slo ON slo_exclusions (slo_id, from_ms);

      ALTER TABLE incidents ADD COLUMN impact_started_at TEXT;
      ALTER TABLE incidents ADD COLUMN impact_percent REAL CHECK (impact_percent IS NULL OR (impact_percent >= 0 AND impact_percent <= 100));
    `);
  },
};
