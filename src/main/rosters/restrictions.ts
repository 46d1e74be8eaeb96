import type { Restriction } from '../../shared/rosters';
import type { Span } from './rotation';
import { parseClock, Temporal, wallWeekday, weekdayNumber } from './time';
import { wallDateMs, wallToEpochMs } from './zone-offsets';

/** Epoch milliseconds, half-open. */
type Window = { start: number; end: number };

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
    while (first < windows.length && span.start >= (windows[first] as Window).end) first += 1;
    for (let w = first; w < windows.length; w += 1) {
      const window = windows[w] as Window;
      if (window.start >= span.end) break;
      const start = Math.max(span.start, window.start);
      const end = Math.min(span.end, window.end);
      if (start < end) result.push({ start, end, handle: span.handle });
    }
  }
  return result.sort((a, b) => a.start - b.start);
}

const DAY_MS = 86_400_000;

/** Every window occurrence overlapping [from, to), merged where they touch. */
function windowsBetween(restrictions: Restriction[], zone: string, from: number, to: number): Window[] {
  const firstDay = wallDateMs(from, zone) - DAY_MS;
  const lastDay = wallDateMs(to, zone);
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
      const start = wallToEpochMs(day + rule.startMs, zone);
      const end = wallToEpochMs(day + rule.endMs, zone);
      if (start < end && start < to && from < end) windows.push({ start, end });
    }
  }
  windows.sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const window of windows) {
    const last = merged.at(-1);
    if (last && last.end >= window.start) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged;
}

const clockMs = (time: Temporal.PlainTime): number => ((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + time.millisecond;
