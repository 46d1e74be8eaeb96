import type { Facet, Runbook, RunbookHit, RunbookOrigin, RunbookSummary } from '../../shared/runbooks';
import type { Store } from '../store/open';
import { splitIdentifiers } from './keywords';

export interface RunbookRecord {
  title: string;
  body: string;
  /** What the full-text index holds for the body. */
  plainText: string;
  frontMatter: Record<string, unknown>;
  sourceText: string;
  sourcePath: string | null;
  origin: RunbookOrigin;
  contentHash: string;
  tags: string[];
  services: string[];
}

interface SummaryRow {
  id: number;
  title: string;
  origin: RunbookOrigin;
  source_path: string | null;
  updated_at: string;
  tags: string;
  services: string;
}

const SUMMARY_COLUMNS = `
  r.id, r.title, r.origin, r.source_path, r.updated_at,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM runbook_tags WHERE runbook_id = r.id ORDER BY tag)) AS tags,
  (SELECT json_group_array(service) FROM (SELECT service FROM runbook_services WHERE runbook_id = r.id ORDER BY service)) AS services`;

const FILTER = `
  (@tag IS NULL OR r.id IN (SELECT runbook_id FROM runbook_tags WHERE tag = @tag))
  AND (@service IS NULL OR r.id IN (SELECT runbook_id FROM runbook_services WHERE service = @service))`;

/** bm25 column weights: title, body, tags, services, keywords. A title match outranks many body matches. */
const BM25 = 'bm25(runbooks_fts, 10.0, 1.0, 4.0, 4.0, 6.0)';

export interface RunbookFilter {
  tag?: string | undefined;
  service?: string | undefined;
}

/** All SQL for runbooks. Statements are prepared once per store. */
export class RunbookRepo {
  private readonly statements;

