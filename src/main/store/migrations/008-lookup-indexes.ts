import type { Migration } from './types';

/**
 * Lookups that used to scan, made seeks:
 * - the section index places each runbook's sections at a rowid range of their
 *   own (see sectionRowids in the runbook repo), so search finds a runbook's best
 *   section, and import replaces its sections, without reading every section.
 *   Rows written before have other rowids: the index is emptied here and rebuilt
 *   by the app on its next start (settings 'runbooks.reindex');
 * - an incident's key marks have an index of their own, so reading an event
 *   (after every append) no longer walks the incident's whole timeline.
 */
export const migration008: Migration = {
  version: 8,
  name: 'lookup indexes',
  up(db) {
    db.exec(`
      DELETE FROM runbook_sections_fts;
      INSERT INTO settings (key, value) VALUES ('runbooks.reindex', 'sections')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;

      CREATE INDEX incident_events_key_marks ON incident_events(incident_id, id)
        WHERE type IN ('key_marked', 'key_unmarked');
    `);
  },
};
