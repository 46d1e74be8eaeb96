import { z } from 'zod';
import { filePath } from './file-path';
import { FILE_LIMITS, formatBytes, LIMITS } from './limits';
import { isAllowedLink, LINK_RULE } from './links';

/** A runbook's Markdown as the editor sends it. */
const runbookBody = z.string().max(LIMITS.runbookBytes, `${FILE_LIMITS.runbook.what} may be at most ${formatBytes(LIMITS.runbookBytes)}`);

export type RunbookOrigin = 'import' | 'demo' | 'app';

export interface RunbookLink {
  label: string;
  url: string;
}

/** What a runbook's front matter says about it; editable in the app. */
export interface RunbookMetadata {
  title: string;
  summary: string;
  services: string[];
  tags: string[];
  owner: string;
  /** A hint such as SEV2; free text so teams keep their own scale. */
  severity: string;
  /** YYYY-MM-DD, or null if never reviewed. */
  lastReviewed: string | null;
  reviewIntervalDays: number | null;
  links: RunbookLink[];
}

/** A heading of the runbook; `id` is its anchor (slug), unique within the runbook. */
export interface RunbookSection {
  id: string;
  title: string;
  depth: number;
}

/** One thing to do, as the incident runner walks it. */
export interface RunbookStep {
  /** Stable while the step's text is unchanged, whatever else is edited. */
  id: string;
  /** 1-based position in the runbook. */
  number: number;
  /** The nearest heading above the step, or null before any heading. */
  section: string | null;
  sectionId: string | null;
  /** The step's Markdown, list marker removed; nested lists stay inside. */
  text: string;
  /** The step's code blocks and the inline code that reads as a command, in order: each can be copied (src/shared/step-text.ts). */
  commands: string[];
  /** From `⏱ 5m` or `{timer=5m}` in the text; null when the step has no timer. */
  timerSeconds: number | null;
  /** True for task-list items (`- [ ]`). */
  isTask: boolean;
}

/** One runbook in a list: what the library shows without opening it. */
export interface RunbookSummary {
  id: number;
  /** Stable across stores: written as `id` in exported front matter. */
  uid: string;
  title: string;
  summary: string;
  tags: string[];
  services: string[];
  origin: RunbookOrigin;
  sourcePath: string | null;
  /** Path relative to the folder it was imported from; the layout export writes back. */
  relativePath: string | null;
  /** The section page (`_index.md`) title of its folder, if any. */
  group: string | null;
  stepCount: number;
  /** True when `lastReviewed + reviewIntervalDays` is before today. */
  reviewDue: boolean;
  archived: boolean;
  updatedAt: string;
}

export interface Runbook extends RunbookSummary {
  metadata: RunbookMetadata;
  /** The Markdown body, front matter removed. */
  body: string;
  /**
   * The alert names it answers to: front matter `alert`, a file named like one
   * (`CPUThrottlingHigh.md`) or a title that is one. Search ranks it first for any of them.
   */
  alerts: string[];
  /** Front matter keys Holdfast does not use, kept as they were. */
  extraFrontMatter: Record<string, unknown>;
  sections: RunbookSection[];
  steps: RunbookStep[];
  /** Number of the latest revision. */
  revision: number;
  /** YYYY-MM-DD when the next review is due, or null. */
  nextReviewOn: string | null;
  createdAt: string;
  archivedAt: string | null;
}

/** A runbook suggested for an incident, with why it was suggested. */
export interface RunbookSuggestion extends RunbookSummary {
  /**
   * Why, strongest first: "service etcd", "alert name etcdMembersDown matches the title",
   * "alert name etcdNoLeader shares “etcd” with the incident", "in the etcd group",
   * "tagged disk", "matches the search “lag”".
   */
  reasons: string[];
  /** The reasons as one line ("; " between them), for a list row. */
  reason: string;
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
  /** The section the snippet comes from, so opening the hit can scroll there. */
  section: { id: string; title: string } | null;
  /** When nothing matched as typed: the corrected query these results are for (e.g. "replication" for "replicaton"). */
  spelling: string | null;
}

export interface Facet {
  name: string;
  count: number;
}

export interface RunbookList {
  items: RunbookSummary[];
  /** How many runbooks the filter holds: more than `items` when `limit` cut the list short. */
  total: number;
  /** Counted over the whole library; empty when `limit` was asked for (a first screenful needs none). */
  tags: Facet[];
  services: Facet[];
  groups: Facet[];
  /** How many active runbooks are past their review date (whatever the filter). */
  reviewDueCount: number;
}

export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  failed: { path: string; error: string }[];
  /** Files read but not imported as runbooks, with why. */
  skipped: { path: string; reason: string }[];
  /** Section pages (`_index.md`) that name the group of their folder. */
  groups: { path: string; title: string }[];
}

export interface ExportReport {
  dir: string;
  /** Files written (runbooks, section pages and images), relative to `dir`. */
  files: string[];
}

export interface RunbookRevisionInfo {
  number: number;
  author: string;
  createdAt: string;
  message: string;
  title: string;
}

export interface RunbookRevision extends RunbookRevisionInfo {
  /** The whole Markdown file (front matter and body) as saved in this revision. */
  source: string;
}

export interface RunbookDiff {
  from: number;
  to: number;
  /** Unified diff of the two revisions' Markdown files. */
  unified: string;
  /** The same, line by line, for display. */
  lines: { kind: 'add' | 'remove' | 'context' | 'hunk'; text: string }[];
}

