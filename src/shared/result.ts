/**
 * What every operation returns across IPC, HTTP and the CLI: a value, or a typed
 * error with a stable code and a message written for the person reading it.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'UNKNOWN_OPERATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CONFLICT',
  'STORE_TOO_NEW',
  'STORE_UNREADABLE',
  'IO',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Where the error is, when it is about one field of the input (e.g. `limit`). */
  field?: string;
  /** Every problem, one per line, when there are several (e.g. each line of a refused roster file). */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});
