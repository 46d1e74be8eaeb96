import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type Weekday } from '../../shared/rosters';

/**
 * Wall-clock time in a zone → an instant, by the rules in docs/roster-format.md:
 * a local time that does not exist (the clocks sprang forward over it) happens at
 * the first valid instant after it, which is the moment of the change; a local
 * time that occurs twice (the clocks fell back) happens at its first occurrence.
 */
export function wallClockToInstant(local: Temporal.PlainDateTime, zone: string): Temporal.Instant {
  const earlier = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), local) === 0) return earlier.toInstant();
  // `earlier` fell before the gap; the change itself is the first instant after the missing time.
  const transition = earlier.getTimeZoneTransition('next');
  return (transition ?? local.toZonedDateTime(zone, { disambiguation: 'later' })).toInstant();
}

/**
 * A wall-clock date and time as a number: its fields read as if they were UTC.
 * Adding days or hours to this number is exactly PlainDateTime arithmetic (no
 * zone is involved), and costs nothing, where the polyfill's `add` takes ~70 µs.
 */
export function wallMs(local: Temporal.PlainDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, local.millisecond);
  return date.getTime();
}

function fromWallMs(ms: number): Temporal.PlainDateTime {
  const date = new Date(ms);
  return new Temporal.PlainDateTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
}

const conversions = new Map<string, Temporal.Instant>();
const MAX_CONVERSIONS = 100_000;

/**
 * `wallClockToInstant` for a wall-clock time given as `wallMs`, remembered:
 * rotations and restriction windows convert the same few local times in the
 * same zones over and over, and each conversion costs the polyfill ~40 µs.
 */
export function wallMsToInstant(ms: number, zone: string): Temporal.Instant {
  const key = `${zone} ${ms}`;
  let instant = conversions.get(key);
  if (instant === undefined) {
    if (conversions.size >= MAX_CONVERSIONS) conversions.clear();
    instant = wallClockToInstant(fromWallMs(ms), zone);
    conversions.set(key, instant);
  }
  return instant;
}

/** ISO weekday (Monday = 1) of a `wallMs` date. */
export const wallWeekday = (ms: number): number => new Date(ms).getUTCDay() || 7;

/** Whether a zone name is one the time-zone database knows. */
export function isKnownZone(zone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:MM` (24-hour); `24:00` is accepted as the end of a day when `allowEndOfDay`. */
export function parseClock(text: string, allowEndOfDay = false): Temporal.PlainTime | null {
  if (allowEndOfDay && text === '24:00') return null;
  const match = CLOCK.exec(text);
  return match ? new Temporal.PlainTime(Number(match[1]), Number(match[2])) : null;
}

export const isClock = (text: string, allowEndOfDay = false): boolean =>
  CLOCK.test(text) || (allowEndOfDay && text === '24:00');

/** ISO weekday number (Monday = 1) of a weekday name. */
export const weekdayNumber = (day: Weekday): number => WEEKDAYS.indexOf(day) + 1;

export const toInstant = (iso: string): Temporal.Instant => Temporal.Instant.from(iso);

/** UTC ISO-8601 with seconds, as every answer gives instants. */
export const isoUtc = (instant: Temporal.Instant): string => {
  // Through Date: the polyfill's own formatting costs ~150 µs, and a year of shifts formats thousands.
  const seconds = Math.floor(instant.epochMilliseconds / 1000) * 1000;
  const date = new Date(seconds);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return instant.toZonedDateTimeISO('UTC').toPlainDateTime().toString({ smallestUnit: 'second' }) + 'Z';
  return date.toISOString().replace('.000Z', 'Z');
};

export const maxInstant = (a: Temporal.Instant, b: Temporal.Instant) => (Temporal.Instant.compare(a, b) >= 0 ? a : b);
export const minInstant = (a: Temporal.Instant, b: Temporal.Instant) => (Temporal.Instant.compare(a, b) <= 0 ? a : b);
export const before = (a: Temporal.Instant, b: Temporal.Instant) => Temporal.Instant.compare(a, b) < 0;

export { Temporal };
