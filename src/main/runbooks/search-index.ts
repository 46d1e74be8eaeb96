import type { RunbookSummary } from '../../shared/runbooks';
import type { StoredSection } from './best-section';
import type { Store } from '../store/open';
import { alertNames, nameKey } from './format/alert-names';
import { splitIdentifiers } from './format/keywords';
import type { ParsedRunbook } from './format/markdown';
import { filterParams, FILTER, SUMMARY_COLUMNS, toSummary, type FilterParams, type RunbookFilter, type RunbookGroups, type SummaryRow } from './summary-rows';

/** bm25 column weights: title, summary, body, tags, services, keywords. Title and tags outrank the body. */
export const BM25_RANK = 'bm25(10.0, 4.0, 1.0, 5.0, 5.0, 6.0)';

export interface SearchRow {
  summary: RunbookSummary;
  snippet: string;
  score: number;
}

/**
 * The runbooks' search index: full text (runbooks_fts), sections
 * (runbook_sections_fts), exact names (runbook_names) and the vocabulary
 * spelling correction reads. Its rows are written with each runbook version
 * (repo.ts); statements are prepared once per store.
 */
export class RunbookSearchIndex {
  private readonly statements;
  /** Bumped on every write, so caches built from the index (the vocabulary) know when to refresh. */
  version = 0;

