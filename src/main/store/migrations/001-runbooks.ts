import type { Migration } from './types';

/** The runbook library: documents, their tags and services, a full-text index, and workspace settings. */
export const migration001: Migration = {
  version: 1,
  name: 'runbook library',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE runbooks (
        id            INTEGER PRIMARY KEY,
        title         TEXT NOT NULL CHECK (length(title) > 0),
        body          TEXT NOT NULL,
        front_matter  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(front_matter)),
        source_text   TEXT NOT NULL,
        source_path   TEXT UNIQUE,
        origin        TEXT NOT NULL CHECK (origin IN ('import', 'demo')),
        content_hash  TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

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

      -- rowid = runbooks.id; kept in step with runbooks by the runbook repository.
      -- No stemmer: FTS5 does not stem prefix queries, so with porter a half-typed
      -- word ("replicat") would miss its own stem ("replic") in the index.
      -- keywords: identifiers split into words (etcdNoLeader -> etcd no leader), so alert names match plain words.
      CREATE VIRTUAL TABLE runbooks_fts USING fts5(
        title, body, tags, services, keywords,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
