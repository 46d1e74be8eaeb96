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
