import type { Migration } from './types';

/**
 * On-call rosters: people, teams and the services they own, schedules (layers
 * kept as JSON: they are read whole and never queried inside), overrides, and
 * escalation policies. Instants are UTC ISO-8601 text; zones are IANA names.
 */
export const migration003: Migration = {
  version: 3,
  name: 'on-call rosters',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id        INTEGER PRIMARY KEY,
        handle    TEXT NOT NULL UNIQUE CHECK (length(handle) > 0),
        name      TEXT NOT NULL CHECK (length(name) > 0),
        time_zone TEXT NOT NULL,
        contacts  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contacts))
      ) STRICT;

      CREATE TABLE teams (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) > 0)
      ) STRICT;

      CREATE TABLE team_services (
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        service TEXT NOT NULL,
        PRIMARY KEY (team_id, service)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX team_services_by_service ON team_services(service);

      CREATE TABLE schedules (
        id        INTEGER PRIMARY KEY,
        team_id   INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        name      TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
        time_zone TEXT NOT NULL,
        layers    TEXT NOT NULL CHECK (json_valid(layers))
      ) STRICT;

      CREATE TABLE overrides (
        id          INTEGER PRIMARY KEY,
        schedule_id INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
        person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        start_at    TEXT NOT NULL,
        end_at      TEXT NOT NULL CHECK (end_at > start_at),
        note        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX overrides_by_schedule ON overrides(schedule_id, start_at);

      CREATE TABLE escalation_policies (
        id      INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        name    TEXT NOT NULL,
        repeat  INTEGER NOT NULL DEFAULT 0 CHECK (repeat >= 0),
        levels  TEXT NOT NULL CHECK (json_valid(levels)),
        UNIQUE (team_id, name)
      ) STRICT;
    `);
  },
};
