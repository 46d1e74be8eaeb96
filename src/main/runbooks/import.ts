import fs from 'node:fs';
import path from 'node:path';
import { FILE_LIMITS, formatBytes } from '../../shared/limits';
import type { ImportReport } from '../../shared/runbooks';
import { HoldfastError } from '../errors';
import { decodeText, readLimitedBytes } from '../files/read-limited';
import type { ParsedRunbook } from './format/markdown';
import { newRunbookUid, type RunbookLibrary } from './library';
import { runbookParser } from './parser/pool';
import { writeTransaction } from '../store/transaction';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);
/** Folders never worth descending into when importing a runbook repository. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const SECTION_PAGE = '_index.md';
const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

interface SourceFile {
  /** As the user named it or as found under a folder they named: what reports show. */
  file: string;
  /** The folder the user named (or the file's folder when they named a file). */
  root: string;
  /** Path below `root`, with forward slashes: the layout export writes back. */
  relative: string;
}

/** A file read and parsed, ready to be stored; or why it could not be. */
type ReadFile =
  | { source: SourceFile; kind: 'group'; text: string; title: string }
  | { source: SourceFile; kind: 'runbook'; text: string; parsed: ParsedRunbook }
  | { source: SourceFile; kind: 'failed'; error: unknown };

/** Files read and parsed at once: parsing runs in worker threads, so a folder's files keep them busy. */
const READ_BATCH = 32;

/**
 * Imports Markdown files, and folders recursively, each folder in one
 * transaction. A file matches a stored runbook by the `id` in its front matter,
 * else by its path relative to the imported folder; a match is updated (or left
 * alone if unchanged), anything else is added. A file that cannot be read is
 * reported in `failed` and leaves nothing behind; the rest still import.
 * Files are read and parsed first, off this thread (see parser/pool.ts), and
 * then stored; nothing waits in between.
 */
export async function importRunbooks(library: RunbookLibrary, paths: string[], author: string): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, failed: [], skipped: [], groups: [] };
  for (const given of paths) {
    let sources: SourceFile[];
    try {
      sources = collect(given);
    } catch (error) {
      report.failed.push({ path: given, error: describe(error) });
      continue;
    }
    const headings = library.context.procedureHeadings();
    const files: ReadFile[] = [];
    for (let start = 0; start < sources.length; start += READ_BATCH) {
      files.push(...(await Promise.all(sources.slice(start, start + READ_BATCH).map((source) => readFile(source, headings)))));
    }
    const claimed = new Map<string, string>();
    writeTransaction(library.db, () => {
      for (const file of files) {
        try {
          if (file.kind === 'failed') throw file.error;
          // A savepoint per file: a failure part-way rolls back only that file.
          writeTransaction(library.db, () => importOne(library, file, author, report, claimed));
        } catch (error) {
          report.failed.push({ path: file.source.file, error: withoutPath(describe(error), file.source.file) });
        }
      }
    });
  }
  return report;
}

async function readFile(source: SourceFile, headings: readonly string[]): Promise<ReadFile> {
  try {
    const text = readText(source.file);
    if (path.basename(source.file) === SECTION_PAGE) {
      const title = (await runbookParser().run('frontMatterTitle', text)) ?? folderTitle(source);
      return { source, kind: 'group', text, title };
    }
    return { source, kind: 'runbook', text, parsed: await runbookParser().run('file', text, source.file, headings) };
  } catch (error) {
    return { source, kind: 'failed', error };
  }
}

