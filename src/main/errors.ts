import type { z } from 'zod';
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

/** Turns zod's issues into one message that names each field and what is wrong with it. */
export function validationError(operation: string, error: z.ZodError): HoldfastError {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  const field = error.issues[0]?.path.join('.') || undefined;
  return new HoldfastError('VALIDATION', `Invalid input for ${operation} — ${parts.join('; ')}`, field);
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
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}

/** SQLite's own report that the file under it is damaged (better-sqlite3's SqliteError, recognised without loading it). */
export function isStoreDamage(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'SqliteError') return false;
  const { code } = error as Error & { code?: unknown };
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}
