import { createHash } from 'node:crypto';
import { Document, isCollection, isMap, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { z } from 'zod';
import { OPENSLO_KINDS, type OpenSloKind } from '../../shared/slos';
import { HoldfastError } from '../errors';
import { formatPath, issueMessage } from './issues';
import { KIND_SCHEMAS } from './openslo-schema';
import { parseSlothSpec, SLOTH_VERSION, slothToOpenSlo } from './sloth';

/**
 * Reads one YAML file of OpenSLO v1 objects: a single document, a stream of
 * `---`-separated documents, or a YAML list of objects (any mix). Each object
 * is kept as its own YAML text, comments and fields Holdfast does not use
 * included, so export writes back what was read. Sloth `prometheus/v1` specs
 * are read too, as the OpenSLO SLOs they describe.
 */

export const OPENSLO_VERSION = 'openslo/v1';

/** One OpenSLO object as read: checked, with its canonical text and that text's hash. */
export interface SloObject {
  kind: OpenSloKind;
  name: string;
  /** The object as YAML, formatted by Holdfast the same way every time (the hash is of this text). */
  text: string;
  /** sha256 of `text`: the same text is the same object, so a re-import of an export is `unchanged`. */
  hash: string;
  /** The parsed object (apiVersion, kind, metadata, spec and anything else it holds). */
  value: Record<string, unknown>;
  /** Where in the file: `document 2`, `document 1, item 3`. */
  where: string;
}

export interface SloFileRead {
  objects: SloObject[];
  /** Documents that are not objects Holdfast reads, each with why (`document 3: kind Deployment is not…`). */
  skipped: string[];
}

/** Formatting of every object's text: no folding of long lines, so a query stays on its line. */
const TO_STRING = { lineWidth: 0 } as const;

export const hashText = (text: string): string => createHash('sha256').update(text).digest('hex');

/** An object's text as Holdfast writes it; reading it back gives the same text (so the same hash). */
export function canonicalText(contents: unknown, comments: { before?: string | null; after?: string | null } = {}): string {
  const document = new Document(contents);
  document.commentBefore = comments.before ?? null;
  document.comment = comments.after ?? null;
  return document.toString(TO_STRING);
}

/**
 * Throws a VALIDATION error naming the document, the object and each field
 * that is wrong (with its line) when any document is invalid: a file is read
 * whole or not at all.
 */
export function readSloYaml(source: string): SloFileRead {
  const lines = new LineCounter();
  const documents = parseAllDocuments(source, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
  const read: SloFileRead = { objects: [], skipped: [] };
  const problems: string[] = [];
  if (!Array.isArray(documents)) return read; // an empty stream: no documents at all
  documents.forEach((document, index) => {
    const where = `document ${index + 1}`;
    const yamlError = document.errors[0];
    if (yamlError) {
      problems.push(`${where}, line ${lines.linePos(yamlError.pos[0]).line}: not valid YAML: ${yamlError.message.split('\n')[0] ?? ''}`);
      return;
    }
    const contents = document.contents;
    if (contents === null) return; // an empty document, e.g. after a trailing ---
    if (isSeq(contents)) {
      contents.items.forEach((item, itemIndex) => {
        readNode(item, `${where}, item ${itemIndex + 1}`, { before: null, after: null }, document, lines, read, problems);
      });
    } else {
      readNode(contents, where, { before: document.commentBefore, after: document.comment }, document, lines, read, problems);
    }
  });
  if (problems.length > 0) throw new HoldfastError('VALIDATION', problems.join('; '), undefined, problems);
  return read;
}

function readNode(
  node: Node,
  where: string,
  comments: { before: string | null; after: string | null },
  document: Document.Parsed,
  lines: LineCounter,
  read: SloFileRead,
  problems: string[],
): void {
  let value: unknown;
  try {
    value = node.toJS(document, { maxAliasCount: 100 }) as unknown;
  } catch (error) {
    problems.push(`${where}: cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return;
  }
  if (!isMap(node) || value === null || typeof value !== 'object' || Array.isArray(value)) {
    read.skipped.push(`${where}: not an object (a mapping with apiVersion and kind)`);
    return;
  }
  const record = value as Record<string, unknown>;
  if (record.version === SLOTH_VERSION && record.apiVersion === undefined) {
    readSloth(record, where, node, lines, read, problems);
    return;
  }
  const apiVersion = record.apiVersion;
  const kind = record.kind;
  if (apiVersion !== OPENSLO_VERSION) {
    const said = typeof apiVersion === 'string' ? `apiVersion ${apiVersion}` : 'no apiVersion';
    const version = typeof apiVersion === 'string' && apiVersion.startsWith('openslo/') ? ' (another version of OpenSLO)' : '';
    read.skipped.push(`${where}: ${said}${version}; Holdfast reads ${OPENSLO_VERSION} and Sloth's ${SLOTH_VERSION}`);
    return;
  }
  if (!(OPENSLO_KINDS as readonly unknown[]).includes(kind)) {
    read.skipped.push(`${where}: kind ${typeof kind === 'string' ? kind : '(none)'} is not an OpenSLO v1 kind (${OPENSLO_KINDS.join(', ')})`);
    return;
  }
  const checked = KIND_SCHEMAS[kind as OpenSloKind].safeParse(record);
  const label = objectLabel(kind as string, record);
  if (!checked.success) {
    problems.push(...describeIssues(`${where} (${label})`, checked.error, record, node, lines));
    return;
  }
  const text = objectText(node, record, comments);
  read.objects.push({ kind: kind as OpenSloKind, name: (record.metadata as { name: string }).name, text, hash: hashText(text), value: record, where });
}

/**
 * The object's text with its comments; an object that leans on an anchor
 * elsewhere in the file (`*defaults` into another list item) cannot stand alone
 * as YAML, so it is written from its value instead (aliases resolved).
 */
function objectText(node: Node, value: unknown, comments: { before: string | null; after: string | null }): string {
  try {
    const text = canonicalText(node, comments);
    if (parseAllDocuments(text, { logLevel: 'silent' }).every((document) => !('errors' in document) || document.errors.length === 0)) return text;
  } catch {
    // an alias to an anchor the object does not hold: fall through
  }
  return canonicalText(value, comments);
}

function readSloth(record: Record<string, unknown>, where: string, node: Node, lines: LineCounter, read: SloFileRead, problems: string[]): void {
  const checked = parseSlothSpec(record);
  if (!checked.success) {
    problems.push(...describeIssues(`${where} (Sloth spec)`, checked.error, record, node, lines));
    return;
  }
  const converted = slothToOpenSlo(checked.data);
  read.skipped.push(...converted.skipped.map((reason) => `${where}: ${reason}`));
  for (const slo of converted.slos) {
    const valid = KIND_SCHEMAS.SLO.safeParse(slo);
    if (!valid.success) {
      problems.push(...valid.error.issues.map((issue) => `${where} (Sloth spec, as OpenSLO): ${formatPath(issue.path)}: ${issueMessage(issue)}`));
      continue;
    }
    const text = canonicalText(slo);
    read.objects.push({ kind: 'SLO', name: valid.data.metadata.name, text, hash: hashText(text), value: slo, where });
  }
}

/** `SLO "checkout-availability"`, or the kind alone when the name is missing. */
function objectLabel(kind: string, record: Record<string, unknown>): string {
  const name = (record.metadata as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? `${kind} "${name}"` : kind;
}

const SHOWN = 10;

function describeIssues(prefix: string, error: z.ZodError, value: unknown, node: Node, lines: LineCounter): string[] {
  const described = error.issues.slice(0, SHOWN).map((issue) => {
    const line = lineOf(node, issue.path, lines);
    const missing = issue.code !== 'custom' && valueAt(value, issue.path) === undefined;
    return `${prefix}${line === null ? '' : `, line ${line}`}: ${formatPath(issue.path) || 'the object'} ${missing ? 'is required' : issueMessage(issue)}`;
  });
  if (error.issues.length > SHOWN) described.push(`${prefix}: and ${error.issues.length - SHOWN} more problems`);
  return described;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** The line of the deepest part of `path` the document has (a missing field: its parent's line). */
function lineOf(node: Node, path: readonly PropertyKey[], lines: LineCounter): number | null {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const found = depth === 0 ? node : isCollection(node) ? (node.getIn(path.slice(0, depth), true) as Node | undefined) : undefined;
    const start = found?.range?.[0];
    if (start !== undefined) return lines.linePos(start).line;
  }
  return null;
}
