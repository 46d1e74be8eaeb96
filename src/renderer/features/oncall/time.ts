/**
 * Time for the on-call screens. Instants travel as UTC ISO-8601; schedules keep
 * their IANA zone. Zone math goes through the Temporal polyfill and display
 * through Intl with an explicit `timeZone`, never by adding offsets by hand.
 */
import { Temporal } from 'temporal-polyfill';
import { formatInZone } from '../../../shared/zoned-time';

/** The zone of the machine looking at the console. */
export { systemZone as viewerZone } from '../../../shared/zoned-time';

export { formatClockInZone, formatDayInZone, formatInZone, zoneCity } from '../../../shared/zoned-time';

/** Whether two zones read the same wall clock at an instant (then "your time" adds nothing). */
export function sameWallClock(iso: string, a: string, b: string): boolean {
  return a === b || formatInZone(iso, a, { year: true }) === formatInZone(iso, b, { year: true });
}

/** A stretch of time as a responder says it: "45 min", "5 h 12 min", "2 d 3 h". */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** UTC ISO-8601 with seconds, as the core gives instants. */
export const isoUtc = (instant: Temporal.Instant): string => instant.toString({ smallestUnit: 'second' });

export const toInstant = (iso: string): Temporal.Instant => Temporal.Instant.from(iso);

export const instantOfMs = (ms: number): Temporal.Instant => Temporal.Instant.fromEpochMilliseconds(Math.round(ms));

/**
 * A wall-clock time in a zone → an instant, by the rules of docs/roster-format.md:
 * a time the clocks sprang over happens at the change itself; a time that occurs
 * twice happens at its first occurrence.
 */
export function wallClockToInstant(local: Temporal.PlainDateTime, zone: string): Temporal.Instant {
  const earlier = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), local) === 0) return earlier.toInstant();
  const transition = earlier.getTimeZoneTransition('next');
  return (transition ?? local.toZonedDateTime(zone, { disambiguation: 'later' })).toInstant();
}

/** An instant as the value of an `<input type="datetime-local">` showing `zone`'s wall clock. */
export function toLocalInput(iso: string, zone: string): string {
  return toInstant(iso).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** The value of an `<input type="datetime-local">` read in `zone` → a UTC instant; null when incomplete. */
export function fromLocalInput(value: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  try {
    const local = Temporal.PlainDateTime.from(value);
    if (local.year < 1970 || local.year > 2200) return null;
    return isoUtc(wallClockToInstant(local, zone));
  } catch {
    return null;
  }
}

/** Today's date on the wall clock of `zone`. */
export const todayIn = (zone: string, now: Date): Temporal.PlainDate =>
  instantOfMs(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();

/** The first instant of a day in `zone` (not always 00:00: some zones skip midnight). */
export const startOfDay = (date: Temporal.PlainDate, zone: string): Temporal.Instant =>
  date.toZonedDateTime({ timeZone: zone }).toInstant();

/** An instant rounded to the nearest half hour of `zone`'s wall clock. */
export function snapToHalfHour(ms: number, zone: string): number {
  return instantOfMs(ms)
    .toZonedDateTimeISO(zone)
    .round({ smallestUnit: 'minute', roundingIncrement: 30, roundingMode: 'halfExpand' })
    .toInstant().epochMilliseconds;
}

export { Temporal };
