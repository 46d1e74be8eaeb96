import type { Migration } from './types';

/**
 * Post-mortems (one per incident: sections as JSON, each remembering what was
 * generated so regeneration can tell human edits apart), action items, and the
 * time zone an incident's times are shown in beside UTC.
 */
export const migration005: Migration = {
  version: 5,
  name: 'post-mortems',
  up(db) {
    db.exec(`
      ALTER TABLE incidents ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';

      CREATE TABLE postmortems (
        incident_id   INTEGER PRIMARY KEY REFERENCES incidents(id),
        review_status TEXT NOT NULL DEFAULT 'draft' CHECK (review_status IN ('draft', 'in review', 'final')),
        authors       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
        heading       TEXT NOT NULL,
        sections      TEXT NOT NULL CHECK (json_valid(sections)),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE action_items (
        id          INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        description TEXT NOT NULL CHECK (length(description) > 0),
        type        TEXT NOT NULL CHECK (type IN ('mitigate', 'prevent', 'process')),
        owner       TEXT NOT NULL DEFAULT '',
        due_date    TEXT CHECK (due_date IS NULL OR date(due_date) = due_date),
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'wont-do')),
        link        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX action_items_by_incident ON action_items(incident_id);
    `);
  },
};
