import fs from 'node:fs';
import path from 'node:path';
import { HoldfastError } from '../errors';

/**
 * The files an import reads for one path the user named, and why one could not
 * be read, in words: the one way every folder import (runbooks, SLOs) walks a
 * folder and words a file's failure.
 */

/** Folders never worth descending into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * The file itself, or every file with one of `extensions` (lower case, with the
 * dot) under the folder, recursively, sorted by name; hidden folders and
 * node_modules are left out; symlinks to files are followed when read,
 * symlinked folders are not walked (no loops). Throws the file system's error
 * for a path that is not there (see describeFileError).
 */
export function collectFiles(given: string, extensions: ReadonlySet<string>): string[] {
  if (!fs.statSync(given).isDirectory()) return [given];
  const files: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
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

/**
 * Why a file could not be imported, in words. An import report names the file
 * beside the reason, so the reason does not repeat it: a parser's
 * "FILE:3: reason" becomes "line 3: reason", "FILE is 2 MB…" "the file is 2 MB…".
 */
export function describeFileError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    error instanceof HoldfastError ? error.message : code && FILE_ERRORS[code] ? FILE_ERRORS[code] : error instanceof Error ? error.message : String(error);
  if (reason.startsWith(`${file}:`)) return reason.slice(file.length + 1).replace(/^(\d+): /, 'line $1: ');
  if (reason.startsWith(`${file} `)) return `the file${reason.slice(file.length)}`;
  return reason;
}
