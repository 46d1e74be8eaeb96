import type { IncidentSummary } from '../../shared/incidents';
import { toFtsQuery } from '../runbooks/search-query';
import type { Store } from '../store/open';

export type SearchKind = 'incident' | 'summary' | 'event' | 'postmortem';

export interface IncidentHit {
  incident: IncidentSummary;
  snippet: string;
}

/** The full-text index of past incidents; the incident and post-mortem code keep it current. */
export class IncidentIndex {
  private readonly statements;

  constructor(db: Store) {
    this.statements = {
      add: db.prepare('INSERT INTO incident_search (text, incident_id, kind) VALUES (?, ?, ?)'),
      removeKind: db.prepare('DELETE FROM incident_search WHERE incident_id = ? AND kind = ?'),
      // The matches are materialized first (bm25 and snippet cannot run inside an aggregate); with min(),
      // SQLite then takes the snippet from the best-scoring row of each incident.
      search: db.prepare<{ query: string; limit: number }, { incident_id: number; snippet: string; score: number }>(`
        WITH hits AS MATERIALIZED (
          SELECT incident_id, snippet(incident_search, 0, '<mark>', '</mark>', '…', 14) AS snippet, bm25(incident_search) AS score
          FROM incident_search WHERE incident_search MATCH @query
        )
        SELECT incident_id, snippet, min(score) AS score FROM hits GROUP BY incident_id ORDER BY score LIMIT @limit`),
    };
  }

  add(incidentId: number, kind: SearchKind, text: string): void {
    if (text.trim()) this.statements.add.run(text, incidentId, kind);
  }

  /** Replaces all of one kind of text for an incident (e.g. its post-mortem sections). */
  replace(incidentId: number, kind: SearchKind, texts: string[]): void {
    this.statements.removeKind.run(incidentId, kind);
    for (const text of texts) this.add(incidentId, kind, text);
  }

  /** Incident ids matching the words, best first, with a snippet of where. */
  search(query: string, limit: number): { incidentId: number; snippet: string }[] {
    const fts = toFtsQuery(query);
    if (fts === null) return [];
    return this.statements.search.all({ query: fts, limit }).map((row) => ({ incidentId: row.incident_id, snippet: row.snippet }));
  }
}
