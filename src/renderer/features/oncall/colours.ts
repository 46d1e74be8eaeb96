import type { Roster } from '../../../shared/rosters';

/** Handles sorted, so each person keeps one colour on every on-call screen. */
export function personColour(roster: Roster | null | undefined, handle: string | undefined): number {
  if (!roster || !handle) return 0;
  const handles = roster.people.map((person) => person.handle).sort();
  const index = handles.indexOf(handle);
  return (index < 0 ? 0 : index) % PERSON_COLOURS;
}

export const PERSON_COLOURS = 10;
