/**
 * Overrides ("cover this shift") added on two machines for the same schedule
 * whose times overlap: each is a different entry, so a per-entry merge would
 * keep both and leave the schedule saying two people cover one hour. Such a
 * pair is a conflict a person settles, never resolved automatically.
 */
interface Override {
  person?: unknown;
  start?: unknown;
  end?: unknown;
}

export interface OverrideClash {
  where: string;
  mine: Override;
  theirs: Override;
}

type Doc = { teams?: { name?: unknown; schedules?: { name?: unknown; overrides?: Override[] }[] }[] } | null | undefined;

const asDoc = (value: unknown): Doc => (typeof value === 'object' && value !== null ? (value) : null);
const keyOf = (override: Override): string => `${String(override.start)}`;
const span = (override: Override): [number, number] => [Date.parse(String(override.start)), Date.parse(String(override.end))];

/** Every schedule's overrides, by `team/schedule`. */
function overridesBySchedule(value: unknown): Map<string, Override[]> {
  const out = new Map<string, Override[]>();
  for (const team of asDoc(value)?.teams ?? []) {
    for (const schedule of team.schedules ?? []) out.set(`${String(team.name)}/${String(schedule.name)}`, Array.isArray(schedule.overrides) ? schedule.overrides : []);
  }
  return out;
}

/** Pairs of overrides, one new on each side, in one schedule, whose times overlap. */
export function overlappingOverrides(base: unknown, mine: unknown, theirs: unknown): OverrideClash[] {
  const [b, m, t] = [overridesBySchedule(base), overridesBySchedule(mine), overridesBySchedule(theirs)];
  const clashes: OverrideClash[] = [];
  for (const [schedule, mineList] of m) {
    const known = new Set((b.get(schedule) ?? []).map(keyOf));
    const newMine = mineList.filter((override) => !known.has(keyOf(override)));
    const newTheirs = (t.get(schedule) ?? []).filter((override) => !known.has(keyOf(override)));
    for (const one of newMine) {
      for (const other of newTheirs) {
        if (keyOf(one) === keyOf(other)) continue; // the same start is one entry: the per-entry merge lists it
        const [s1, e1] = span(one);
        const [s2, e2] = span(other);
        if (s1 < e2 && s2 < e1) {
          const [team, name] = schedule.split('/');
          clashes.push({ where: `teams[${team ?? ''}].schedules[${name ?? ''}].overrides`, mine: one, theirs: other });
        }
      }
    }
  }
  return clashes;
}

/** The document without the given overrides (matched by start): what choosing one side of a clash leaves. */
export function withoutOverrides(value: unknown, drop: readonly Override[]): unknown {
  const starts = new Set(drop.map(keyOf));
  const doc = asDoc(value);
  if (!doc?.teams) return value;
  return {
    ...doc,
    teams: doc.teams.map((team) => ({
      ...team,
      ...(team.schedules ? { schedules: team.schedules.map((schedule) => (schedule.overrides ? { ...schedule, overrides: schedule.overrides.filter((override) => !starts.has(keyOf(override))) } : schedule)) } : {}),
    })),
  };
}
