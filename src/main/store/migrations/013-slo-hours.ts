import type { Migration } from './types';

/**
 * Hourly roll-ups of SLI data (issue #18's budgets; src/main/slos/rollup.ts,
 * docs/slos.md): one row per SLO per clock hour (UTC) whose buckets all lie
 * inside it, with the hour's good, bad and total already judged by the SLO's
 * budgeting method (events for Occurrences, minutes for time slices). `basis`
 * names the definition fields the judgement used; a row whose basis is not the
 * SLO's current one is not read (the raw buckets are). Written in the same
 * transaction as the buckets they sum, so a budget reads 720 rows for a 30-day
 * window instead of 43,200.
 */
export const migration013: Migration = {
  version: 13,
  name: 'slo hourly roll-ups',
  up(db) {
    db.exec(`
      CREATE TABLE slo_hours (
        slo_id  INTEGER NOT NULL REFERENCES slo_objects (id) ON DELETE CASCADE,
        hour_ms INTEGER NOT NULL CHECK (hour_ms % 3600000 = 0),
        good    REAL NOT NULL,
        bad     REAL NOT NULL,
        total   REAL NOT NULL,
        basis   TEXT NOT NULL,
        PRIMARY KEY (slo_id, hour_ms)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
