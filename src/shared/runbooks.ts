import { z } from 'zod';

/** One runbook in a list: what the library shows without opening it. */
export interface RunbookSummary {
  id: number;
  title: string;
  tags: string[];
  services: string[];
  origin: RunbookOrigin;
  sourcePath: string | null;
  updatedAt: string;
}

export type RunbookOrigin = 'import' | 'demo';

export interface Runbook extends RunbookSummary {
  /** The Markdown body, front matter removed. */
  body: string;
  /** The front matter as parsed, including keys Holdfast does not use. */
  frontMatter: Record<string, unknown>;
  createdAt: string;
}

export interface RunbookHit {
  id: number;
  title: string;
  /** A short extract around the match; matched terms are wrapped in `<mark>`…`</mark>`. Not HTML-escaped. */
  snippet: string;
  /** bm25 relevance: lower is better, as SQLite reports it. */
  score: number;
  tags: string[];
  services: string[];
}

export interface Facet {
  name: string;
  count: number;
}

export interface RunbookList {
  items: RunbookSummary[];
  tags: Facet[];
  services: Facet[];
}

export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  failed: { path: string; error: string }[];
  /** Files read but not imported as runbooks, with why (e.g. a section page with no content). */
  skipped: { path: string; reason: string }[];
}

const facetName = z.string().trim().min(1).max(100);

export const ListRunbooksInput = z
  .object({
    tag: facetName.optional(),
    service: facetName.optional(),
  })
  .strict();

export const SearchRunbooksInput = z
  .object({
    query: z.string().max(500),
    limit: z.number().int().min(1).max(200).default(20),
    tag: facetName.optional(),
    service: facetName.optional(),
  })
  .strict();

export const GetRunbookInput = z.object({ id: z.number().int().positive() }).strict();

export const ImportRunbooksInput = z
  .object({
    paths: z.array(z.string().min(1, 'a path cannot be empty')).min(1, 'give at least one file or folder to import'),
  })
  .strict();

/**
 * Front matter keys Holdfast reads. Anything else is kept as-is. Lists may be
 * written as YAML lists or as one comma-separated string.
 */
const stringList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
  .transform((value) =>
    (Array.isArray(value) ? value.map(String) : String(value).split(','))
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

export const RunbookFrontMatter = z.looseObject({
  title: z.union([z.string(), z.number()]).transform(String).optional(),
  tags: stringList.optional(),
  services: stringList.optional(),
  service: stringList.optional(),
});
