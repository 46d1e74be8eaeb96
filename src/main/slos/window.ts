import { Temporal } from 'temporal-polyfill';
import type { SloWindow } from './definition';
import { fixedMs, parseCalendarStart, temporalFields, type Duration } from './duration';

/**
 * The SLO window an instant falls in, as epoch milliseconds `[start, end)`.
 * Rolling: the duration up to the instant (`30d` is 30 × 24 hours; `1M` is a
 * calendar month back, in UTC). Calendar: periods of the duration stepped on
 * the wall clock of the window's zone from its `startTime` (before and after
 * it), so a month in Europe/Berlin that holds the spring switch is an hour
 * shorter than 31 × 24 hours. All zone arithmetic goes through Temporal.
 */

export interface TimeRange {
  start: number;
  end: number;
}

const MINUTE = 60_000;
const NOMINAL_MONTH = 30.436875 * 24 * 60 * MINUTE;

export function windowAt(window: SloWindow, at: number): TimeRange {
  if (window.kind === 'rolling') return { start: stepBack(at, window.duration), end: at };
  const anchor = calendarStart(window.startTime, window.timeZone);
  const startOf = (k: number): number => anchor.add(scaled(window.duration, k)).epochMilliseconds;
  const nominal = fixedMs(window.duration) ?? window.duration.count * NOMINAL_MONTH * (window.duration.unit === 'Q' ? 3 : window.duration.unit === 'Y' ? 12 : 1);
  let k = Math.floor((at - anchor.epochMilliseconds) / nominal);
  while (startOf(k) > at) k -= 1;
  while (startOf(k + 1) <= at) k += 1;
  return { start: startOf(k), end: startOf(k + 1) };
}

/** Minutes in a range. */
export const minutesIn = (range: TimeRange): number => (range.end - range.start) / MINUTE;

function stepBack(at: number, duration: Duration): number {
  const fixed = fixedMs(duration);
  if (fixed !== null) return at - fixed;
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO('UTC').subtract(temporalFields(duration)).epochMilliseconds;
}

function scaled(duration: Duration, k: number): Temporal.DurationLike {
  const fields = temporalFields(duration) as Record<string, number>;
  return Object.fromEntries(Object.entries(fields).map(([unit, value]) => [unit, value * k]));
}

/** `2026-03-01 00:00:00` in `Europe/Berlin`; a wall time the zone skips moves forward, as the tz rules do. */
export function calendarStart(startTime: string, timeZone: string): Temporal.ZonedDateTime {
  const wall = parseCalendarStart(startTime);
  if (!wall) throw new Error(`"${startTime}" is not a date and time such as 2026-01-01 00:00:00`);
  return wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
}
