import type { Restriction } from '../../shared/rosters';
import type { Span } from './rotation';
import { before, maxInstant, minInstant, parseClock, Temporal, wallClockToInstant, weekdayNumber } from './time';

type Window = { start: Temporal.Instant; end: Temporal.Instant };

/** Cuts spans down to the recurring windows (in the schedule's zone); no restrictions means always. */
export function restrictSpans(spans: Span[], restrictions: Restriction[], zone: string): Span[] {
  if (restrictions.length === 0 || spans.length === 0) return spans;
  const from = spans[0]?.start;
  const to = spans.at(-1)?.end;
  if (!from || !to) return [];
  const windows = windowsBetween(restrictions, zone, from, to);
  const result: Span[] = [];
  for (const span of spans) {
    for (const window of windows) {
      const start = maxInstant(span.start, window.start);
      const end = minInstant(span.end, window.end);
      if (before(start, end)) result.push({ start, end, handle: span.handle });
    }
  }
  return result.sort((a, b) => Temporal.Instant.compare(a.start, b.start));
}

/** Every window occurrence overlapping [from, to), merged where they touch. */
function windowsBetween(restrictions: Restriction[], zone: string, from: Temporal.Instant, to: Temporal.Instant): Window[] {
  const firstDay = from.toZonedDateTimeISO(zone).toPlainDate().subtract({ days: 1 });
  const lastDay = to.toZonedDateTimeISO(zone).toPlainDate();
  const windows: Window[] = [];
  for (let day = firstDay; Temporal.PlainDate.compare(day, lastDay) <= 0; day = day.add({ days: 1 })) {
    for (const restriction of restrictions) {
      if (!restriction.days.some((name) => weekdayNumber(name) === day.dayOfWeek)) continue;
      const startTime = parseClock(restriction.start) ?? new Temporal.PlainTime(0, 0);
      const endTime = parseClock(restriction.end, true);
      const overnight = endTime === null || Temporal.PlainTime.compare(endTime, startTime) <= 0;
      const start = wallClockToInstant(day.toPlainDateTime(startTime), zone);
      const end = wallClockToInstant((overnight ? day.add({ days: 1 }) : day).toPlainDateTime(endTime ?? new Temporal.PlainTime(0, 0)), zone);
      if (before(start, end) && before(start, to) && before(from, end)) windows.push({ start, end });
    }
  }
  windows.sort((a, b) => Temporal.Instant.compare(a.start, b.start));
  const merged: Window[] = [];
  for (const window of windows) {
    const last = merged.at(-1);
    if (last && !before(last.end, window.start)) last.end = maxInstant(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged;
}
