import type { Migration } from './types';

/**
 * Drills: scenarios (injects and targets as JSON), runs (each with its DRILL
 * incident), and each run's facilitator events — start, pause, resume, injects
 * fired or held, observations, stop — from which the drill clock is computed.
 */
export const migration007: Migration = {
  version: 7,
  name: 'drills',
  up(db) {
    db.exec(`
      CREATE TABLE drill_scenarios (
        id         INTEGER PRIMARY KEY,
        title      TEXT NOT NULL CHECK (length(title) > 0),
        objectives TEXT NOT NULL DEFAULT '',
        services   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(services)),
        runbooks   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(runbooks)),
        targets    TEXT NOT NULL CHECK (json_valid(targets)),
        injects    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(injects)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE drill_runs (
        id          INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES drill_scenarios(id),
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        state       TEXT NOT NULL CHECK (state IN ('running', 'paused', 'stopped')),
        started_at  TEXT NOT NULL,
        stopped_at  TEXT,
        scenario    TEXT NOT NULL CHECK (json_valid(scenario))
      ) STRICT;
      CREATE INDEX drill_runs_by_scenario ON drill_runs(scenario_id, started_at);

      CREATE TABLE drill_events (
        id      INTEGER PRIMARY KEY,
        run_id  INTEGER NOT NULL REFERENCES drill_runs(id),
        at      TEXT NOT NULL,
        kind    TEXT NOT NULL CHECK (kind IN ('paused', 'resumed', 'inject_fired', 'inject_held', 'inject_released', 'observation', 'stopped')),
        text    TEXT NOT NULL DEFAULT '',
        data    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
      ) STRICT;
      CREATE INDEX drill_events_by_run ON drill_events(run_id, id);
    `);
  },
};