  constructor(private readonly db: Store) {
    this.statements = {
      bySourcePath: db.prepare<[string], { id: number; content_hash: string }>(
        'SELECT id, content_hash FROM runbooks WHERE source_path = ?',
      ),
      insert: db.prepare(`
        INSERT INTO runbooks (title, body, front_matter, source_text, source_path, origin, content_hash, created_at, updated_at)
        VALUES (@title, @body, @frontMatter, @sourceText, @sourcePath, @origin, @contentHash, @now, @now)`),
      update: db.prepare(`
        UPDATE runbooks SET title = @title, body = @body, front_matter = @frontMatter, source_text = @sourceText,
          origin = @origin, content_hash = @contentHash, updated_at = @now
        WHERE id = @id`),
      deleteTags: db.prepare('DELETE FROM runbook_tags WHERE runbook_id = ?'),
      deleteServices: db.prepare('DELETE FROM runbook_services WHERE runbook_id = ?'),
      insertTag: db.prepare('INSERT OR IGNORE INTO runbook_tags (runbook_id, tag) VALUES (?, ?)'),
      insertService: db.prepare('INSERT OR IGNORE INTO runbook_services (runbook_id, service) VALUES (?, ?)'),
      deleteFts: db.prepare('DELETE FROM runbooks_fts WHERE rowid = ?'),
      insertFts: db.prepare(
        'INSERT INTO runbooks_fts (rowid, title, body, tags, services, keywords) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      get: db.prepare<[number], SummaryRow & { body: string; front_matter: string; created_at: string }>(
        `SELECT ${SUMMARY_COLUMNS}, r.body, r.front_matter, r.created_at FROM runbooks r WHERE r.id = ?`,
      ),
      list: db.prepare<{ tag: string | null; service: string | null }, SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM runbooks r WHERE ${FILTER} ORDER BY r.title COLLATE NOCASE, r.id`,
      ),
      tagFacets: db.prepare<[], Facet>(
        'SELECT tag AS name, count(*) AS count FROM runbook_tags GROUP BY tag ORDER BY count DESC, tag',
      ),
      serviceFacets: db.prepare<[], Facet>(
        'SELECT service AS name, count(*) AS count FROM runbook_services GROUP BY service ORDER BY count DESC, service',
      ),
      search: db.prepare<
        { query: string; tag: string | null; service: string | null; limit: number },
        SummaryRow & { snippet: string; score: number }
      >(`
        SELECT ${SUMMARY_COLUMNS},
          snippet(runbooks_fts, 1, '<mark>', '</mark>', '…', 16) AS snippet,
          ${BM25} AS score
        FROM runbooks_fts JOIN runbooks r ON r.id = runbooks_fts.rowid
        WHERE runbooks_fts MATCH @query AND ${FILTER}
        ORDER BY score, r.id
        LIMIT @limit`),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM runbooks'),
      countByOrigin: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM runbooks WHERE origin = ?'),
      idsByOrigin: db.prepare<[string], { id: number }>('SELECT id FROM runbooks WHERE origin = ?'),
      deleteById: db.prepare('DELETE FROM runbooks WHERE id = ?'),
    };
  }

  findBySourcePath(sourcePath: string): { id: number; contentHash: string } | undefined {
    const row = this.statements.bySourcePath.get(sourcePath);
    return row && { id: row.id, contentHash: row.content_hash };
  }

  insert(record: RunbookRecord, now: Date): number {
    return this.db.transaction(() => {
      const info = this.statements.insert.run(this.params(record, now));
      const id = Number(info.lastInsertRowid);
      this.writeIndexes(id, record);
      return id;
    })();
  }

  update(id: number, record: RunbookRecord, now: Date): void {
    this.db.transaction(() => {
      this.statements.update.run({ ...this.params(record, now), id });
      this.writeIndexes(id, record);
    })();
  }

  get(id: number): Runbook | undefined {
    const row = this.statements.get.get(id);
    if (!row) return undefined;
    return {
      ...toSummary(row),
      body: row.body,
      frontMatter: JSON.parse(row.front_matter) as Record<string, unknown>,
      createdAt: row.created_at,
    };
  }

  list(filter: RunbookFilter): RunbookSummary[] {
    return this.statements.list.all(filterParams(filter)).map(toSummary);
  }

  facets(): { tags: Facet[]; services: Facet[] } {
    return { tags: this.statements.tagFacets.all(), services: this.statements.serviceFacets.all() };
  }

  search(ftsQuery: string, filter: RunbookFilter, limit: number): RunbookHit[] {
    return this.statements.search.all({ query: ftsQuery, limit, ...filterParams(filter) }).map((row) => {
      const { id, title, tags, services } = toSummary(row);
      return { id, title, snippet: row.snippet, score: row.score, tags, services };
    });
  }

  count(origin?: RunbookOrigin): number {
    return (origin ? this.statements.countByOrigin.get(origin) : this.statements.count.get())?.n ?? 0;
  }

  /** Replaces every runbook of one origin (e.g. the demo's) in one transaction. */
  replaceByOrigin(origin: RunbookOrigin, records: RunbookRecord[], now: Date): void {
    this.db.transaction(() => {
      this.deleteByOrigin(origin);
      for (const record of records) this.insert(record, now);
    })();
  }

  deleteByOrigin(origin: RunbookOrigin): number {
    return this.db.transaction(() => {
      const ids = this.statements.idsByOrigin.all(origin);
      for (const { id } of ids) {
        this.statements.deleteFts.run(id);
        this.statements.deleteById.run(id);
      }
      return ids.length;
    })();
  }

  private params(record: RunbookRecord, now: Date) {
    return {
      title: record.title,
      body: record.body,
      frontMatter: JSON.stringify(record.frontMatter),
      sourceText: record.sourceText,
      sourcePath: record.sourcePath,
      origin: record.origin,
      contentHash: record.contentHash,
      now: now.toISOString(),
    };
  }

  private writeIndexes(id: number, record: RunbookRecord): void {
    const s = this.statements;
    s.deleteTags.run(id);
    s.deleteServices.run(id);
    for (const tag of record.tags) s.insertTag.run(id, tag);
    for (const service of record.services) s.insertService.run(id, service);
    s.deleteFts.run(id);
    const keywords = splitIdentifiers(`${record.title}\n${record.plainText}`);
    s.insertFts.run(id, record.title, record.plainText, record.tags.join(' '), record.services.join(' '), keywords);
  }
}

function filterParams(filter: RunbookFilter): { tag: string | null; service: string | null } {
  return { tag: filter.tag ?? null, service: filter.service ?? null };
}

function toSummary(row: SummaryRow): RunbookSummary {
  return {
    id: row.id,
    title: row.title,
    tags: JSON.parse(row.tags) as string[],
    services: JSON.parse(row.services) as string[],
    origin: row.origin,
    sourcePath: row.source_path,
    updatedAt: row.updated_at,
  };
}
