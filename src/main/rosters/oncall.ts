import type { OnCallEntry, Override, Person, Schedule, Shift } from '../../shared/rosters';
import { finalShifts } from './final-schedule';
import { maxInstant, minInstant, Temporal } from './time';

/** How far around an instant to look: longer than any shift a team would run. */
const LOOK_BEHIND = { hours: 24 * 7 * 6 };
const LOOK_AHEAD = { hours: 24 * 7 * 12 };

/**
 * Who is on call in one schedule at an instant, since when, until when, and who
 * comes next (the next stretch with someone else, or a gap).
 */
export function onCallAt(schedule: Schedule, overrides: Override[], people: Map<string, Person>, at: Temporal.Instant): Omit<OnCallEntry, 'team'> {
  // Start with a few days around the instant and widen only while the answer reaches an edge of what
  // was computed: the result is the same as over the whole look-behind and look-ahead, for far less work.
  const earliest = at.subtract(LOOK_BEHIND);
  const latest = at.add(LOOK_AHEAD);
  const hoursFrom = (hours: number) => Temporal.Instant.fromEpochNanoseconds(at.epochNanoseconds + BigInt(hours) * 3_600_000_000_000n);
  for (let hours = 48; ; hours *= 2) {
    const from = maxInstant(hoursFrom(-hours), earliest);
    const to = minInstant(hoursFrom(hours * 2), latest);
    const entry = onCallWithin(schedule, overrides, people, at, from, to);
    if (entry.settled || (from.equals(earliest) && to.equals(latest))) return entry.value;
  }
}

function onCallWithin(
  schedule: Schedule,
  overrides: Override[],
  people: Map<string, Person>,
  at: Temporal.Instant,
  from: Temporal.Instant,
  to: Temporal.Instant,
): { value: Omit<OnCallEntry, 'team'>; settled: boolean } {
  const shifts = finalShifts(schedule, overrides, people, from, to);
  const atMs = at.epochMilliseconds;
  const index = shifts.findIndex((shift) => Date.parse(shift.start) <= atMs && atMs < Date.parse(shift.end));
  const current = shifts[index];
  const same = (a: Shift, b: Shift) => a.person?.handle === b.person?.handle;
  if (!current) {
    return { value: { schedule: schedule.name, person: null, start: at.toString(), end: at.toString(), source: 'gap', next: null }, settled: true };
  }
  // One person's continuous cover may be several pieces (a layer then an override of the same person).
  let first = index;
  while (first > 0 && shifts[first - 1] && same(shifts[first - 1] as Shift, current)) first -= 1;
  let last = index;
  while (last + 1 < shifts.length && shifts[last + 1] && same(shifts[last + 1] as Shift, current)) last += 1;
  const next = shifts[last + 1];
  // Settled when the window holds the whole stretch: it starts after the window's start, and someone else (or a gap) follows it.
  const startsInside = first > 0;
  const nextInside = next !== undefined;
  return {
    value: {
      schedule: schedule.name,
      person: current.person,
      start: shifts[first]?.start ?? current.start,
      end: shifts[last]?.end ?? current.end,
      source: current.source,
      next: next ? { person: next.person, start: next.start } : null,
    },
    settled: startsInside && nextInside,
  };
}
