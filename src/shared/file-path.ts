import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * A file or folder on the machine Holdfast runs on, as an operation's input:
 * not empty, not longer than any file system allows, and without the NUL
 * character no file system accepts. `missing` says what to give when it is empty.
 */
export const filePath = (missing: string) =>
  z
    .string()
    .min(1, missing)
    .max(LIMITS.pathChars, `a path is at most ${LIMITS.pathChars} characters`)
    .refine((value) => !value.includes('\0'), 'a path cannot contain the NUL character');
