import type { Migration } from './types';

/**
 * The names a runbook answers to exactly, so search can put it first: the alert
 * names it is for (front matter `alert`, a file named like `CPUThrottlingHigh.md`,
 * a title like `etcdNoLeader`) and its title. Each is stored as its search key
 * (lower case, letters and digits only: `CPUThrottlingHigh`, "CPU Throttling High"
 * and "cpu throttling high" are one key), looked up by an index.
 * Filled by the app on its next start (settings 'runbooks.reindex'), which also
 * adds the alert names, whole and split into words, to the full-text index.
 */
export const migration009: Migration = {
  version: 9,
  name: 'runbook names',
  up(db) {
    db.exec(`
      CREATE TABLE runbook_names (
        runbook_id INTEGER NOT NULL REFERENCES runbooks(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('alert', 'title')),
        key        TEXT NOT NULL CHECK (length(key) > 0),
        name       TEXT NOT NULL,
        PRIMARY KEY (runbook_id, kind, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX runbook_names_by_key ON runbook_names(key);
      INSERT INTO settings (key, value) VALUES ('runbooks.reindex', 'names')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    `);
  },
};
