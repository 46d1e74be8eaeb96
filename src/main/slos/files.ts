import fs from 'node:fs';
import path from 'node:path';
import type { FileLimit } from '../../shared/limits';
import { HoldfastError } from '../errors';
import { readLimitedBytes } from '../files/read-limited';

/**
 * Reading the files a user names for an SLO import: the size limit first
 * (src/shared/limits.ts), then UTF-8, as the runbook import reads Markdown.
 * (When fix-texttime lands, `decodeText` in files/read-limited.ts is the one
 * UTF-8 check for every import; fold this one into it.)
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file as text (a byte-order mark dropped); refused before reading when too large, and when not UTF-8. */
export function readUtf8File(file: string, limit: FileLimit): string {
  const bytes = readLimitedBytes(file, limit);
  try {
    const text = utf8.decode(bytes);
    if (text.includes('\u0000')) throw new Error('NUL');
    return text.replace(/^\uFEFF/, '');
  } catch {
    throw new HoldfastError('VALIDATION', `${file} is not UTF-8 text (is it a binary file?)`, 'path');
  }
}

/** Folders never worth descending into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * The files to read for one path the user gave: the file itself, or every
 * file with one of `extensions` under the folder (recursively, sorted by name,
 * hidden folders and node_modules left out; symlinked folders are not walked).
 */
export function collectFiles(given: string, extensions: ReadonlySet<string>): string[] {
  if (!fs.statSync(given).isDirectory()) return [given];
  const files: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && extensions.has(path.extname(entry.name).toLowerCase())) {
        files.push(full);
      }
    }
  };
  walk(given);
  return files;
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
};

/** Why a file could not be imported, in words; the report names the file itself, so the message does not repeat it. */
export function describeFileError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof HoldfastError ? error.message : code && FILE_ERRORS[code] ? FILE_ERRORS[code] : error instanceof Error ? error.message : String(error);
  return message.startsWith(`${file} `) ? `the file ${message.slice(file.length + 1)}` : message;
}
