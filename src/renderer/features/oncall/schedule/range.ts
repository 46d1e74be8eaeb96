import { formatDayInZone, instantOfMs, startOfDay, type Temporal } from '../time';
import type { TimelineView } from './store';

export interface Day {
  date: Temporal.PlainDate;
  /** Epoch ms of the day's first instant in the schedule's zone. */
  start: number;
}

/** The shown range for a view: a week from `anchor`, or the calendar month holding it. */
export function rangeFor(view: TimelineView, anchor: Temporal.PlainDate, zone: string): { from: string; to: string } {
  const first = view === 'week' ? anchor : anchor.with({ day: 1 });
  const after = view === 'week' ? first.add({ days: 7 }) : first.add({ months: 1 });
  return { from: startOfDay(first, zone).toString(), to: startOfDay(after, zone).toString() };
}

/** The anchor one view earlier or later. */
export function stepAnchor(view: TimelineView, anchor: Temporal.PlainDate, direction: -1 | 1): Temporal.PlainDate {
  return view === 'week' ? anchor.add({ days: 7 * direction }) : anchor.with({ day: 1 }).add({ months: direction });
}

/** Each day that starts within [from, to) on the zone's wall clock. */
export function daysBetween(fromMs: number, toMs: number, zone: string): Day[] {
  const days: Day[] = [];
  let date = instantOfMs(fromMs).toZonedDateTimeISO(zone).toPlainDate();
  for (let guard = 0; guard < 62; guard += 1) {
    const start = startOfDay(date, zone).epochMilliseconds;
    if (start >= toMs) break;
    if (start >= fromMs) days.push({ date, start });
    date = date.add({ days: 1 });
  }
  return days;
}

/** "Sat 14 Nov – Fri 20 Nov 2026" or "November 2026". */
export function rangeLabel(view: TimelineView, fromMs: number, toMs: number, zone: string): string {
  if (view === 'month') {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, month: 'long', year: 'numeric' }).format(new Date(fromMs));
  }
  return `${formatDayInZone(fromMs, zone)} – ${formatDayInZone(toMs - 1, zone, { year: true })}`;
}
