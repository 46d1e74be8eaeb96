import type { ResponderIdentity } from '../../../shared/sync';

export interface RosterPerson {
  handle: string;
  name: string;
}

const MAX_SHOWN = 8;

/** The roster's people a typed name may mean: by name or handle, words starting as typed; everyone (first few) when nothing is typed. */
export function matchingPeople(people: readonly RosterPerson[], typed: string): RosterPerson[] {
  const wanted = typed.trim().toLowerCase();
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
  if (!wanted) return sorted.slice(0, MAX_SHOWN);
  const starts = (text: string) => text.toLowerCase().split(/\s+/).some((word) => word.startsWith(wanted)) || text.toLowerCase().startsWith(wanted);
  return sorted.filter((person) => starts(person.name) || starts(person.handle)).slice(0, MAX_SHOWN);
}

/**
 * Who a typed name is: the roster's person whose handle or name it is exactly
 * (any case), with their handle, as `--as` reads it; else the name as typed, with no handle.
 */
export function identityFor(typed: string, people: readonly RosterPerson[]): ResponderIdentity {
  const name = typed.trim();
  const lower = name.toLowerCase();
  const person = people.find((candidate) => candidate.handle.toLowerCase() === lower) ?? people.find((candidate) => candidate.name.toLowerCase() === lower);
  return person ? { name: person.name, handle: person.handle } : { name, handle: null };
}

/** Why a typed name cannot be used, in words; null when it can. */
export function nameProblem(typed: string): string | null {
  const name = typed.trim();
  if (!name) return 'Type your name, or pick yourself from the roster: it goes beside everything you log.';
  if (/\p{Cc}/u.test(name)) return 'A name fits on one line: take out the line break or tab.';
  if (name.length > 100) return `A name holds at most 100 characters (this has ${name.length}).`;
  return null;
}

/** Up to two letters for a name in the crowded top bar: "Priya Raman" → "PR", "maya" → "M". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : words;
  return letters.map((word) => [...(word ?? '')][0]?.toLocaleUpperCase() ?? '').join('');
}