  constructor(
    db: Store,
    private readonly groups: RunbookGroups,
  ) {
    this.statements = {
      deleteFts: db.prepare('DELETE FROM runbooks_fts WHERE rowid = ?'),
      insertFts: db.prepare(
        'INSERT INTO runbooks_fts (rowid, title, summary, body, tags, services, keywords) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      // A runbook's sections are found by key in the index's content table and deleted one by one: a rowid range
      // (BETWEEN) on the FTS5 table walks every section of the library, ~30 ms a runbook at 50,000 sections,
      // which made importing a library quadratic in its size.
      sectionRowids: db.prepare<[number, number], number>('SELECT id FROM runbook_sections_fts_content WHERE id BETWEEN ? AND ?').pluck(),
      deleteSectionFts: db.prepare<[number]>('DELETE FROM runbook_sections_fts WHERE rowid = ?'),
      insertSectionFts: db.prepare(
        'INSERT INTO runbook_sections_fts (rowid, title, text, runbook_id, section_id) VALUES (?, ?, ?, ?, ?)',
      ),
      // FTS5 sorts by rank itself and stops at the limit, so snippets and summary columns are computed
      // only for the rows returned: a common word matches thousands of runbooks.
      search: db.prepare<FilterParams & { query: string; limit: number }, SummaryRow & { snippet: string; score: number }>(`
        SELECT ${SUMMARY_COLUMNS},
          snippet(runbooks_fts, 2, '<mark>', '</mark>', '…', 16) AS snippet,
          runbooks_fts.rank AS score
        FROM runbooks_fts JOIN runbooks r ON r.id = runbooks_fts.rowid
        WHERE runbooks_fts MATCH @query AND runbooks_fts.rank MATCH '${BM25_RANK}' AND ${FILTER}
        ORDER BY runbooks_fts.rank
        LIMIT @limit`),
      // One runbook's sections as stored, by its rowid range. Read from the section index's own content table
      // (FTS5's runbook_sections_fts_content: id = rowid, c0 title, c1 text, c3 section_id): a rowid range on the
      // FTS5 table itself walks every section of the library (~35 ms at 10,000 runbooks), here it is a key seek.
      sections: db.prepare<[number, number], { rowid: number; section_id: string | null; title: string; text: string }>(
        'SELECT id AS rowid, c3 AS section_id, c0 AS title, c1 AS text FROM runbook_sections_fts_content WHERE id BETWEEN ? AND ? ORDER BY id',
      ),
      // The runbooks a whole query names exactly (an alert name or the title), alert names first: one index seek.
      named: db.prepare<{ key: string }, { runbook_id: number; kind: 'alert' | 'title' }>(
        `SELECT runbook_id, kind FROM runbook_names WHERE key = @key ORDER BY kind = 'title', runbook_id`,
      ),
      // The same row search returns, for runbooks picked by id (the exactly named ones).
      searchIds: db.prepare<FilterParams & { query: string; ids: string }, SummaryRow & { snippet: string; score: number }>(`
        SELECT ${SUMMARY_COLUMNS},
          snippet(runbooks_fts, 2, '<mark>', '</mark>', '…', 16) AS snippet,
          runbooks_fts.rank AS score
        FROM runbooks_fts JOIN runbooks r ON r.id = runbooks_fts.rowid
        WHERE runbooks_fts MATCH @query AND runbooks_fts.rank MATCH '${BM25_RANK}'
          AND runbooks_fts.rowid IN (SELECT value FROM json_each(@ids)) AND ${FILTER}`),
      deleteNames: db.prepare('DELETE FROM runbook_names WHERE runbook_id = ?'),
      insertName: db.prepare('INSERT OR IGNORE INTO runbook_names (runbook_id, kind, key, name) VALUES (?, ?, ?, ?)'),
      vocabulary: db.prepare<[], { term: string; doc: number }>('SELECT term, doc FROM runbooks_vocab'),
    };
  }

  /**
   * Replaces what the index holds for one runbook version: its names (alert
   * names, title), its full text and its sections. `relativePath` is where its
   * file is stored (an alert name may be the file's name).
   */
  write(id: number, parsed: ParsedRunbook, relativePath: string | null): void {
    const s = this.statements;
    const { metadata, plainText, structure } = parsed;
    const alerts = alertNames({ title: metadata.title, relativePath, extraFrontMatter: parsed.extraFrontMatter });
    s.deleteNames.run(id);
    for (const alert of alerts) s.insertName.run(id, 'alert', nameKey(alert), alert);
    if (nameKey(metadata.title)) s.insertName.run(id, 'title', nameKey(metadata.title), metadata.title);
    s.deleteFts.run(id);
    // Alert names whole (CPUThrottlingHigh) and as words (CPU Throttling High), with identifiers from the text split likewise.
    const keywords = [...alerts, splitIdentifiers(`${alerts.join('\n')}\n${metadata.title}\n${plainText}`)].join('\n');
    s.insertFts.run(id, metadata.title, metadata.summary, plainText, metadata.tags.join(' '), metadata.services.join(' '), keywords);
    const [first] = sectionRowids(id);
    this.deleteSections(id);
    structure.sectionTexts.slice(0, SECTIONS_PER_RUNBOOK).forEach((section, index) => {
      s.insertSectionFts.run(first + index, section.title ?? '', section.text, id, section.sectionId);
    });
    this.version += 1;
  }

  /** Drops a runbook's full text and sections (its names go with its row). */
  remove(id: number): void {
    this.statements.deleteFts.run(id);
    this.deleteSections(id);
    this.version += 1;
  }

  private deleteSections(runbookId: number): void {
    for (const rowid of this.statements.sectionRowids.all(...sectionRowids(runbookId))) this.statements.deleteSectionFts.run(rowid);
  }

  search(ftsQuery: string, filter: RunbookFilter, limit: number, today: string): SearchRow[] {
    const rows = this.statements.search.all({ query: ftsQuery, limit, ...filterParams(filter, today) });
    const groups = this.groups.for(rows);
    return rows.map((row) => ({ summary: toSummary(row, groups), snippet: row.snippet, score: row.score }));
  }

  /** The runbooks a query names exactly, by the key of an alert name or title (see nameKey): alert names first. */
  named(key: string): { id: number; kind: 'alert' | 'title' }[] {
    if (key === '') return [];
    return this.statements.named.all({ key }).map((row) => ({ id: row.runbook_id, kind: row.kind }));
  }

  /** search's rows for these runbooks only, best first (those the query does not match, or the filter leaves out, are not returned). */
  searchIds(ftsQuery: string, ids: number[], filter: RunbookFilter, today: string): SearchRow[] {
    if (ids.length === 0) return [];
    const rows = this.statements.searchIds.all({ query: ftsQuery, ids: JSON.stringify(ids), ...filterParams(filter, today) });
    const groups = this.groups.for(rows);
    return rows.map((row) => ({ summary: toSummary(row, groups), snippet: row.snippet, score: row.score }));
  }

  /** A runbook's sections as the section index stores them, in their order. */
  sections(runbookId: number): StoredSection[] {
    return this.statements.sections
      .all(...sectionRowids(runbookId))
      .map((row) => ({ rowid: row.rowid, sectionId: row.section_id, title: row.title, text: row.text }));
  }

  /** Every indexed term with the number of runbooks it occurs in. */
  vocabulary(): { term: string; doc: number }[] {
    return this.statements.vocabulary.all();
  }
}

/**
 * The section index keeps one runbook's sections at consecutive rowids from
 * id·2^20, so finding, replacing or deleting them is a rowid range seek rather
 * than a scan of every section of every runbook (runbook_id is UNINDEXED).
 */
const SECTIONS_PER_RUNBOOK = 2 ** 20;

export function sectionRowids(runbookId: number): [first: number, last: number] {
  return [runbookId * SECTIONS_PER_RUNBOOK, runbookId * SECTIONS_PER_RUNBOOK + SECTIONS_PER_RUNBOOK - 1];
}
