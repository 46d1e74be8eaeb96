import { Temporal } from 'temporal-polyfill';

/**
 * OpenSLO's duration shorthand: a positive integer and one case-sensitive
 * unit, `m` minutes, `h` hours, `d` days, `w` weeks, `M` months, `Q` quarters,
 * `Y` years (`5m`, `28d`, `1M`). Minutes to weeks are fixed lengths; months,
 * quarters and years are calendar lengths, so they are stepped on a calendar
 * (in a zone) rather than converted to milliseconds.
 */
export const DURATION_SHORTHAND = /^[1-9][0-9]*[mhdwMQY]$/;

export type DurationUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

export interface Duration {
  count: number;
  unit: DurationUnit;
}

const MINUTE = 60_000;
const FIXED_MS: Partial<Record<DurationUnit, number>> = { m: MINUTE, h: 60 * MINUTE, d: 24 * 60 * MINUTE, w: 7 * 24 * 60 * MINUTE };

export function parseDuration(text: string): Duration {
  if (!DURATION_SHORTHAND.test(text)) throw new Error(`"${text}" is not a duration such as 5m, 1h, 28d, 1w or 1M`);
  return { count: Number(text.slice(0, -1)), unit: text.slice(-1) as DurationUnit };
}

/** Milliseconds of a fixed-length duration (m, h, d, w); null for months, quarters and years. */
export function fixedMs(duration: Duration): number | null {
  const unit = FIXED_MS[duration.unit];
  return unit === undefined ? null : unit * duration.count;
}

/** The duration as Temporal fields, for stepping a calendar: 1Q is 3 months; a day is a calendar day. */
export function temporalFields(duration: Duration): Temporal.DurationLike {
  switch (duration.unit) {
    case 'm':
      return { minutes: duration.count };
    case 'h':
      return { hours: duration.count };
    case 'd':
      return { days: duration.count };
    case 'w':
      return { weeks: duration.count };
    case 'M':
      return { months: duration.count };
    case 'Q':
      return { months: 3 * duration.count };
    case 'Y':
      return { years: duration.count };
  }
}

/**
 * An objective's `timeSliceWindow`: duration shorthand, or a bare number of
 * minutes as the spec allows (`5` is five minutes). Slices are fixed lengths,
 * so months and longer are refused. Null when it is neither.
 */
export function timeSliceMs(value: string | number): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value * MINUTE : null;
  if (/^[1-9][0-9]*$/.test(value)) return Number(value) * MINUTE;
  if (!DURATION_SHORTHAND.test(value)) return null;
  return fixedMs(parseDuration(value));
}

/** `2020-01-21 12:30:00` as the spec writes a calendar window's start (no zone; the zone is `timeZone`); `T` and a date alone are read too. */
const CALENDAR_START = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The wall-clock start of a calendar window; null when it is not a real date and time (2026-02-30, 25:00). */
export function parseCalendarStart(text: string): Temporal.PlainDateTime | null {
  const match = CALENDAR_START.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  try {
    return new Temporal.PlainDateTime(year ?? 0, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0, second ?? 0);
  } catch {
    return null;
  }
}
