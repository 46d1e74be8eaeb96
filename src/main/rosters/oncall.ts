import type { OnCallEntry, Override, Person, Schedule, Shift } from '../../shared/rosters';
import { finalShifts } from './final-schedule';
import type { Temporal } from './time';

/** How far around an instant to look: longer than any shift a team would run. */
const LOOK_BEHIND = { hours: 24 * 7 * 6 };
const LOOK_AHEAD = { hours: 24 * 7 * 12 };

/**
 * Who is on call in one schedule at an instant, since when, until when, and who
 * comes next (the next stretch with someone else, or a gap).
 */
export function onCallAt(schedule: Schedule, overrides: Override[], people: Map<string, Person>, at: Temporal.Instant): Omit<OnCallEntry, 'team'> {
  const shifts = finalShifts(schedule, overrides, people, at.subtract(LOOK_BEHIND), at.add(LOOK_AHEAD));
  const atMs = at.epochMilliseconds;
  const index = shifts.findIndex((shift) => Date.parse(shift.start) <= atMs && atMs < Date.parse(shift.end));
  const current = shifts[index];
  const same = (a: Shift, b: Shift) => a.person?.handle === b.person?.handle;
  if (!current) {
    return { schedule: schedule.name, person: null, start: at.toString(), end: at.toString(), source: 'gap', next: null };
  }
  // One person's continuous cover may be several pieces (a layer then an override of the same person).
  let first = index;
  while (first > 0 && shifts[first - 1] && same(shifts[first - 1] as Shift, current)) first -= 1;
  let last = index;
  while (last + 1 < shifts.length && shifts[last + 1] && same(shifts[last + 1] as Shift, current)) last += 1;
  const next = shifts[last + 1];
  return {
    schedule: schedule.name,
    person: current.person,
    start: shifts[first]?.start ?? current.start,
    end: shifts[last]?.end ?? current.end,
    source: current.source,
    next: next ? { person: next.person, start: next.start } : null,
  };
}
