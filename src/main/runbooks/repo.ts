import type {
  Facet,
  Runbook,
  RunbookLink,
  RunbookOrigin,
  RunbookSection,
  RunbookStep,
  RunbookSummary,
} from '../../shared/runbooks';
import type { Store } from '../store/open';
import { alertNames, nameKey } from './format/alert-names';
import { splitIdentifiers } from './format/keywords';
import type { ParsedRunbook } from './format/markdown';
import type { SuggestionCandidate } from './suggestion-rank';
import { writeTransaction } from '../store/transaction';

/** Everything stored for one runbook version, as the library prepares it. */
export interface RunbookRecord {
  uid: string;
  parsed: ParsedRunbook;
  /** The file as last read from disk, or the composed file for app edits. */
  sourceText: string;
  sourcePath: string | null;
  relativePath: string | null;
  origin: RunbookOrigin;
  /** Hash of the composed file: equal hashes mean nothing changed. */
  contentHash: string;
}

interface SummaryRow {
  id: number;
  uid: string;
  title: string;
  summary: string;
  origin: RunbookOrigin;
  source_path: string | null;
  relative_path: string | null;
  step_count: number;
  review_due: 0 | 1;
  archived_at: string | null;
  updated_at: string;
  tags: string;
  services: string;
}

interface FullRow extends SummaryRow {
  owner: string;
  severity: string;
  last_reviewed: string | null;
  review_interval_days: number | null;
  next_review_on: string | null;
  links: string;
  extra_front_matter: string;
  body: string;
  sections: string;
  steps: string;
  revision: number;
  created_at: string;
  alerts: string;
}

const NEXT_REVIEW = `CASE WHEN r.last_reviewed IS NOT NULL AND r.review_interval_days IS NOT NULL
  THEN date(r.last_reviewed, '+' || r.review_interval_days || ' days') END`;

const SUMMARY_COLUMNS = `
  r.id, r.uid, r.title, r.summary, r.origin, r.source_path, r.relative_path, r.step_count, r.archived_at, r.updated_at,
  coalesce(${NEXT_REVIEW} < @today, 0) AS review_due,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM runbook_tags WHERE runbook_id = r.id ORDER BY tag)) AS tags,
  (SELECT json_group_array(service) FROM (SELECT service FROM runbook_services WHERE runbook_id = r.id ORDER BY service)) AS services`;

const FILTER = `
  (@tag IS NULL OR r.id IN (SELECT runbook_id FROM runbook_tags WHERE tag = @tag))
  AND (@service IS NULL OR r.id IN (SELECT runbook_id FROM runbook_services WHERE service = @service))
  AND ((@archived = 1) = (r.archived_at IS NOT NULL))`;

/** bm25 column weights: title, summary, body, tags, services, keywords. Title and tags outrank the body. */
export const BM25_RANK = 'bm25(10.0, 4.0, 1.0, 5.0, 5.0, 6.0)';

export interface RunbookFilter {
  tag?: string | undefined;
  service?: string | undefined;
  group?: string | undefined;
  needsReview?: boolean | undefined;
  archived?: boolean | undefined;
}

interface FilterParams {
  tag: string | null;
  service: string | null;
  archived: 0 | 1;
  today: string;
}

export interface SearchRow {
  summary: RunbookSummary;
  snippet: string;
  score: number;
}

/** All SQL for runbooks themselves. Statements are prepared once per store. */
export class RunbookRepo {
  private readonly statements;
  /** Bumped on every write, so caches built from the index (the vocabulary) know when to refresh. */
  version = 0;

