import type { Migration } from './types';

/**
 * Incidents: the incident row holds its current state; every action is a row of
 * incident_events, which is append-only (triggers refuse updates and deletes,
 * except the one link a correction sets). Roles, attached runbooks and step
 * states are projections written in the same transaction as their event.
 */
export const migration004: Migration = {
  version: 4,
  name: 'incidents',
  up(db) {
    db.exec(`
      CREATE TABLE incidents (
        id                 INTEGER PRIMARY KEY,
        title              TEXT NOT NULL CHECK (length(title) > 0),
        severity           TEXT NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
        status             TEXT NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
        services           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(services)),
        drill              INTEGER NOT NULL DEFAULT 0 CHECK (drill IN (0, 1)),
        started_at         TEXT NOT NULL,
        detected_at        TEXT NOT NULL,
        declared_at        TEXT NOT NULL,
        acknowledged_at    TEXT,
        mitigated_at       TEXT,
        resolved_at        TEXT,
        resolution_summary TEXT NOT NULL DEFAULT '',
        last_update_at     TEXT
      ) STRICT;
      CREATE INDEX incidents_by_status ON incidents(status, started_at);

      CREATE TABLE incident_events (
        id            INTEGER PRIMARY KEY,
        incident_id   INTEGER NOT NULL REFERENCES incidents(id),
        at            TEXT NOT NULL,
        type          TEXT NOT NULL,
        actor         TEXT NOT NULL,
        text          TEXT NOT NULL DEFAULT '',
        data          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        superseded_by INTEGER REFERENCES incident_events(id)
      ) STRICT;
      CREATE INDEX incident_events_by_incident ON incident_events(incident_id, id);

      CREATE TRIGGER incident_events_append_only_delete BEFORE DELETE ON incident_events
      BEGIN SELECT RAISE(ABORT, 'incident events are append-only'); END;
      CREATE TRIGGER incident_events_append_only_update BEFORE UPDATE ON incident_events
      WHEN NEW.id IS NOT OLD.id OR NEW.incident_id IS NOT OLD.incident_id OR NEW.at IS NOT OLD.at
        OR NEW.type IS NOT OLD.type OR NEW.actor IS NOT OLD.actor OR NEW.text IS NOT OLD.text
        OR NEW.data IS NOT OLD.data OR OLD.superseded_by IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'incident events are append-only'); END;

      CREATE TABLE incident_roles (
        incident_id   INTEGER NOT NULL REFERENCES incidents(id),
        role          TEXT NOT NULL,
        person_handle TEXT NOT NULL,
        person_name   TEXT NOT NULL,
        assigned_at   TEXT NOT NULL,
        PRIMARY KEY (incident_id, role)
      ) STRICT;

      CREATE TABLE incident_runbooks (
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        runbook_id  INTEGER NOT NULL,
        title       TEXT NOT NULL,
        revision    INTEGER NOT NULL,
        steps       TEXT NOT NULL CHECK (json_valid(steps)),
        attached_at TEXT NOT NULL,
        PRIMARY KEY (incident_id, runbook_id)
      ) STRICT;

      CREATE TABLE incident_steps (
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        runbook_id  INTEGER NOT NULL,
        step_id     TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('started', 'done', 'skipped', 'failed')),
        started_at  TEXT,
        finished_at TEXT,
        note        TEXT NOT NULL DEFAULT '',
        actor       TEXT,
        PRIMARY KEY (incident_id, runbook_id, step_id)
      ) STRICT;
    `);
  },
};
