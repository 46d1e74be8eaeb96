import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport, RunbookOrigin } from '../../shared/runbooks';
import type { Clock } from '../core/clock';
import { HoldfastError } from '../errors';
import { parseRunbook } from './markdown';
import type { RunbookRecord, RunbookRepo } from './repo';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);
/** Folders never worth descending into when importing a runbook repository. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Imports Markdown files, and folders recursively. A file already imported from
 * the same path is updated in place (or left alone if unchanged). One bad file
 * is reported in `failed` and never stops the rest.
 */
export function importRunbooks(repo: RunbookRepo, paths: string[], clock: Clock): ImportReport {
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, failed: [], skipped: [] };
  for (const file of collectFiles(paths, report)) {
    try {
      const text = readText(file);
      const record = toRecord(text, file, path.resolve(file), 'import');
      if (record.body.trim() === '') {
        report.skipped.push({ path: file, reason: 'no content besides front matter (a section index page?)' });
        continue;
      }
      const existing = repo.findBySourcePath(record.sourcePath ?? '');
      if (!existing) {
        repo.insert(record, clock.now());
        report.imported += 1;
      } else if (existing.contentHash === record.contentHash) {
        report.unchanged += 1;
      } else {
        repo.update(existing.id, record, clock.now());
        report.updated += 1;
      }
    } catch (error) {
      report.failed.push({ path: file, error: describe(error) });
    }
  }
  return report;
}

/** Parses a runbook's text into what the repository stores. Throws a VALIDATION error for bad front matter. */
export function toRecord(text: string, fileName: string, sourcePath: string | null, origin: RunbookOrigin): RunbookRecord {
  const parsed = parseRunbook(text, fileName);
  return {
    ...parsed,
    sourceText: text,
    sourcePath,
    origin,
    contentHash: createHash('sha256').update(text).digest('hex'),
  };
}

function collectFiles(paths: string[], report: ImportReport): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (MARKDOWN_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        // Symlinks to files are followed when read; symlinked folders are not walked (no loops).
        if (entry.isFile() || entry.isSymbolicLink()) files.push(full);
      }
    }
  };
  for (const given of paths) {
    try {
      if (fs.statSync(given).isDirectory()) walk(given);
      else files.push(given);
    } catch (error) {
      report.failed.push({ path: given, error: describe(error) });
    }
  }
  return files;
}

function readText(file: string): string {
  const bytes = fs.readFileSync(file);
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new HoldfastError('VALIDATION', 'not UTF-8 text (is it a binary file?)');
  }
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