function importOne(library: RunbookLibrary, file: Exclude<ReadFile, { kind: 'failed' }>, author: string, report: ImportReport, claimed: Map<string, string>): void {
  const { source, text } = file;
  if (file.kind === 'group') {
    library.files.putGroup({ folder: path.posix.dirname(source.relative).replace(/^\.$/, ''), title: file.title, sourceText: text });
    report.groups.push({ path: source.file, title: file.title });
    return;
  }
  const { parsed } = file;
  if (parsed.body.trim() === '') {
    report.skipped.push({ path: source.file, reason: 'no content besides front matter' });
    return;
  }
  const matched = (parsed.uid ? library.repo.findByUid(parsed.uid) : undefined) ?? matchByPath(library, source);
  const uid = (matched !== undefined ? library.repo.stateOf(matched)?.uid : parsed.uid) ?? newRunbookUid();
  const earlier = claimed.get(uid);
  if (earlier) throw new HoldfastError('CONFLICT', `its id ${uid} is also the id of ${earlier} in this import`);
  claimed.set(uid, source.file);

  const result = library.commit(
    { uid, parsed: { ...parsed, uid }, sourceText: text, sourcePath: path.resolve(source.file), relativePath: source.relative, origin: 'import' },
    { id: matched, author, message: `Imported from ${source.relative}` },
  );
  if (result.created) report.imported += 1;
  else if (result.changed) report.updated += 1;
  else report.unchanged += 1;

  for (const image of parsed.images) importImage(library, result.id, source, image, report);
}

/**
 * A stored runbook with the same relative path is this file if it was imported
 * from this very file, or from a file that no longer exists (the checkout moved).
 * One that still exists elsewhere is another folder's runbook that happens to
 * share the path, and must not be overwritten.
 */
function matchByPath(library: RunbookLibrary, source: SourceFile): number | undefined {
  const absolute = path.resolve(source.file);
  const candidates = library.repo.findByRelativePath(source.relative);
  return (
    candidates.find((candidate) => candidate.sourcePath === absolute) ??
    candidates.find((candidate) => candidate.sourcePath === null || !fs.existsSync(candidate.sourcePath))
  )?.id;
}

function importImage(library: RunbookLibrary, runbookId: number, source: SourceFile, image: string, report: ImportReport): void {
  const file = path.resolve(path.dirname(source.file), image);
  const mime = IMAGE_TYPES[path.extname(file).toLowerCase()];
  const inside = path.relative(path.resolve(source.root), file);
  const problem = !mime
    ? 'not an image type Holdfast stores (png, jpg, gif, webp, svg)'
    : inside.startsWith('..') || path.isAbsolute(inside)
      ? 'outside the imported folder'
      : !fs.existsSync(file)
        ? 'not found'
        : fs.statSync(file).size > FILE_LIMITS.runbookAsset.bytes
          ? `larger than ${formatBytes(FILE_LIMITS.runbookAsset.bytes)}`
          : null;
  if (problem || !mime) {
    report.skipped.push({ path: file, reason: `image in ${source.relative} ${problem ?? ''}`.trim() });
    return;
  }
  library.files.putAsset(runbookId, { path: image, mime, data: fs.readFileSync(file) });
}

/** A section page without a front matter title names its group after its folder. */
function folderTitle(source: SourceFile): string {
  const folder = path.posix.dirname(source.relative);
  return folder === '.' ? path.basename(path.resolve(source.root)) : path.posix.basename(folder);
}

function collect(given: string): SourceFile[] {
  const stat = fs.statSync(given);
  if (!stat.isDirectory()) return [{ file: given, root: path.dirname(given), relative: path.basename(given) }];
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (MARKDOWN_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        // Symlinks to files are followed when read; symlinked folders are not walked (no loops).
        if (entry.isFile() || entry.isSymbolicLink()) {
          files.push({ file: full, root: given, relative: path.relative(given, full).split(path.sep).join('/') });
        }
      }
    }
  };
  walk(given);
  // Section pages first, so a folder's group exists before its runbooks are reported.
  return files.sort((a, b) => Number(path.basename(b.file) === SECTION_PAGE) - Number(path.basename(a.file) === SECTION_PAGE));
}

const readText = (file: string): string => decodeText(readLimitedBytes(file, FILE_LIMITS.runbook), file);

/** The report gives the path once: a parser's "FILE:3: reason" becomes "line 3: reason", "FILE is 2 MB…" "the file is 2 MB…". */
function withoutPath(reason: string, file: string): string {
  if (reason.startsWith(`${file}:`)) return reason.slice(file.length + 1).replace(/^(\d+): /, 'line $1: ');
  if (reason.startsWith(`${file} `)) return `the file${reason.slice(file.length)}`;
  return reason;
}

function describe(error: unknown): string {
  if (error instanceof HoldfastError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
