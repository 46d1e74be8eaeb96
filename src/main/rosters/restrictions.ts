import type { Restriction } from '../../shared/rosters';
import type { Span } from './rotation';
import { before, maxInstant, minInstant, parseClock, Temporal, wallMs, wallMsToInstant, wallWeekday, weekdayNumber } from './time';

type Window = { start: Temporal.Instant; end: Temporal.Instant };

/** Cuts spans down to the recurring windows (in the schedule's zone); no restrictions means always. */
export function restrictSpans(spans: Span[], restrictions: Restriction[], zone: string): Span[] {
  if (restrictions.length === 0 || spans.length === 0) return spans;
  const from = spans[0]?.start;
  const to = spans.at(-1)?.end;
  if (!from || !to) return [];
  const windows = windowsBetween(restrictions, zone, from, to);
  const result: Span[] = [];
  // Spans and windows are both in time order: walk them together instead of pairing every span with every window.
  let first = 0;
  for (const span of spans) {
    while (first < windows.length && !before(span.start, (windows[first] as Window).end)) first += 1;
    for (let w = first; w < windows.length; w += 1) {
      const window = windows[w] as Window;
      if (!before(window.start, span.end)) break;
      const start = maxInstant(span.start, window.start);
      const end = minInstant(span.end, window.end);
      if (before(start, end)) result.push({ start, end, handle: span.handle });
    }
  }
  return result.sort((a, b) => Temporal.Instant.compare(a.start, b.start));
}

const DAY_MS = 86_400_000;

/** Every window occurrence overlapping [from, to), merged where they touch. */
function windowsBetween(restrictions: Restriction[], zone: string, from: Temporal.Instant, to: Temporal.Instant): Window[] {
  const firstDay = wallMs(from.toZonedDateTimeISO(zone).toPlainDate().subtract({ days: 1 }).toPlainDateTime());
  const lastDay = wallMs(to.toZonedDateTimeISO(zone).toPlainDate().toPlainDateTime());
  const rules = restrictions.map((restriction) => {
    const startTime = parseClock(restriction.start) ?? new Temporal.PlainTime(0, 0);
    const endTime = parseClock(restriction.end, true);
    const overnight = endTime === null || Temporal.PlainTime.compare(endTime, startTime) <= 0;
    return {
      days: new Set(restriction.days.map(weekdayNumber)),
      startMs: clockMs(startTime),
      endMs: (overnight ? DAY_MS : 0) + (endTime ? clockMs(endTime) : 0),
    };
  });
  const windows: Window[] = [];
  for (let day = firstDay; day <= lastDay; day += DAY_MS) {
    const weekday = wallWeekday(day);
    for (const rule of rules) {
      if (!rule.days.has(weekday)) continue;
      const start = wallMsToInstant(day + rule.startMs, zone);
      const end = wallMsToInstant(day + rule.endMs, zone);
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

const clockMs = (time: Temporal.PlainTime): number => ((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + time.millisecond;
