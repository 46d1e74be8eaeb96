import type {
  Facet,
  Runbook,
  RunbookLink,
  RunbookMetadata,
  RunbookOrigin,
  RunbookSection,
  RunbookStep,
  RunbookSummary,
} from '../../shared/runbooks';
import type { Store } from '../store/open';
import type { ParsedRunbook } from './format/markdown';
import type { RunbookSearchIndex } from './search-index';
import type { RunbookGroups} from './summary-rows';
import { filterParams, FILTER, folderName, groupOf, NEXT_REVIEW, SUMMARY_COLUMNS, toSummary, type FilterParams, type RunbookFilter, type SummaryRow } from './summary-rows';
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

/** A runbook's front matter as stored: its title, summary, services and tags are read once, for its summary. */
function metadataOf(row: FullRow, { title, summary, services, tags }: RunbookSummary): RunbookMetadata {
  return {
    title,
    summary,
    services,
    tags,
    owner: row.owner,
    severity: row.severity,
    lastReviewed: row.last_reviewed,
    reviewIntervalDays: row.review_interval_days,
    links: JSON.parse(row.links) as RunbookLink[],
  };
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

/**
 * The runbooks' rows: the runbook table, its tags and services, and what is read
 * from them (lists, facets, related runbooks, suggestion candidates). Each write
 * of a version also rewrites its entry in the search index (search-index.ts).
 * Statements are prepared once per store.
 */
export class RunbookRepo {
  private readonly statements;
  /** Bumped on every write, so caches kept against changeStamp know when to refresh. */
  private version = 0;

  constructor(
    private readonly db: Store,
    private readonly index: RunbookSearchIndex,
    private readonly groups: RunbookGroups,
  ) {
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
      get: db.prepare<{ id: number; today: string }, FullRow>(`
        SELECT ${SUMMARY_COLUMNS}, r.owner, r.severity, r.last_reviewed, r.review_interval_days,
          ${NEXT_REVIEW} AS next_review_on, r.links, r.extra_front_matter, r.body, r.sections, r.steps, r.revision,
          r.created_at,
          (SELECT json_group_array(name) FROM runbook_names WHERE runbook_id = r.id AND kind = 'alert') AS alerts
        FROM runbooks r WHERE r.id = @id`),
      list: db.prepare<FilterParams, SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM runbooks r WHERE ${FILTER} ORDER BY r.title COLLATE NOCASE, r.id`,
      ),
      // The first rows by title: the page is picked from the runbooks table alone, and only its rows get their tags and services.
      firstPage: db.prepare<FilterParams & { limit: number }, SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM (SELECT r.id FROM runbooks r WHERE ${FILTER} ORDER BY r.title COLLATE NOCASE, r.id LIMIT @limit) AS page
         JOIN runbooks r ON r.id = page.id ORDER BY r.title COLLATE NOCASE, r.id`,
      ),
      countFiltered: db.prepare<FilterParams, { n: number }>(`SELECT count(*) AS n FROM runbooks r WHERE ${FILTER}`),
      tagFacets: db.prepare<[], Facet>(`
        SELECT tag AS name, count(*) AS count FROM runbook_tags JOIN runbooks r ON r.id = runbook_id
        WHERE r.archived_at IS NULL GROUP BY tag ORDER BY count DESC, tag`),
      serviceFacets: db.prepare<[], Facet>(`
        SELECT service AS name, count(*) AS count FROM runbook_services JOIN runbooks r ON r.id = runbook_id
        WHERE r.archived_at IS NULL GROUP BY service ORDER BY count DESC, service`),
      activePaths: db.prepare<[], string | null>('SELECT relative_path FROM runbooks WHERE archived_at IS NULL').pluck(),
      reviewDueCount: db.prepare<{ today: string }, { n: number }>(
        `SELECT count(*) AS n FROM runbooks r WHERE r.archived_at IS NULL AND ${NEXT_REVIEW} < @today`,
      ),
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
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM runbooks'),
      countByOrigin: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM runbooks WHERE origin = ?'),
      // Demo samples are stored without a file behind them: a seek on the source-path index to the few such rows,
      // where counting by origin reads every row (10,000 wide ones: ~170 ms, on every console's start).
      hasDemo: db.prepare<[], number>(`SELECT EXISTS (SELECT 1 FROM runbooks WHERE source_path IS NULL AND origin = 'demo')`).pluck(),
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
    const summary = toSummary(row, this.groups.for([row]));
    return {
      ...summary,
      metadata: metadataOf(row, summary),
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
    const groups = this.groups.all();
    return rows
      .map((row) => toSummary(row, groups))
      .filter((item) => (filter.group === undefined || item.group === filter.group) && (!filter.needsReview || item.reviewDue));
  }

  /** The first `limit` runbooks list() would return, and how many it would return. */
  firstPage(filter: RunbookFilter, limit: number, today: string): { items: RunbookSummary[]; total: number } {
    if (filter.group !== undefined || filter.needsReview) {
      // Group and review are worked out per row (list()), so these filters read the whole list.
      const items = this.list(filter, today);
      return { items: items.slice(0, limit), total: items.length };
    }
    const rows = this.statements.firstPage.all({ ...filterParams(filter, today), limit });
    const groups = this.groups.for(rows);
    return { items: rows.map((row) => toSummary(row, groups)), total: this.statements.countFiltered.get(filterParams(filter, today))?.n ?? 0 };
  }

  reviewDueCount(today: string): number {
    return this.statements.reviewDueCount.get({ today })?.n ?? 0;
  }

  facets(today: string): { tags: Facet[]; services: Facet[]; groups: Facet[]; reviewDueCount: number } {
    return {
      tags: this.statements.tagFacets.all(),
      services: this.statements.serviceFacets.all(),
      groups: this.groupFacets(),
      reviewDueCount: this.reviewDueCount(today),
    };
  }

  related(id: number, limit: number, today: string): RunbookSummary[] {
    const rows = this.statements.related.all({ id, limit, today });
    const groups = this.groups.for(rows);
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
    const groups = this.groups.all();
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
    const groups = this.groups.for(rows);
    const byId = new Map(rows.map((row) => [row.id, toSummary(row, groups)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private groupFacets(): Facet[] {
    const groups = this.groups.all();
    const counts = new Map<string, number>();
    for (const relativePath of this.statements.activePaths.all()) {
      const name = groupOf(relativePath, groups);
      if (name !== null) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  hasDemo(): boolean {
    return this.statements.hasDemo.get() === 1;
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
        this.index.remove(id);
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

  /** The row's tags and services, then the version's entry in the search index. */
  private writeIndexes(id: number, record: RunbookRecord): void {
    const s = this.statements;
    const { metadata } = record.parsed;
    s.deleteTags.run(id);
    s.deleteServices.run(id);
    for (const tag of metadata.tags) s.insertTag.run(id, tag);
    for (const service of metadata.services) s.insertService.run(id, service);
    // An app edit leaves the stored path as it was: the file name may be an alert name.
    this.index.write(id, record.parsed, record.relativePath ?? s.relativePathOf.get(id) ?? null);
    this.version += 1;
  }
}
