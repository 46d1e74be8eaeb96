import type { RunbookOrigin, RunbookSummary } from '../../shared/runbooks';
import type { Store } from '../store/open';

/**
 * What the runbook rows (repo.ts) and the search index (search-index.ts) both
 * read: a runbook's summary columns, the list filter, and the group a runbook
 * belongs to (the section page of a folder above it).
 */

export interface SummaryRow {
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

export const NEXT_REVIEW = `CASE WHEN r.last_reviewed IS NOT NULL AND r.review_interval_days IS NOT NULL
  THEN date(r.last_reviewed, '+' || r.review_interval_days || ' days') END`;

export const SUMMARY_COLUMNS = `
  r.id, r.uid, r.title, r.summary, r.origin, r.source_path, r.relative_path, r.step_count, r.archived_at, r.updated_at,
  coalesce(${NEXT_REVIEW} < @today, 0) AS review_due,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM runbook_tags WHERE runbook_id = r.id ORDER BY tag)) AS tags,
  (SELECT json_group_array(service) FROM (SELECT service FROM runbook_services WHERE runbook_id = r.id ORDER BY service)) AS services`;

export const FILTER = `
  (@tag IS NULL OR r.id IN (SELECT runbook_id FROM runbook_tags WHERE tag = @tag))
  AND (@service IS NULL OR r.id IN (SELECT runbook_id FROM runbook_services WHERE service = @service))
  AND ((@archived = 1) = (r.archived_at IS NOT NULL))`;

export interface RunbookFilter {
  tag?: string | undefined;
  service?: string | undefined;
  group?: string | undefined;
  needsReview?: boolean | undefined;
  archived?: boolean | undefined;
}

export interface FilterParams {
  tag: string | null;
  service: string | null;
  archived: 0 | 1;
  today: string;
}

/** The section pages (groups) of the imported folders, by folder. */
export class RunbookGroups {
  private readonly statements;

  constructor(db: Store) {
    this.statements = {
      groups: db.prepare<[], { folder: string; title: string }>('SELECT folder, title FROM runbook_groups'),
      groupsIn: db.prepare<[string], { folder: string; title: string }>(
        'SELECT folder, title FROM runbook_groups WHERE folder IN (SELECT value FROM json_each(?))',
      ),
    };
  }

  all(): Map<string, string> {
    return new Map(this.statements.groups.all().map((group) => [group.folder, group.title]));
  }

  /** The section pages of the folders above these runbooks: one lookup by key for all of them. */
  for(rows: Pick<SummaryRow, 'relative_path'>[]): Map<string, string> {
    const folders = new Set(rows.flatMap((row) => foldersAbove(row.relative_path)));
    if (folders.size === 0) return new Map();
    return new Map(this.statements.groupsIn.all(JSON.stringify([...folders])).map((group) => [group.folder, group.title]));
  }
}

export function filterParams(filter: RunbookFilter, today: string): FilterParams {
  return { tag: filter.tag ?? null, service: filter.service ?? null, archived: filter.archived ? 1 : 0, today };
}

/** The folders above a runbook's path, nearest first, ending with '' (the imported folder itself). */
function foldersAbove(relativePath: string | null): string[] {
  if (relativePath === null) return [];
  const parts = relativePath.split('/').slice(0, -1);
  return [...parts.map((_, i) => parts.slice(0, parts.length - i).join('/')), ''];
}

/** The name of the folder a runbook's file is in (`etcd` for `content/runbooks/etcd/etcdNoLeader.md`); null at the top. */
export function folderName(relativePath: string | null): string | null {
  return relativePath?.split('/').slice(0, -1).at(-1) ?? null;
}

/** The group of a runbook: the section page of the nearest folder above it that has one. */
export function groupOf(relativePath: string | null, groups: Map<string, string>): string | null {
  for (const folder of foldersAbove(relativePath)) {
    const title = groups.get(folder);
    if (title !== undefined) return title;
  }
  return null;
}

export function toSummary(row: SummaryRow, groups: Map<string, string>): RunbookSummary {
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
