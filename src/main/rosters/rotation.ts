import type { Layer } from '../../shared/rosters';
import { parseClock, Temporal, wallMs, weekdayNumber } from './time';
import { wallToEpochMs } from './zone-offsets';

/** A raw span of one layer: who, from when to when (epoch milliseconds, half-open). */
export interface Span {
  start: number;
  end: number;
  handle: string;
}

const HOURS_THAT_DIVIDE_A_DAY = new Set([1, 2, 3, 4, 6, 8, 12, 24]);

/**
 * The shifts of one rotation that overlap [from, to). Handoffs are wall-clock
 * times in the schedule's zone, so a daily 09:00 handoff stays at 09:00 across a
 * DST change. Shifts in whole days or weeks, and hour shifts that divide 24, step
 * on the wall clock; other hour lengths (10 h, 36 h…) step in elapsed hours.
 */
export function rotationShifts(layer: Layer, zone: string, from: number, to: number): Span[] {
  if (layer.members.length === 0 || from >= to) return [];
  const first = firstHandoffMs(layer);
  const wallClock = layer.shiftUnit !== 'hours' || HOURS_THAT_DIVIDE_A_DAY.has(layer.shiftLength);
  const anchor = wallToEpochMs(first, zone);
  const nominalMs = layer.shiftLength * { hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 }[layer.shiftUnit];
  // Whole days, weeks, or hours that divide a day step on the wall clock (the same arithmetic as PlainDateTime.add);
  // other lengths step in elapsed time from the first handoff.
  const boundary = (k: number): number => (wallClock ? wallToEpochMs(first + k * nominalMs, zone) : anchor + k * nominalMs);

  // Start a little before `from`, found by the nominal length; the loop skips what ends before it.
  let k = Math.max(0, Math.floor((from - anchor) / nominalMs) - 1);
  const spans: Span[] = [];
  for (let start = boundary(k); start < to; k += 1) {
    const end = boundary(k + 1);
    if (from < end && start < end) {
      spans.push({ start: Math.max(start, from), end: Math.min(end, to), handle: layer.members[k % layer.members.length] ?? '' });
    }
    start = end;
  }
  return spans;
}

/** The instant (epoch milliseconds) of a layer's first handoff: nobody from it is on call before. */
export const firstHandoffAt = (layer: Layer, zone: string): number => wallToEpochMs(firstHandoffMs(layer), zone);

const firstHandoffs = new WeakMap<Layer, number>();

/** `firstHandoff` as `wallMs`, worked out once per layer object. */
function firstHandoffMs(layer: Layer): number {
  let ms = firstHandoffs.get(layer);
  if (ms === undefined) firstHandoffs.set(layer, (ms = wallMs(firstHandoff(layer))));
  return ms;
}

/**
 * The wall-clock time of the first handoff: the first handoff on or after the
 * start date (weekly: on the first handoff weekday on or after it). Hour shifts
 * that divide a day hand off at `handoff` plus whole shifts, every day: a
 * 12-hour layer with a 21:00 handoff hands off at 09:00 and 21:00, so its first
 * handoff is 09:00 on the start date.
 */
function firstHandoff(layer: Layer): Temporal.PlainDateTime {
  let date = Temporal.PlainDate.from(layer.startDate);
  if (layer.shiftUnit === 'weeks' && layer.handoffDay) {
    const wanted = weekdayNumber(layer.handoffDay);
    date = date.add({ days: (wanted - date.dayOfWeek + 7) % 7 });
  }
  let time = parseClock(layer.handoffTime) ?? new Temporal.PlainTime(0, 0);
  if (layer.shiftUnit === 'hours' && HOURS_THAT_DIVIDE_A_DAY.has(layer.shiftLength)) {
    const earliest = (time.hour * 60 + time.minute) % (layer.shiftLength * 60);
    time = new Temporal.PlainTime(Math.floor(earliest / 60), earliest % 60);
  }
  return date.toPlainDateTime(time);
}
