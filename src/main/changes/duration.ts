import { parseDuration } from '../../shared/step-timer';

/**
 * How long each occurrence of a recurring window lasts: `2h`, `90m`, `1d`,
 * `1d12h`, `2 weeks`. Days and weeks are calendar days in the window's zone
 * (a day across a DST change is 23 or 25 hours, so a freeze from Friday 18:00
 * for `2d14h` ends Monday 08:00 local); hours, minutes and seconds are elapsed
 * time. That is RFC 5545's reading of a duration, and Temporal's.
 */
export interface WindowDuration {
  days: number;
  /** The elapsed part, in milliseconds. */
  ms: number;
}

/** A recurring window lasts at most a year: longer is a typo, and it would be in force for ever. */
export const MAX_WINDOW_DAYS = 366;

const CALENDAR = /^\s*(?:(\d+)\s*(?:w|weeks?)(?![a-z]))?\s*(?:(\d+)\s*(?:d|days?)(?![a-z]))?\s*(.*)$/i;

/** The duration, or what is wrong with it in words. */
export function parseWindowDuration(text: string): WindowDuration | { problem: string } {
  const example = 'write it as e.g. 2h, 90m, 1d or 1d12h';
  const match = CALENDAR.exec(text);
  const rest = match?.[3]?.trim() ?? '';
  const seconds = rest === '' ? 0 : parseDuration(rest);
  if (!match || seconds === null || (match[1] === undefined && match[2] === undefined && rest === '')) {
    return { problem: `"${text}" is not a duration; ${example}` };
  }
  const days = Number(match[1] ?? 0) * 7 + Number(match[2] ?? 0);
  const ms = seconds * 1000;
  if (days === 0 && ms === 0) return { problem: `"${text}" lasts no time at all; ${example}` };
  if (days + ms / 86_400_000 > MAX_WINDOW_DAYS) return { problem: `"${text}" is longer than a year (${MAX_WINDOW_DAYS} days), the longest a window may last` };
  return { days, ms };
}

/** The duration as people read it: `1 day 12 hours`, `90 minutes`. */
export function formatWindowDuration({ days, ms }: WindowDuration): string {
  const parts: string[] = [];
  const unit = (n: number, word: string) => (n > 0 ? parts.push(`${n} ${word}${n === 1 ? '' : 's'}`) : 0);
  unit(days, 'day');
  const minutes = Math.floor(ms / 60_000);
  if (minutes % 60 === 0) unit(minutes / 60, 'hour');
  else if (minutes > 90) {
    unit(Math.floor(minutes / 60), 'hour');
    unit(minutes % 60, 'minute');
  } else unit(minutes, 'minute');
  unit(Math.round((ms % 60_000) / 1000), 'second');
  return parts.join(' ');
}
