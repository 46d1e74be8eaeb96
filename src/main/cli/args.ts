import { usageError } from './runner';

/** Values typed on the command line, read into what operations take, or refused in words naming what they are for. */

/** A whole number typed on the command line, or a one-line usage error naming what it is for (not zod's "received NaN"). */
export function wholeNumber(value: string, name: string): number {
  if (!/^\d+$/.test(value.trim())) throw usageError(`${name} must be a whole number, got "${value}"`);
  return Number(value);
}

export const RUNBOOK_ID_HELP = 'runbook id: its number (from list or search) or its stable id (rb_…, the id in exported front matter)';

/** A runbook named on the command line: a whole number is the store's id, anything else the stable id (`rb_…`). */
export function runbookRef(value: string): number | string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Collects a repeatable option (`--service a --service b`). */
export const repeated = (value: string, all: string[]): string[] => [...all, value];