  constructor(private readonly db: Store) {
    this.statements = {
      byUid: db.prepare<[string], { id: number }>('SELECT id FROM runbooks WHERE uid = ?'),
      byRelativePath: db.prepare<[string], { id: number; source_path: string | null }>(
        'SELECT id, source_path FROM runbooks WHERE relative_path = ? ORDER BY archived_at IS NOT NULL, id',
      ),
      hashAndRevision: db.prepare<[number], { content_hash: string; revision: number; uid: string }>(
        'SELECT content_hash, revision, uid FROM runbooks WHERE id = ?',
      ),
      insert: db.prepare(`
        INSERT INTO runbooks (uid, title, summary, owner, severity, last_reviewed, review_interval_days, links,
          extra_front_matter, body, sections, steps, step_count, source_text, source_path, relative_path, origin,
          content_hash, revision, created_at, updated_at)
        VALUES (@uid, @title, @summary, @owner, @severity, @lastReviewed, @reviewIntervalDays, @links,
          @extraFrontMatter, @body, @sections, @steps, @stepCount, @sourceText, @sourcePath, @relativePath, @origin,
          @contentHash, 0, @now, @now)`),
      update: db.prepare(`
        UPDATE runbooks SET uid = @uid, title = @title, summary = @summary, owner = @owner, severity = @severity,
          last_reviewed = @lastReviewed, review_interval_days = @reviewIntervalDays, links = @links,
          extra_front_matter = @extraFrontMatter, body = @body, sections = @sections, steps = @steps,
          step_count = @stepCount, source_text = @sourceText, source_path = coalesce(@sourcePath, source_path),
          relative_path = coalesce(@relativePath, relative_path), content_hash = @contentHash, updated_at = @now
        WHERE id = @id`),
      setRevision: db.prepare('UPDATE runbooks SET revision = ? WHERE id = ?'),
      setArchived: db.prepare('UPDATE runbooks SET archived_at = ?, updated_at = coalesce(?, updated_at) WHERE id = ?'),
      deleteTags: db.prepare('DELETE FROM runbook_tags WHERE runbook_id = ?'),
      deleteServices: db.prepare('DELETE FROM runbook_services WHERE runbook_id = ?'),
      insertTag: db.prepare('INSERT OR IGNORE INTO runbook_tags (runbook_id, tag) VALUES (?, ?)'),
      insertService: db.prepare('INSERT OR IGNORE INTO runbook_services (runbook_id, service) VALUES (?, ?)'),
      deleteFts: db.prepare('DELETE FROM runbooks_fts WHERE rowid = ?'),
      insertFts: db.prepare(
        'INSERT INTO runbooks_fts (rowid, title, summary, body, tags, services, keywords) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      deleteSectionFts: db.prepare<[number, number]>('DELETE FROM runbook_sections_fts WHERE rowid BETWEEN ? AND ?'),
      insertSectionFts: db.prepare(
        'INSERT INTO runbook_sections_fts (rowid, title, text, runbook_id, section_id) VALUES (?, ?, ?, ?, ?)',
      ),
      get: db.prepare<{ id: number; today: string }, FullRow>(`
        SELECT ${SUMMARY_COLUMNS}, r.owner, r.severity, r.last_reviewed, r.review_interval_days,
          ${NEXT_REVIEW} AS next_review_on, r.links, r.extra_front_matter, r.body, r.sections, r.steps, r.revision,
          r.created_at,
          (SELECT json_group_array(name) FROM runbook_names WHERE runbook_id = r.id AND kind = 'alert') AS alerts
        FROM runbooks r WHERE r.id = @id`),
      list: db.prepare<FilterParams, SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM runbooks r WHERE ${FILTER} ORDER BY r.title COLLATE NOCASE, r.id`,
      ),
      tagFacets: db.prepare<[], Facet>(`
        SELECT tag AS name, count(*) AS count FROM runbook_tags JOIN runbooks r ON r.id = runbook_id
        WHERE r.archived_at IS NULL GROUP BY tag ORDER BY count DESC, tag`),
      serviceFacets: db.prepare<[], Facet>(`
        SELECT service AS name, count(*) AS count FROM runbook_services JOIN runbooks r ON r.id = runbook_id
        WHERE r.archived_at IS NULL GROUP BY service ORDER BY count DESC, service`),
      activePaths: db.prepare<[], string | null>('SELECT relative_path FROM runbooks WHERE archived_at IS NULL').pluck(),
      groups: db.prepare<[], { folder: string; title: string }>('SELECT folder, title FROM runbook_groups'),
      groupsIn: db.prepare<[string], { folder: string; title: string }>(
        'SELECT folder, title FROM runbook_groups WHERE folder IN (SELECT value FROM json_each(?))',
      ),
      reviewDueCount: db.prepare<{ today: string }, { n: number }>(
        `SELECT count(*) AS n FROM runbooks r WHERE r.archived_at IS NULL AND ${NEXT_REVIEW} < @today`,
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
      // Every section of the hit runbooks that matches, scored in one pass over the section index
      // (the runbook is rowid >> 20: no content row is read), then snippets for the winners only.
      sectionScores: db.prepare<{ query: string; first: number; last: number; ids: string }, { rowid: number; section_id: string | null; title: string; score: number }>(`
        SELECT rowid, section_id, title, bm25(runbook_sections_fts, 2.0, 1.0) AS score
        FROM runbook_sections_fts
        WHERE runbook_sections_fts MATCH @query AND rowid BETWEEN @first AND @last
          AND (rowid >> 20) IN (SELECT value FROM json_each(@ids))`),
      sectionSnippets: db.prepare<{ query: string; first: number; last: number; rowids: string }, { rowid: number; snippet: string }>(`
        SELECT rowid, snippet(runbook_sections_fts, 1, '<mark>', '</mark>', '…', 16) AS snippet
        FROM runbook_sections_fts
        WHERE runbook_sections_fts MATCH @query AND rowid BETWEEN @first AND @last
          AND rowid IN (SELECT value FROM json_each(@rowids))`),
      related: db.prepare<{ id: number; limit: number; today: string }, SummaryRow>(`
        SELECT ${SUMMARY_COLUMNS} FROM (
          SELECT runbook_id, sum(weight) AS score FROM (
            SELECT runbook_id, 2 AS weight FROM runbook_services
              WHERE service IN (SELECT service FROM runbook_services WHERE runbook_id = @id)
            UNION ALL
            SELECT runbook_id, 1 AS weight FROM runbook_tags
              WHERE tag IN (SELECT tag FROM runbook_tags WHERE runbook_id = @id)
          ) GROUP BY runbook_id
        ) shared JOIN runbooks r ON r.id = shared.runbook_id
        WHERE r.id != @id AND r.archived_at IS NULL
        ORDER BY shared.score DESC, r.title COLLATE NOCASE
        LIMIT @limit`),
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
      // What suggestions for an incident compare with it, for every active runbook (suggestion-rank.ts).
      suggestionCandidates: db.prepare<[], { id: number; title: string; relative_path: string | null; services: string; tags: string; alerts: string }>(`
        SELECT r.id, r.title, r.relative_path,
          (SELECT json_group_array(service) FROM runbook_services WHERE runbook_id = r.id) AS services,
          (SELECT json_group_array(tag) FROM runbook_tags WHERE runbook_id = r.id) AS tags,
          (SELECT json_group_array(name) FROM runbook_names WHERE runbook_id = r.id AND kind = 'alert') AS alerts
        FROM runbooks r WHERE r.archived_at IS NULL ORDER BY r.id`),
      summariesOf: db.prepare<{ ids: string; today: string }, SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM runbooks r WHERE r.id IN (SELECT value FROM json_each(@ids))`,
      ),
      // Changes whenever another connection (the CLI beside the app, say) commits to the store.
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
      relativePathOf: db.prepare<[number], string | null>('SELECT relative_path FROM runbooks WHERE id = ?').pluck(),
      deleteNames: db.prepare('DELETE FROM runbook_names WHERE runbook_id = ?'),
      insertName: db.prepare('INSERT OR IGNORE INTO runbook_names (runbook_id, kind, key, name) VALUES (?, ?, ?, ?)'),
      vocabulary: db.prepare<[], { term: string; doc: number }>('SELECT term, doc FROM runbooks_vocab'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM runbooks'),
      countByOrigin: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM runbooks WHERE origin = ?'),
      idsByOrigin: db.prepare<[string], { id: number }>('SELECT id FROM runbooks WHERE origin = ?'),
      allIds: db.prepare<[], { id: number; revision: number }>('SELECT id, revision FROM runbooks ORDER BY id'),
      sourceOf: db.prepare<[number], { source_text: string; source_path: string | null; relative_path: string | null; origin: RunbookOrigin; uid: string }>(
        'SELECT source_text, source_path, relative_path, origin, uid FROM runbooks WHERE id = ?',
      ),
      deleteById: db.prepare('DELETE FROM runbooks WHERE id = ?'),
      adoptChanged: db.prepare<[string, string, string]>(`
        UPDATE runbooks SET origin = 'app'
        WHERE origin = ? AND id IN (SELECT runbook_id FROM runbook_revisions WHERE NOT (author = ? AND message = ?))`),
      originAtPath: db.prepare<[string], { id: number; origin: RunbookOrigin; source_path: string | null }>(
        'SELECT id, origin, source_path FROM runbooks WHERE relative_path = ? ORDER BY id',
      ),
    };
  }

  findByUid(uid: string): number | undefined {
    return this.statements.byUid.get(uid)?.id;
  }

  findByRelativePath(relativePath: string): { id: number; sourcePath: string | null }[] {
    return this.statements.byRelativePath.all(relativePath).map((row) => ({ id: row.id, sourcePath: row.source_path }));
  }

  stateOf(id: number): { contentHash: string; revision: number; uid: string } | undefined {
    const row = this.statements.hashAndRevision.get(id);
    return row && { contentHash: row.content_hash, revision: row.revision, uid: row.uid };
  }

  insert(record: RunbookRecord, now: Date): number {
    return writeTransaction(this.db, () => {
      const info = this.statements.insert.run(this.params(record, now));
      const id = Number(info.lastInsertRowid);
      this.writeIndexes(id, record);
      return id;
    });
  }

  update(id: number, record: RunbookRecord, now: Date): void {
    writeTransaction(this.db, () => {
      this.statements.update.run({ ...this.params(record, now), id });
      this.writeIndexes(id, record);
    });
  }

  setRevision(id: number, revision: number): void {
    this.statements.setRevision.run(revision, id);
  }

  setArchived(id: number, archivedAt: Date | null, now: Date): void {
    this.statements.setArchived.run(archivedAt?.toISOString() ?? null, now.toISOString(), id);
    this.version += 1;
  }

  get(id: number, today: string): Runbook | undefined {
    const row = this.statements.get.get({ id, today });
    if (!row) return undefined;
    return {
      ...toSummary(row, this.groupsFor([row])),
      metadata: {
        title: row.title,
        summary: row.summary,
        services: JSON.parse(row.services) as string[],
        tags: JSON.parse(row.tags) as string[],
        owner: row.owner,
        severity: row.severity,
        lastReviewed: row.last_reviewed,
        reviewIntervalDays: row.review_interval_days,
        links: JSON.parse(row.links) as RunbookLink[],
      },
      body: row.body,
      alerts: JSON.parse(row.alerts) as string[],
      extraFrontMatter: JSON.parse(row.extra_front_matter) as Record<string, unknown>,
      sections: JSON.parse(row.sections) as RunbookSection[],
      steps: JSON.parse(row.steps) as RunbookStep[],
      revision: row.revision,
      nextReviewOn: row.next_review_on,
      createdAt: row.created_at,
      archivedAt: row.archived_at,
    };
  }

  list(filter: RunbookFilter, today: string): RunbookSummary[] {
    const rows = this.statements.list.all(filterParams(filter, today));
    const groups = this.allGroups();
    return rows
      .map((row) => toSummary(row, groups))
      .filter((item) => (filter.group === undefined || item.group === filter.group) && (!filter.needsReview || item.reviewDue));
  }

  facets(today: string): { tags: Facet[]; services: Facet[]; groups: Facet[]; reviewDueCount: number } {
    return {
      tags: this.statements.tagFacets.all(),
      services: this.statements.serviceFacets.all(),
      groups: this.groupFacets(),
      reviewDueCount: this.statements.reviewDueCount.get({ today })?.n ?? 0,
    };
  }

  search(ftsQuery: string, filter: RunbookFilter, limit: number, today: string): SearchRow[] {
    const rows = this.statements.search.all({ query: ftsQuery, limit, ...filterParams(filter, today) });
    const groups = this.groupsFor(rows);
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
    const groups = this.groupsFor(rows);
    return rows.map((row) => ({ summary: toSummary(row, groups), snippet: row.snippet, score: row.score }));
  }

  /** For each runbook, the section that matches a query best, with a snippet from it. */
  bestSections(ftsQuery: string, ids: number[]): Map<number, { sectionId: string | null; title: string; snippet: string }> {
    const best = new Map<number, { rowid: number; section_id: string | null; title: string; score: number }>();
    if (ids.length === 0) return new Map();
    const first = sectionRowids(Math.min(...ids))[0];
    const last = sectionRowids(Math.max(...ids))[1];
    for (const row of this.statements.sectionScores.all({ query: ftsQuery, first, last, ids: JSON.stringify(ids) })) {
      const runbookId = Math.floor(row.rowid / SECTIONS_PER_RUNBOOK);
      const current = best.get(runbookId);
      if (!current || row.score < current.score || (row.score === current.score && row.rowid < current.rowid)) best.set(runbookId, row);
    }
    const rowids = [...best.values()].map((row) => row.rowid);
    const snippets = new Map(
      this.statements.sectionSnippets.all({ query: ftsQuery, first, last, rowids: JSON.stringify(rowids) }).map((row) => [row.rowid, row.snippet]),
    );
    return new Map(
      [...best].map(([runbookId, row]) => [runbookId, { sectionId: row.section_id, title: row.title, snippet: snippets.get(row.rowid) ?? '' }]),
    );
  }

  related(id: number, limit: number, today: string): RunbookSummary[] {
    const rows = this.statements.related.all({ id, limit, today });
    const groups = this.groupsFor(rows);
    return rows.map((row) => toSummary(row, groups));
  }

  /**
   * What a cache of the library can be kept against: it changes with every
   * write here and every commit by another connection. Null inside a
   * transaction, which could still roll back: nothing read then should be kept.
   */
  changeStamp(): string | null {
    return this.db.inTransaction ? null : `${this.version}:${this.statements.dataVersion.get() ?? 0}`;
  }

  /** Every active runbook as suggestions compare it with an incident: names, services, tags, group and folder. */
  suggestionCandidates(): SuggestionCandidate[] {
    const groups = this.allGroups();
    return this.statements.suggestionCandidates.all().map((row) => ({
      id: row.id,
      title: row.title,
      alerts: JSON.parse(row.alerts) as string[],
      services: JSON.parse(row.services) as string[],
      tags: JSON.parse(row.tags) as string[],
      group: groupOf(row.relative_path, groups),
      folder: folderName(row.relative_path),
    }));
  }

  /** These runbooks' summaries, in the order given (ids not in the store are left out). */
  summaries(ids: number[], today: string): RunbookSummary[] {
    if (ids.length === 0) return [];
    const rows = this.statements.summariesOf.all({ ids: JSON.stringify(ids), today });
    const groups = this.groupsFor(rows);
    const byId = new Map(rows.map((row) => [row.id, toSummary(row, groups)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private allGroups(): Map<string, string> {
    return new Map(this.statements.groups.all().map((group) => [group.folder, group.title]));
  }

  /** The section pages of the folders above these runbooks: one lookup by key for all of them. */
  private groupsFor(rows: Pick<SummaryRow, 'relative_path'>[]): Map<string, string> {
    const folders = new Set(rows.flatMap((row) => foldersAbove(row.relative_path)));
    if (folders.size === 0) return new Map();
    return new Map(this.statements.groupsIn.all(JSON.stringify([...folders])).map((group) => [group.folder, group.title]));
  }

  private groupFacets(): Facet[] {
    const groups = this.allGroups();
    const counts = new Map<string, number>();
    for (const relativePath of this.statements.activePaths.all()) {
      const name = groupOf(relativePath, groups);
      if (name !== null) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Every indexed term with the number of runbooks it occurs in. */
  vocabulary(): { term: string; doc: number }[] {
    return this.statements.vocabulary.all();
  }

  count(origin?: RunbookOrigin): number {
    return (origin ? this.statements.countByOrigin.get(origin) : this.statements.count.get())?.n ?? 0;
  }

  allIds(): { id: number; revision: number }[] {
    return this.statements.allIds.all();
  }

  source(id: number) {
    const row = this.statements.sourceOf.get(id);
    return (
      row && {
        sourceText: row.source_text,
        sourcePath: row.source_path,
        relativePath: row.relative_path,
        origin: row.origin,
        uid: row.uid,
      }
    );
  }

  /**
   * Runbooks of `origin` that someone changed (a revision not written by
   * `author` with `message`, the loader's own) become the user's (`app`), so
   * removing or reloading that origin leaves them. Returns how many.
   */
  adoptChanged(origin: RunbookOrigin, author: string, message: string): number {
    const changes = this.statements.adoptChanged.run(origin, author, message).changes;
    if (changes > 0) this.version += 1;
    return changes;
  }

  /** The runbooks stored from a file at this path relative to its folder, with their origin. */
  atPath(relativePath: string): { id: number; origin: RunbookOrigin; sourcePath: string | null }[] {
    return this.statements.originAtPath.all(relativePath).map((row) => ({ id: row.id, origin: row.origin, sourcePath: row.source_path }));
  }

  deleteByOrigin(origin: RunbookOrigin): number {
    return writeTransaction(this.db, () => {
      const ids = this.statements.idsByOrigin.all(origin);
      for (const { id } of ids) {
        this.statements.deleteFts.run(id);
        this.statements.deleteSectionFts.run(...sectionRowids(id));
        this.statements.deleteById.run(id);
      }
      this.version += 1;
      return ids.length;
    });
  }

  private params(record: RunbookRecord, now: Date) {
    const { metadata, structure } = record.parsed;
    return {
      uid: record.uid,
      title: metadata.title,
      summary: metadata.summary,
      owner: metadata.owner,
      severity: metadata.severity,
      lastReviewed: metadata.lastReviewed,
      reviewIntervalDays: metadata.reviewIntervalDays,
      links: JSON.stringify(metadata.links),
      extraFrontMatter: JSON.stringify(record.parsed.extraFrontMatter),
      body: record.parsed.body,
      sections: JSON.stringify(structure.sections),
      steps: JSON.stringify(structure.steps),
      stepCount: structure.steps.length,
      sourceText: record.sourceText,
      sourcePath: record.sourcePath,
      relativePath: record.relativePath,
      origin: record.origin,
      contentHash: record.contentHash,
      now: now.toISOString(),
    };
  }

  private writeIndexes(id: number, record: RunbookRecord): void {
    const s = this.statements;
    const { metadata, plainText, structure } = record.parsed;
    s.deleteTags.run(id);
    s.deleteServices.run(id);
    for (const tag of metadata.tags) s.insertTag.run(id, tag);
    for (const service of metadata.services) s.insertService.run(id, service);
    // An app edit leaves the stored path as it was: the file name may be an alert name.
    const relativePath = record.relativePath ?? s.relativePathOf.get(id) ?? null;
    const alerts = alertNames({ title: metadata.title, relativePath, extraFrontMatter: record.parsed.extraFrontMatter });
    s.deleteNames.run(id);
    for (const alert of alerts) s.insertName.run(id, 'alert', nameKey(alert), alert);
    if (nameKey(metadata.title)) s.insertName.run(id, 'title', nameKey(metadata.title), metadata.title);
    s.deleteFts.run(id);
    // Alert names whole (CPUThrottlingHigh) and as words (CPU Throttling High), with identifiers from the text split likewise.
    const keywords = [...alerts, splitIdentifiers(`${alerts.join('\n')}\n${metadata.title}\n${plainText}`)].join('\n');
    s.insertFts.run(id, metadata.title, metadata.summary, plainText, metadata.tags.join(' '), metadata.services.join(' '), keywords);
    const [first] = sectionRowids(id);
    s.deleteSectionFts.run(...sectionRowids(id));
    structure.sectionTexts.slice(0, SECTIONS_PER_RUNBOOK).forEach((section, index) => {
      s.insertSectionFts.run(first + index, section.title ?? '', section.text, id, section.sectionId);
    });
    this.version += 1;
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

function filterParams(filter: RunbookFilter, today: string): FilterParams {
  return { tag: filter.tag ?? null, service: filter.service ?? null, archived: filter.archived ? 1 : 0, today };
}

/** The folders above a runbook's path, nearest first, ending with '' (the imported folder itself). */
function foldersAbove(relativePath: string | null): string[] {
  if (relativePath === null) return [];
  const parts = relativePath.split('/').slice(0, -1);
  return [...parts.map((_, i) => parts.slice(0, parts.length - i).join('/')), ''];
}

/** The name of the folder a runbook's file is in (`etcd` for `content/runbooks/etcd/etcdNoLeader.md`); null at the top. */
function folderName(relativePath: string | null): string | null {
  return relativePath?.split('/').slice(0, -1).at(-1) ?? null;
}

/** The group of a runbook: the section page of the nearest folder above it that has one. */
function groupOf(relativePath: string | null, groups: Map<string, string>): string | null {
  for (const folder of foldersAbove(relativePath)) {
    const title = groups.get(folder);
    if (title !== undefined) return title;
  }
  return null;
}

function toSummary(row: SummaryRow, groups: Map<string, string>): RunbookSummary {
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    summary: row.summary,
    tags: JSON.parse(row.tags) as string[],
    services: JSON.parse(row.services) as string[],
    origin: row.origin,
    sourcePath: row.source_path,
    relativePath: row.relative_path,
    group: groupOf(row.relative_path, groups),
    stepCount: row.step_count,
    reviewDue: row.review_due === 1,
    archived: row.archived_at !== null,
    updatedAt: row.updated_at,
  };
}
