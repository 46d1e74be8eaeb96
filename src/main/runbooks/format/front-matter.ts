import { Document, isSeq, parse as parseYaml, YAMLParseError } from 'yaml';
import { RunbookFrontMatter, type RunbookMetadata } from '../../../shared/runbooks';
import { HoldfastError } from '../../errors';
import { borrowedNames } from './borrowed-keys';

/** Keys Holdfast reads into its model; every other key is kept as written, after these. */
const KNOWN_KEYS = new Set([
  'id',
  'title',
  'summary',
  'tags',
  'services',
  'service',
  'owner',
  'severity',
  'last_reviewed',
  'review_every_days',
  'links',
]);

export interface FrontMatterFields {
  /** The stable id from a Holdfast export, if the file has one. */
  uid: string | null;
  /** What the front matter says; the title may be missing (the body's heading or file name then serve). */
  metadata: Omit<RunbookMetadata, 'title'> & { title: string | null };
  extra: Record<string, unknown>;
}

/**
 * A problem in a file's front matter. `line` is the line of the file, counting
 * the opening `---` as line 1, so callers can say `file.md:3: …`.
 */
export class FrontMatterError extends HoldfastError {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super('VALIDATION', message);
  }
}

export function readFrontMatterYaml(yamlText: string): Record<string, unknown> {
  let value: unknown;
  try {
    // Unknown tags (`!custom`) read as plain values; the YAML library would also print a process warning.
    value = parseYaml(yamlText, { logLevel: 'error' });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = (error.linePos?.[0]?.line ?? 0) + 1;
      // The library's own "at line 1, column 17:" counts from the front matter, not the file: the caller says the line.
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      throw new FrontMatterError(`front matter is not valid YAML: ${reason}`, line);
    }
    // The YAML library's other refusals (too many aliases, say) are about the text too.
    throw new FrontMatterError(`front matter cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, 2);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FrontMatterError('front matter must be a YAML mapping of keys to values', 2);
  }
  return value as Record<string, unknown>;
}

/** `yamlText`, when given, lets an error point at the line of the key that is wrong. */
export function interpretFrontMatter(raw: Record<string, unknown>, yamlText?: string): FrontMatterFields {
  const parsed = RunbookFrontMatter.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    throw new FrontMatterError(`front matter: "${issue?.path.join('.') ?? '?'}" ${issue?.message ?? 'is invalid'}`, keyLine(yamlText, key));
  }
  const data = parsed.data;
  const extra = Object.fromEntries(Object.entries(raw).filter(([key]) => !KNOWN_KEYS.has(key)));
  // A file's own `services`/`service` and `tags` win, even empty; without them, keys other trees use are read (borrowed-keys.ts).
  const borrowed = borrowedNames(extra);
  const ownServices = data.services !== undefined || data.service !== undefined;
  return {
    uid: data.id || null,
    metadata: {
      title: data.title || null,
      // Hugo and others call it description; it stays in `extra` too, so nothing is lost.
      summary: data.summary ?? data.description ?? '',
      services: ownServices ? unique([...(data.services ?? []), ...(data.service ?? [])]) : borrowed.services,
      tags: data.tags !== undefined ? unique(data.tags) : borrowed.tags,
      owner: data.owner ?? '',
      severity: data.severity ?? '',
      lastReviewed: data.last_reviewed ?? null,
      reviewIntervalDays: data.review_every_days ?? null,
      links: (data.links ?? []).map(({ label, url }) => ({ label, url })),
    },
    extra,
  };
}

/**
 * The runbook as a Markdown file: front matter in a fixed key order (empty fields
 * left out, unknown keys after), then the body exactly as stored. Reading it
 * back gives the same metadata, borrowed keys included (borrowed-keys.ts). The same runbook
 * always gives the same bytes, which is what makes exports diff cleanly in git.
 */
export function composeRunbookFile(uid: string, metadata: RunbookMetadata, extra: Record<string, unknown>, body: string): string {
  const fields: Record<string, unknown> = { id: uid, title: metadata.title };
  if (metadata.summary) fields.summary = metadata.summary;
  // Empty lists are written only where a borrowed key would otherwise fill them when the file is read again.
  const borrowed = borrowedNames(extra);
  if (metadata.services.length || borrowed.services.length) fields.services = metadata.services;
  if (metadata.tags.length || borrowed.tags.length) fields.tags = metadata.tags;
  if (metadata.owner) fields.owner = metadata.owner;
  if (metadata.severity) fields.severity = metadata.severity;
  if (metadata.lastReviewed) fields.last_reviewed = metadata.lastReviewed;
  if (metadata.reviewIntervalDays !== null) fields.review_every_days = metadata.reviewIntervalDays;
  if (metadata.links.length) fields.links = metadata.links.map(({ label, url }) => ({ label, url }));
  for (const [key, value] of Object.entries(extra)) if (!(key in fields)) fields[key] = value;

  const document = new Document(fields);
  for (const key of ['services', 'tags']) {
    const node = document.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const yaml = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n${body}`;
}

const unique = (values: string[]): string[] => [...new Set(values)];

/** The file line of a top-level key in front matter (the opening `---` is line 1), or 2 if it cannot be found. */
function keyLine(yamlText: string | undefined, key: string): number {
  const index = (yamlText ?? '').split(/\r?\n/).findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`) || line.startsWith(`'${key}':`));
  return index === -1 ? 2 : index + 2;
}
