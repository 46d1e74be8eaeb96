import { formatDuration } from '../../../shared/durations';
import { formatDayInZone, formatInZone, systemZone } from '../../../shared/zoned-time';

/** A duration given in minutes, to the minute: "45 min", "1 h 5 min", "26 h"; "< 1 min"; "—" when unknown. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const total = Math.round(Math.max(0, minutes));
  if (total === 0) return minutes > 0 ? '< 1 min' : '0 min';
  return formatDuration(total * 60);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A local calendar day as YYYY-MM-DD. */
export const localDay = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The default range: the last 90 days, today included. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const from = new Date(now);
  from.setDate(from.getDate() - days);
  return { from: localDay(from), to: localDay(now) };
}

/** The Monday (UTC) of the week a day falls in, as the core names weeks. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Every Monday from the week of `from` to the week of `to`. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  const date = new Date(`${mondayOf(from)}T00:00:00Z`);
  const last = mondayOf(to);
  // A range of years is still only a few hundred weeks; the cap keeps a typo from freezing the screen.
  while (weeks.length < 1000) {
    const week = date.toISOString().slice(0, 10);
    if (week > last) break;
    weeks.push(week);
    date.setUTCDate(date.getUTCDate() + 7);
  }
  return weeks;
}

/** "Mon 2 Mar" for a YYYY-MM-DD week (the core names weeks by their Monday in UTC). */
export const weekLabel = (week: string): string => formatDayInZone(`${week}T00:00:00Z`, 'UTC');

/** "Mon 2 Mar" for an instant, in the reader's zone. */
export const dayLabel = (time: number): string => formatDayInZone(time, systemZone());

const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080];

/** Axis ticks in minutes at steps people read easily (15 min, 1 h, 4 h…), from 0 past the largest value. */
export function minuteTicks(values: (number | null)[]): number[] {
  const max = Math.max(0, ...values.filter((value): value is number => value !== null));
  if (max === 0) return [0, 1];
  const step = TICK_STEPS.find((candidate) => max / candidate <= 5) ?? Math.ceil(max / 5 / 10080) * 10080;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

/** A time-axis label: the day, with the time of day (24-hour, as everywhere) when the whole axis spans less than two days. */
export const timeTick = (span: number) => (time: number): string =>
  span < 2 * 86_400_000 ? formatInZone(time, systemZone()) : dayLabel(time);
