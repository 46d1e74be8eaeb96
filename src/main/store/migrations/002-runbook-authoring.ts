import type { Migration } from './types';

/**
 * Runbooks as documents people author: metadata columns, stable uids for
 * export/import round trips, revisions, folder groups, imported images, an
 * archive flag, the extracted steps, and a search index with summary,
 * per-section text and a vocabulary for spelling correction.
 * Derived data (steps, sections, the indexes) is rebuilt by the app after this
 * migration (settings 'runbooks.reindex'), so the migration holds no parsing code.
 */
export const migration002: Migration = {
  version: 2,
  name: 'runbook authoring',
  up(db) {
    db.exec(`
      CREATE TABLE runbooks_v2 (
        id                   INTEGER PRIMARY KEY,
        uid                  TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
        title                TEXT NOT NULL CHECK (length(title) > 0),
        summary              TEXT NOT NULL DEFAULT '',
        owner                TEXT NOT NULL DEFAULT '',
        severity             TEXT NOT NULL DEFAULT '',
        last_reviewed        TEXT CHECK (last_reviewed IS NULL OR date(last_reviewed) = last_reviewed),
        review_interval_days INTEGER CHECK (review_interval_days IS NULL OR review_interval_days > 0),
        links                TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
        extra_front_matter   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra_front_matter)),
        body                 TEXT NOT NULL,
        sections             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sections)),
        steps                TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps)),
        step_count           INTEGER NOT NULL DEFAULT 0,
        source_text          TEXT NOT NULL,
        source_path          TEXT,
        relative_path        TEXT,
        origin               TEXT NOT NULL CHECK (origin IN ('import', 'demo', 'app')),
        content_hash         TEXT NOT NULL,
        revision             INTEGER NOT NULL DEFAULT 0,
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL,
        archived_at          TEXT
      ) STRICT;

      INSERT INTO runbooks_v2 (id, uid, title, extra_front_matter, body, source_text, source_path, relative_path,
                               origin, content_hash, created_at, updated_at)
        SELECT id, lower(hex(randomblob(8))), title, front_matter, body, source_text, source_path,
               replace(source_path, rtrim(source_path, replace(source_path, '/', '')), ''),
               origin, content_hash, created_at, updated_at
        FROM runbooks;

      -- Tags and services point at runbooks(id); keep their rows across the table swap.
      CREATE TEMP TABLE saved_tags AS SELECT * FROM runbook_tags;
      CREATE TEMP TABLE saved_services AS SELECT * FROM runbook_services;
      DROP TABLE runbook_tags;
      DROP TABLE runbook_services;
      DROP TABLE runbooks;
      ALTER TABLE runbooks_v2 RENAME TO runbooks;
      CREATE INDEX runbooks_by_relative_path ON runbooks(relative_path);
      CREATE INDEX runbooks_by_source_path ON runbooks(source_path);

      CREATE TABLE runbook_tags (
        runbook_id INTEGER NOT NULL REFERENCES runbooks(id) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        PRIMARY KEY (runbook_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX runbook_tags_by_tag ON runbook_tags(tag);
      CREATE TABLE runbook_services (
        runbook_id INTEGER NOT NULL REFERENCES runbooks(id) ON DELETE CASCADE,
        service    TEXT NOT NULL,
        PRIMARY KEY (runbook_id, service)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX runbook_services_by_service ON runbook_services(service);
      INSERT INTO runbook_tags SELECT * FROM temp.saved_tags;
      INSERT INTO runbook_services SELECT * FROM temp.saved_services;
      DROP TABLE temp.saved_tags;
      DROP TABLE temp.saved_services;

      CREATE TABLE runbook_revisions (
        runbook_id INTEGER NOT NULL REFERENCES runbooks(id) ON DELETE CASCADE,
        number     INTEGER NOT NULL CHECK (number > 0),
        source     TEXT NOT NULL,
        title      TEXT NOT NULL,
        author     TEXT NOT NULL,
        message    TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        PRIMARY KEY (runbook_id, number)
      ) STRICT;

      -- A folder's section page (_index.md): its title groups the runbooks below it.
      CREATE TABLE runbook_groups (
        folder      TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        source_text TEXT NOT NULL
      ) STRICT;

      CREATE TABLE runbook_assets (
        runbook_id INTEGER NOT NULL REFERENCES runbooks(id) ON DELETE CASCADE,
        path       TEXT NOT NULL,
        mime       TEXT NOT NULL,
        data       BLOB NOT NULL,
        PRIMARY KEY (runbook_id, path)
      ) STRICT;

      DROP TABLE runbooks_fts;
      CREATE VIRTUAL TABLE runbooks_fts USING fts5(
        title, summary, body, tags, services, keywords,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE runbook_sections_fts USING fts5(
        title, text, runbook_id UNINDEXED, section_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE runbooks_vocab USING fts5vocab(runbooks_fts, 'row');

      INSERT INTO settings (key, value) VALUES ('runbooks.reindex', 'reparse')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    `);
  },
};
