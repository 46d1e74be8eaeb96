import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type ShiftUnit, type Weekday } from '../../shared/rosters';

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

/** A shift length as a roster file writes it: `12 hours`, `1 day`, `2 weeks`, `8h`. */
export const SHIFT = /^(\d+)\s*(hours?|h|days?|d|weeks?|w)$/i;

/** The longest shift a layer may have: a year. Longer is a typo, and would step past the calendar's end. */
export const MAX_SHIFT_DAYS = 366;
const DAYS_PER_UNIT: Record<ShiftUnit, number> = { hours: 1 / 24, days: 1, weeks: 7 };

export const shiftTooLong = (length: number, unit: ShiftUnit): boolean => length * DAYS_PER_UNIT[unit] > MAX_SHIFT_DAYS;

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

/** UTC ISO-8601 with seconds (epoch milliseconds in), as every answer gives instants. */
export const isoUtc = (epochMs: number): string => {
  // Through Date: the polyfill's own formatting costs ~150 µs, and a year of shifts formats thousands.
  const date = new Date(Math.floor(epochMs / 1000) * 1000);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO('UTC').toPlainDateTime().toString({ smallestUnit: 'second' }) + 'Z';
  return date.toISOString().replace('.000Z', 'Z');
};

/** An ISO-8601 instant (with its zone) as epoch milliseconds, parsed strictly. */
export const epochMsOf = (iso: string): number => Temporal.Instant.from(iso).epochMilliseconds;

export { Temporal };
