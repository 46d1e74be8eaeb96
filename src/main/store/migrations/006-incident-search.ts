import type { Migration } from './types';

/**
 * Full-text search over past incidents: one row per searchable piece (the
 * incident's title and services, each note, status update and correction, the
 * resolution summary, each post-mortem section), kept by the incident code.
 * Existing incidents are indexed by the migration itself.
 */
export const migration006: Migration = {
  version: 6,
  name: 'incident search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE incident_search USING fts5(
        text, incident_id UNINDEXED, kind UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO incident_search (text, incident_id, kind)
        SELECT title || ' ' || (SELECT group_concat(value, ' ') FROM json_each(services)), id, 'incident' FROM incidents;
      INSERT INTO incident_search (text, incident_id, kind)
        SELECT resolution_summary, id, 'summary' FROM incidents WHERE resolution_summary != '';
      INSERT INTO incident_search (text, incident_id, kind)
        SELECT text, incident_id, 'event' FROM incident_events WHERE type IN ('note', 'status_update', 'correction');
    `);
  },
};
