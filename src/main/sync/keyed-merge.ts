import { isDeepStrictEqual } from 'node:util';

/**
 * Three-way merge of structured data (a roster, the change windows, an
 * incident's fields) by entry: lists of entries are matched by their key
 * (a person's handle, a team's name), maps field by field. What only one side
 * changed is taken; what both sides changed differently is a conflict: this
 * side's value is kept, the other's is listed for a person to choose, never
 * resolved automatically.
 */
export type Value = unknown;

/** The key of an entry of the list at `path` (e.g. `teams.schedules`), or undefined when that list is not keyed. */
export type KeyOf = (listPath: string, entry: Value) => string | undefined;

export interface EntryConflict {
  /** Where, in words: `teams[Payments].schedules[Payments primary].overrides[bo from 2026-12-24T17:00:00-05:00]`. */
  where: string;
  mine: Value;
  theirs: Value;
}

export interface KeyedMerge {
  merged: Value;
  conflicts: EntryConflict[];
}

const isMap = (value: Value): value is Record<string, Value> => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: Value, b: Value): boolean => isDeepStrictEqual(a, b);
const ABSENT = Symbol('absent');
/** A value, or ABSENT where a side has no such field or entry. */
type Maybe = unknown;

/** Merges `mine` and `theirs`, both changed from `base` (undefined: the file was added on both sides). */
export function mergeKeyed(base: Value, mine: Value, theirs: Value, keyOf: KeyOf): KeyedMerge {
  const conflicts: EntryConflict[] = [];
  const merged = mergeValue(base === undefined ? ABSENT : base, mine, theirs, { listPath: '', where: '' }, keyOf, conflicts);
  return { merged: merged === ABSENT ? null : merged, conflicts };
}

interface At {
  /** The path of keys without entry names (`teams.schedules`), for KeyOf. */
  listPath: string;
  /** The path with entry names, for people. */
  where: string;
}

function mergeValue(base: Maybe, mine: Maybe, theirs: Maybe, at: At, keyOf: KeyOf, conflicts: EntryConflict[]): Maybe {
  if (same(mine, theirs)) return mine;
  if (same(base, mine)) return theirs;
  if (same(base, theirs)) return mine;
  if (isMap(base) && isMap(mine) && isMap(theirs)) return mergeMaps(base, mine, theirs, at, keyOf, conflicts);
  if (Array.isArray(mine) && Array.isArray(theirs) && keyedList(mine, at, keyOf) && keyedList(theirs, at, keyOf)) {
    const baseList = Array.isArray(base) && keyedList(base, at, keyOf) ? base : [];
    return mergeLists(baseList, mine, theirs, at, keyOf, conflicts);
  }
  conflicts.push({ where: at.where || '(the whole file)', mine: mine === ABSENT ? null : mine, theirs: theirs === ABSENT ? null : theirs });
  // Nothing is lost: a side that removed what the other changed keeps the changed one.
  return mine === ABSENT ? theirs : mine;
}

function mergeMaps(base: Record<string, Value>, mine: Record<string, Value>, theirs: Record<string, Value>, at: At, keyOf: KeyOf, conflicts: EntryConflict[]): Value {
  const out: Record<string, Value> = {};
  const keys = [...Object.keys(mine), ...Object.keys(theirs).filter((key) => !(key in mine))];
  for (const key of keys) {
    const value = mergeValue(key in base ? base[key] : ABSENT, key in mine ? mine[key] : ABSENT, key in theirs ? theirs[key] : ABSENT, child(at, key), keyOf, conflicts);
    if (value !== ABSENT) out[key] = value;
  }
  return out;
}

function child(at: At, key: string): At {
  return { listPath: at.listPath ? `${at.listPath}.${key}` : key, where: at.where ? `${at.where}.${key}` : key };
}

function keyedList(list: Value[], at: At, keyOf: KeyOf): boolean {
  const keys = list.map((entry) => keyOf(at.listPath, entry));
  return keys.every((key) => key !== undefined) && new Set(keys).size === keys.length;
}

/** Entries in this side's order, the other side's new ones after the entry they followed there. */
function mergeLists(base: Value[], mine: Value[], theirs: Value[], at: At, keyOf: KeyOf, conflicts: EntryConflict[]): Value[] {
  const index = (list: Value[]) => new Map(list.map((entry) => [keyOf(at.listPath, entry) as string, entry]));
  const [b, m, t] = [index(base), index(mine), index(theirs)];
  const order = [...m.keys()];
  let previous: string | null = null;
  for (const key of t.keys()) {
    if (!m.has(key)) order.splice(previous === null ? 0 : order.indexOf(previous) + 1, 0, key);
    previous = key;
  }
  const out: Value[] = [];
  for (const key of order) {
    const where = { listPath: at.listPath, where: `${at.where}[${key}]` };
    const value = mergeValue(b.has(key) ? b.get(key) : ABSENT, m.has(key) ? m.get(key) : ABSENT, t.has(key) ? t.get(key) : ABSENT, where, keyOf, conflicts);
    if (value !== ABSENT) out.push(value);
  }
  return out;
}

const field = (entry: Value, name: string): string | undefined => {
  if (!isMap(entry)) return undefined;
  const value = entry[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};

/**
 * The keys of the roster file (docs/roster-format.md): people by handle, teams,
 * schedules, layers and policies by name, an override by who covers and from
 * when (two overrides for the same start are one conflict, never merged).
 */
export const rosterKeys: KeyOf = (listPath, entry) => {
  switch (listPath) {
    case 'people':
      return field(entry, 'handle');
    case 'teams':
    case 'teams.schedules':
    case 'teams.schedules.layers':
    case 'teams.escalation_policies':
      return field(entry, 'name');
    case 'teams.schedules.overrides': {
      const start = field(entry, 'start');
      return start === undefined ? undefined : `from ${start}`;
    }
    default:
      return undefined;
  }
};

/** The keys of `windows.yaml` and of other per-entry files: an entry's `id`, else its `name`. */
export const idOrNameKeys: KeyOf = (listPath, entry) => (listPath.includes('.') ? undefined : (field(entry, 'id') ?? field(entry, 'name')));

/** An incident's fields are merged one by one; none of them is a list of entries. */
export const noKeys: KeyOf = () => undefined;
