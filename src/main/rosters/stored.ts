import { z } from 'zod';
import { isIsoDate, isIsoInstant, WEEKDAYS, type EscalationLevel, type Layer, type Override } from '../../shared/rosters';
import { isClock, isKnownZone, shiftTooLong } from './time';

/*
 * What the store holds is checked when it is read, as a file is when it is
 * imported: a value that got in some other way (an older Holdfast, a hand edit
 * with sqlite3, a damaged page) must not break every on-call answer. A schedule
 * with such a value is marked with what is wrong, and only its answers say so.
 */

const word = (what: string) => z.string({ error: `its ${what} is missing` }).min(1, `its ${what} is empty`);

const StoredLayer = z.object({
  name: word('name'),
  members: z.array(z.string(), { error: 'its members are not a list of handles' }).min(1, 'it has no members'),
  shiftLength: z.number({ error: 'its shift length is not a number' }).int('its shift length is not a whole number').positive('its shift is zero long'),
  shiftUnit: z.enum(['hours', 'days', 'weeks'], { error: 'its shift unit is not hours, days or weeks' }),
  handoffTime: z.string().refine((value) => isClock(value), { error: (issue) => `its handoff "${String(issue.input)}" is not a time of day (HH:MM)` }),
  handoffDay: z.enum(WEEKDAYS, { error: (issue) => `its handoff day "${String(issue.input)}" is not a weekday` }).nullable(),
  startDate: z.string().refine(isIsoDate, { error: (issue) => `its start "${String(issue.input)}" is not a date on the calendar` }),
  restrictions: z.array(
    z.object({
      days: z.array(z.enum(WEEKDAYS, { error: (issue) => `a restriction's day "${String(issue.input)}" is not a weekday` })),
      start: z.string().refine((value) => isClock(value), { error: (issue) => `a restriction's start "${String(issue.input)}" is not a time of day` }),
      end: z.string().refine((value) => isClock(value, true), { error: (issue) => `a restriction's end "${String(issue.input)}" is not a time of day` }),
    }),
    { error: 'its restrictions are not a list' },
  ),
});

/** The layers of a stored schedule, and what is wrong with them (null when nothing is). */
export function readLayers(json: string): { layers: Layer[]; problem: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { layers: [], problem: 'its layers cannot be read (the stored text is not JSON)' };
  }
  if (!Array.isArray(value)) return { layers: [], problem: 'its layers cannot be read (the stored value is not a list)' };
  const layers = value as Layer[];
  for (const [index, raw] of value.entries()) {
    const name = typeof (raw as { name?: unknown } | null)?.name === 'string' ? `layer "${(raw as { name: string }).name}"` : `layer ${index + 1}`;
    const parsed = StoredLayer.safeParse(raw);
    if (!parsed.success) return { layers, problem: `${name}: ${parsed.error.issues[0]?.message ?? 'it cannot be read'}` };
    if (shiftTooLong(parsed.data.shiftLength, parsed.data.shiftUnit)) return { layers, problem: `${name}: its shift is longer than a year` };
  }
  return { layers, problem: value.length === 0 ? 'it has no layers' : null };
}

/** What is wrong with a stored schedule's zone or its overrides, or null. */
export function scheduleProblem(timeZone: string, layersProblem: string | null, overrides: Override[]): string | null {
  if (!isKnownZone(timeZone)) return `its time zone "${timeZone}" is not one the tz database knows`;
  if (layersProblem) return layersProblem;
  const bad = overrides.find((override) => !isIsoInstant(override.start) || !isIsoInstant(override.end));
  if (bad) {
    const [which, value] = isIsoInstant(bad.start) ? ['end', bad.end] : ['start', String(bad.start)];
    return `the override of ${bad.person} has the ${which} "${value}", which is not an instant on the calendar`;
  }
  return null;
}

/** The sentence every answer about a schedule with a stored problem gives, with what to do. */
export const unreadableSchedule = (schedule: string, problem: string): string =>
  `Cannot work out who is on call for ${schedule}: in the store, ${problem}. Import a corrected roster file (holdfast roster export writes what is stored now).`;

/** A list stored as JSON text, or `fallback` when the text is not one. */
export function readJsonList<T>(json: string, fallback: T[] = []): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : fallback;
  } catch {
    return fallback;
  }
}

const StoredLevels = z.array(
  z.object({
    waitMinutes: z.number(),
    targets: z.array(z.union([z.object({ schedule: z.string() }), z.object({ person: z.string() })])),
  }),
);

/**
 * A policy's stored levels. Levels that cannot be read become one level with no
 * targets, which the board shows as such, rather than a chain that looks complete.
 */
export function readLevels(json: string): EscalationLevel[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = StoredLevels.safeParse(value);
  return parsed.success ? parsed.data : [{ waitMinutes: 0, targets: [] }];
}
