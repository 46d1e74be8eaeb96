import type { Migration } from './types';

/**
 * Lookups that used to scan, made seeks:
 * - the runbook and section indexes keep prefix indexes (2 to 10 characters):
 *   search matches the last word typed as a prefix, and without them FTS5
 *   merges the doclists of every word that starts with it on each query;
 * - the section index places each runbook's sections at a rowid range of their
 *   own (see sectionRowids in the runbook repo), so search finds a runbook's best
 *   section, and import replaces its sections, without reading every section.
 *   Both indexes are created anew here and filled by the app on its next start
 *   (settings 'runbooks.reindex');
 * - an incident's key marks have an index of their own, so reading an event
 *   (after every append) no longer walks the incident's whole timeline.
 */
export const migration008: Migration = {
  version: 8,
  name: 'lookup indexes',
  up(db) {
    db.exec(`
      DROP TABLE runbooks_vocab;
      DROP TABLE runbooks_fts;
      DROP TABLE runbook_sections_fts;
      CREATE VIRTUAL TABLE runbooks_fts USING fts5(
        title, summary, body, tags, services, keywords,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8 9 10'
      );
      CREATE VIRTUAL TABLE runbook_sections_fts USING fts5(
        title, text, runbook_id UNINDEXED, section_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8 9 10'
      );
      CREATE VIRTUAL TABLE runbooks_vocab USING fts5vocab(runbooks_fts, 'row');
      INSERT INTO settings (key, value) VALUES ('runbooks.reindex', 'sections')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;

      CREATE INDEX incident_events_key_marks ON incident_events(incident_id, id)
        WHERE type IN ('key_marked', 'key_unmarked');
    `);
  },
};
