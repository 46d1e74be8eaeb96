import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { issueText } from '../shared/issue-words';
import { formatBytes } from '../shared/limits';
import type { ApiError, ErrorCode } from '../shared/result';

/** An error the core raises on purpose; it crosses every boundary as its code and message. */
export class HoldfastError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'HoldfastError';
  }
}

const SHOWN_ISSUES = 10;

/**
 * Turns zod's issues (parsed with READABLE, src/shared/issue-words.ts) into one
 * message that names each field and what is wrong with it, in words (the first
 * ten, for junk with thousands). Never the operation's internal name.
 */
export function validationError(error: z.ZodError): HoldfastError {
  const parts = error.issues.slice(0, SHOWN_ISSUES).map(issueText);
  if (error.issues.length > SHOWN_ISSUES) parts.push(`and ${error.issues.length - SHOWN_ISSUES} more problems`);
  const field = error.issues[0]?.path.map(String).join('.').slice(0, 200) || undefined;
  return new HoldfastError('VALIDATION', `${parts.join('; ')}.`, field);
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof HoldfastError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field === undefined ? {} : { field: error.field }),
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isStoreDamage(error)) {
    return {
      code: 'STORE_UNREADABLE',
      message: `The data file is damaged (${message}). Stop Holdfast and run \`holdfast check\`; it names the latest good backup and how to restore it.`,
    };
  }
  const full = diskFull(error);
  if (full) return toApiError(full);
  const fileProblem = fileSystemProblem(error);
  if (fileProblem) return { code: 'IO', message: fileProblem };
  return { code: 'INTERNAL', message: internalMessage(message) };
}

/**
 * A failure Holdfast did not foresee, said as what failed and what to do; the
 * details (the stack) go to the log, never into the message. `during` says what
 * was being done: the operation's summary ("Add a note to the timeline").
 */
export function internalMessage(cause: string, during?: string): string {
  const what = during ? ` while working on “${during.replace(/\.$/, '')}”` : '';
  const firstLine = (cause.split('\n')[0] ?? '').slice(0, 300);
  return (
    `Something failed inside Holdfast (${firstLine || 'no reason given'})${what}. ` +
    'Try again; if it fails again, note what you did and report it with the details from Holdfast’s log ' +
    '(the terminal running holdfast web, or the desktop app’s log).'
  );
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EEXIST: 'something is already there',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  EMFILE: 'too many files are open',
  ELOOP: 'too many symbolic links',
  EINVAL: 'the name is not valid here',
};

/**
 * A file or folder that could not be read or written (Node's system errors, and
 * SQLite failing to open a file): what, where and why, in words. Null for
 * anything else.
 */
function fileSystemProblem(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, path: where, syscall } = error as NodeJS.ErrnoException;
  if (error.name === 'SqliteError' && code === 'SQLITE_CANTOPEN') return `Cannot open or create that database file: ${error.message}.`;
  if (typeof code !== 'string' || typeof syscall !== 'string') return null;
  const shown = typeof where === 'string' ? ` ${where.length > 200 ? `${where.slice(0, 200)}…` : where}` : '';
  return `Cannot ${SYSCALL_WORDS[syscall] ?? 'use'}${shown}: ${FILE_ERRORS[code] ?? code}.`;
}

/** What Node's system call was doing, in words ("scandir" is no word for a user). */
const SYSCALL_WORDS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  close: 'close',
  stat: 'look at',
  lstat: 'look at',
  fstat: 'look at',
  access: 'get at',
  scandir: 'read the folder',
  opendir: 'read the folder',
  mkdir: 'create the folder',
  rmdir: 'remove the folder',
  rm: 'remove',
  unlink: 'delete',
  rename: 'move or rename',
  copyfile: 'copy',
  cp: 'copy',
  realpath: 'find',
  readlink: 'follow the link',
  symlink: 'create a link at',
  chmod: 'change the permissions of',
  utime: 'touch',
  fsync: 'save to disk',
};

/**
 * A write that failed because the disk is full (Node's ENOSPC, SQLite's
 * SQLITE_FULL), as a message that says so with the space left where Holdfast
 * was writing (`dir`, else the failing path's folder); null for any other error.
 */
export function diskFull(error: unknown, dir?: string): HoldfastError | null {
  if (!(error instanceof Error)) return null;
  const { code, path: failed } = error as NodeJS.ErrnoException;
  if (code !== 'ENOSPC' && !(error.name === 'SqliteError' && code === 'SQLITE_FULL')) return null;
  const where = dir ?? (typeof failed === 'string' ? path.dirname(failed) : undefined);
  let free = '';
  if (where) {
    try {
      const stats = fs.statfsSync(where);
      free = ` (${formatBytes(stats.bavail * stats.bsize)} free in ${where})`;
    } catch {
      free = ` (in ${where})`;
    }
  }
  return new HoldfastError('IO', `The disk is full${free}; free some space and retry. Nothing was changed.`);
}

/** SQLite's own report that the file under it is damaged (better-sqlite3's SqliteError, recognised without loading it). */
export function isStoreDamage(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'SqliteError') return false;
  const { code } = error as Error & { code?: unknown };
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}