/** What the editor shows beside the source: what the incident runner will see. */
export interface RunbookPreview {
  sections: RunbookSection[];
  steps: RunbookStep[];
  /** Problems worth fixing before saving, e.g. a timer that cannot be read. */
  warnings: string[];
}

export interface RunbookAsset {
  path: string;
  mime: string;
  base64: string;
}

const facetName = z.string().trim().min(1).max(100);
/**
 * A runbook as a caller names it: its number in this store (from list or search),
 * or the stable id written as `id` in exported front matter (`rb_…`), which stays
 * the same across stores and exports.
 */
export const runbookRef = z.union(
  [z.number().int().positive(), z.string().trim().min(1).max(200)],
  { error: 'give a runbook id: its number from list or search, or its stable id (rb_…)' },
);
export type RunbookRef = z.infer<typeof runbookRef>;
/** Who made a change; the app fills in the workspace's author when left out. */
const author = z.string().trim().min(1).max(100).optional();

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-03-31')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a real date');

/** A link's address, one rule for the editor and for imported files' front matter. */
const linkUrl = (error?: (issue: { input?: unknown }) => string) => z.string(error ? { error } : undefined).trim().max(2000).refine(isAllowedLink, LINK_RULE);

const linkSchema = z.object({
  label: z.string().trim().min(1, 'a link needs a label').max(200),
  url: linkUrl(),
});

const listOfNames = z.array(facetName).max(50);

export const RunbookMetadataInput = z
  .object({
    title: z.string().trim().min(1, 'a runbook needs a title').max(300),
    summary: z.string().trim().max(2000).default(''),
    services: listOfNames.default([]),
    tags: listOfNames.default([]),
    owner: z.string().trim().max(200).default(''),
    severity: z.string().trim().max(50).default(''),
    lastReviewed: dateOnly.nullable().default(null),
    reviewIntervalDays: z.number().int().min(1).max(3650).nullable().default(null),
    links: z.array(linkSchema).max(50).default([]),
  })
  .strict();

export const ListRunbooksInput = z
  .object({
    tag: facetName.optional(),
    service: facetName.optional(),
    group: facetName.optional(),
    needsReview: z.boolean().optional(),
    archived: z.boolean().default(false),
    /** Only the first this many by title, with `total` but no facets: what paints a first screenful of a big library fast. */
    limit: z.number().int().min(1).max(10_000).optional(),
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

export const GetRunbookInput = z.object({ id: runbookRef }).strict();

export const ImportRunbooksInput = z
  .object({
    paths: z
      .array(filePath('a path cannot be empty'))
      .min(1, 'give at least one file or folder to import')
      .max(LIMITS.importPaths, `name at most ${LIMITS.importPaths} files or folders at once`),
    author,
  })
  .strict();

export const ExportRunbooksInput = z
  .object({
    dir: filePath('give the folder to export into'),
    includeArchived: z.boolean().default(false),
  })
  .strict();

export const SaveRunbookInput = z
  .object({
    /** Absent to create a new runbook. */
    id: runbookRef.optional(),
    /** The revision the editor started from; a save over someone else's newer revision is refused. */
    baseRevision: z.number().int().positive().optional(),
    metadata: RunbookMetadataInput,
    body: runbookBody,
    author,
    message: z.string().trim().max(500).optional(),
  })
  .strict();

export const PreviewRunbookInput = z.object({ body: runbookBody }).strict();

export const RunbookActionInput = z.object({ id: runbookRef, author }).strict();

export const RunbookRevisionInput = z.object({ id: runbookRef, number: z.number().int().positive() }).strict();

export const DiffRunbookInput = z
  .object({ id: runbookRef, from: z.number().int().positive(), to: z.number().int().positive() })
  .strict();

export const RestoreRunbookInput = z
  .object({ id: runbookRef, number: z.number().int().positive(), author })
  .strict();

export const RelatedRunbooksInput = z
  .object({ id: runbookRef, limit: z.number().int().min(1).max(50).default(5) })
  .strict();

export const RunbookAssetInput = z.object({ id: runbookRef, path: z.string().min(1).max(1000) }).strict();

/** A front matter value that is absent where it is required, or of the wrong kind: said in words a file's author knows. */
const missingOr = (wrongKind: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : wrongKind);

/** Front matter keys Holdfast reads, as written in files. Anything else is kept as-is. */
const stringList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()], { error: 'must be a list, or names separated by commas' })
  .transform((value) =>
    (Array.isArray(value) ? value.map(String) : String(value).split(','))
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const textValue = z.union([z.string(), z.number()], { error: missingOr('must be text') }).transform((value) => String(value).trim());

export const RunbookFrontMatter = z.looseObject({
  id: textValue.optional(),
  title: textValue.optional(),
  summary: textValue.optional(),
  description: textValue.optional(),
  tags: stringList.optional(),
  services: stringList.optional(),
  service: stringList.optional(),
  owner: textValue.optional(),
  severity: textValue.optional(),
  // YAML reads an unquoted 2026-03-31 as a Date.
  last_reviewed: z
    .union([z.date(), z.string()])
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
    .pipe(dateOnly)
    .optional(),
  review_every_days: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be from 1 to 3650 days')
    .max(3650, 'must be from 1 to 3650 days')
    .optional(),
  links: z
    .array(z.object({ label: textValue, url: linkUrl(missingOr('must be text')) }, { error: 'must be a label and a url' }), {
      error: 'must be a list of label and url pairs',
    })
    .optional(),
});
