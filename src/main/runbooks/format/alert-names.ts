import path from 'node:path';

/** A CamelCase identifier as alert names are written: `CPUThrottlingHigh`, `etcdNoLeader`, `MDSCpuUsageHigh`. */
const ALERT_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const HAS_CASE_CHANGE = /[\p{Ll}\p{N}]\p{Lu}|\p{Lu}{2}\p{Ll}/u;

export const isAlertName = (text: string): boolean => ALERT_NAME.test(text) && HAS_CASE_CHANGE.test(text);

/** What a runbook says about itself that may name the alert it answers. */
export interface AlertNameSources {
  title: string;
  /** Path of the file it was imported from (or is exported to), relative to its folder; null for one written in the app. */
  relativePath: string | null;
  /** Front matter keys Holdfast keeps as written: `alert` is read from here. */
  extraFrontMatter: Record<string, unknown>;
}

/**
 * The alert names a runbook answers to, in order of authority: the front matter's
 * `alert` (one name or a list), the file name when it is an alert name
 * (`CPUThrottlingHigh.md`, whatever the title says), and the title when it is one
 * (`title: etcdNoLeader`). Each name once.
 */
export function alertNames({ title, relativePath, extraFrontMatter }: AlertNameSources): string[] {
  const declared = extraFrontMatter.alert;
  const fromFrontMatter = (Array.isArray(declared) ? declared : [declared])
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map((value) => String(value).trim())
    .filter(Boolean);
  const stem = relativePath === null ? '' : path.posix.parse(relativePath).name;
  const named = [stem, title.trim()].filter(isAlertName);
  return [...new Set([...fromFrontMatter, ...named])];
}

/**
 * A name as search compares it whole: lower case, without diacritics, letters and
 * digits only. `CPUThrottlingHigh`, "CPU Throttling High" and "cpu-throttling-high"
 * are all `cputhrottlinghigh`.
 */
export function nameKey(text: string): string {
  // The same in ASCII without Unicode normalization, several times faster, for the text most names are written in.
  if (/^[ -~\t\n\r]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
