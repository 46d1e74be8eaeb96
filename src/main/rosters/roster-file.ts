import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { formatIssuePath, READABLE_FILE } from '../../shared/issue-words';
import { CONTACT_KINDS, isIsoDate, isIsoInstant, WEEKDAYS, type ContactMethod, type Weekday } from '../../shared/rosters';
import { HoldfastError } from '../errors';
import { isClock, isKnownZone, MAX_SHIFT_DAYS, SHIFT, shiftTooLong } from './time';

/** A roster as the YAML file states it, checked and normalized, before it touches the store. */
export interface RosterDocument {
  people: { handle: string; name: string; timeZone: string; contacts: ContactMethod[] }[];
  teams: {
    name: string;
    services: string[];
    schedules: {
      name: string;
      timeZone: string;
      layers: {
        name: string;
        members: string[];
        shiftLength: number;
        shiftUnit: 'hours' | 'days' | 'weeks';
        handoffTime: string;
        handoffDay: Weekday | null;
        startDate: string;
        restrictions: { days: Weekday[]; start: string; end: string }[];
      }[];
      overrides: { person: string; start: string; end: string; note: string }[];
    }[];
    escalationPolicies: {
      name: string;
      repeat: number;
      levels: { waitMinutes: number; targets: ({ schedule: string } | { person: string })[] }[];
    }[];
  }[];
}

const SHIFT_UNITS = { h: 'hours', d: 'days', w: 'weeks' } as const;
const DAY_NAMES = new Map<string, Weekday>(WEEKDAYS.flatMap((day) => [[day, day], [day.slice(0, 3), day]] as [string, Weekday][]));

const text = z.string().trim().min(1);
const day = z.string().transform((value, context) => {
  const found = DAY_NAMES.get(value.trim().toLowerCase());
  if (!found) context.addIssue({ code: 'custom', message: `"${value}" is not a weekday (monday…sunday or mon…sun)` });
  return found ?? 'monday';
});
const clock = (allowEndOfDay = false) =>
  z.string().refine((value) => isClock(value.trim(), allowEndOfDay), {
    error: (issue) => `"${String(issue.input)}" is not a time of day; use HH:MM on a 24-hour clock, e.g. "09:00"`,
  });
const zone = z.string().refine(isKnownZone, {
  error: (issue) => `"${String(issue.input)}" is not a time zone the tz database knows (e.g. Europe/London)`,
});
const date = z.string().refine(isIsoDate, {
  error: (issue) => `"${String(issue.input)}" is not a date on the calendar; write a real day as YYYY-MM-DD, e.g. 2026-01-05`,
});
/** An ISO-8601 instant with its zone or offset, naming a real day and time. */
const isInstant = isIsoInstant;
const instant = z.string().refine(isInstant, {
  error: (issue) => `"${String(issue.input)}" is not an instant on the calendar; write an ISO-8601 instant with a zone, e.g. 2026-12-24T17:00:00Z`,
});

const contact = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .transform((entry, context): ContactMethod => {
    const [kind, value] = Object.entries(entry)[0] ?? [];
    if (Object.keys(entry).length !== 1 || !kind || !(CONTACT_KINDS as readonly string[]).includes(kind)) {
      context.addIssue({ code: 'custom', message: `a contact is one of ${CONTACT_KINDS.join(', ')} with its value, e.g. phone: "+1 555 0100"` });
    }
    return { kind: kind as ContactMethod['kind'], value: String(value ?? '') };
  });

const FileSchema = z
  .object({
    people: z
      .array(
        z
          .object({ handle: text, name: text, time_zone: zone, contacts: z.array(contact).default([]) })
          .strict(),
      )
      .default([]),
    teams: z
      .array(
        z
          .object({
            name: text,
            services: z.array(text).default([]),
            schedules: z
              .array(
                z
                  .object({
                    name: text,
                    time_zone: zone,
                    layers: z
                      .array(
                        z
                          .object({
                            name: text,
                            members: z.array(text).min(1, 'a rotation needs at least one member'),
                            shift: z.string().refine((value) => SHIFT.test(value.trim()), {
                              error: (issue) => `"${String(issue.input)}" is not a shift length; write e.g. "12 hours", "1 day" or "1 week"`,
                            }),
                            handoff: clock(),
                            handoff_day: day.optional(),
                            start: date,
                            restrictions: z
                              .array(z.object({ days: z.array(day).min(1), from: clock(), to: clock(true) }).strict())
                              .default([]),
                          })
                          .strict(),
                      )
                      .min(1, 'a schedule needs at least one layer'),
                    overrides: z
                      .array(z.object({ person: text, start: instant, end: instant, note: z.string().default('') }).strict())
                      .default([]),
                  })
                  .strict(),
              )
              .default([]),
            escalation_policies: z
              .array(
                z
                  .object({
                    name: text,
                    repeat: z.number().int().min(0).max(10).default(0),
                    levels: z
                      .array(
                        z
                          .object({
                            wait_minutes: z.number().int().min(0).max(1440),
                            targets: z
                              .array(z.union([z.object({ schedule: text }).strict(), z.object({ person: text }).strict()]))
                              .min(1, 'a level needs at least one target'),
                          })
                          .strict(),
                      )
                      .min(1, 'a policy needs at least one level'),
                  })
                  .strict(),
              )
              .default([]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

type FileShape = z.output<typeof FileSchema>;

export interface RosterProblem {
  /** Where in the file, as a path: teams[0].schedules[1].layers[0].handoff */
  path: string;
  line: number | null;
  message: string;
}

/**
 * Reads and checks a whole roster file. Every problem is collected (with its
 * path and line) and the file is refused whole if there is any.
 */
export function parseRosterFile(source: string, fileName: string): RosterDocument {
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
  if (document.errors.length > 0) {
    throw rosterError(
      fileName,
      document.errors.map((error) => ({ path: '', line: lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? 'invalid YAML' })),
    );
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // An alias to an anchor that is not there (or too many aliases): the YAML library says so only by throwing.
    const message = error instanceof Error ? error.message : String(error);
    const alias = /: (\S+)$/.exec(message)?.[1];
    const at = alias ? source.indexOf(`*${alias}`) : -1;
    throw rosterError(fileName, [{ path: '', line: at === -1 ? 1 : lines.linePos(at).line, message }]);
  }
  if (isEmptyDocument(value)) {
    // Importing makes the roster what the file says: read as "no people, no teams", an empty file would remove everything.
    throw new HoldfastError(
      'VALIDATION',
      `${fileName} has no roster in it (it is empty, or holds only comments), so it was not imported; nothing was changed.`,
      'path',
      [`${fileName}:1: a roster file lists people and teams (docs/roster-format.md). To empty the roster on purpose, write "people: []" and "teams: []".`],
    );
  }
  // The shape and the cross-references are both checked before refusing, so one attempt lists every problem.
  const parsed = FileSchema.safeParse(value, READABLE_FILE);
  const shapeProblems = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  const problems = [...shapeProblems, ...checkReferences(value)].map(({ path, message }) => ({
    path: formatIssuePath(path),
    line: lineOf(document, lines, path),
    message,
  }));
  if (problems.length > 0 || !parsed.success) throw rosterError(fileName, problems);
  return normalize(parsed.data);
}

/** A document with nothing in it: no text, only comments, a lone `---`, or a mapping with no keys. */
const isEmptyDocument = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/** The entries of a list in the file, or none if it is not a list (the shape check reports that). */
const entries = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A key of a mapping in the file, or undefined if there is no such mapping. */
const key = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
/** A non-empty name as the shape check reads it (trimmed), or undefined if it is not one (the shape check reports that). */
const nameOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Cross-checks a file's parts against each other: names, members, targets,
 * overlapping overrides. It reads the file as loaded, not as the shape check
 * accepted it, so these problems are listed even when the file also has
 * problems of shape; a part whose shape is wrong is left to the shape check.
 */
function checkReferences(file: unknown): { path: PropertyKey[]; message: string }[] {
  const problems: { path: PropertyKey[]; message: string }[] = [];
  const handles = new Set<string>();
  entries(key(file, 'people')).forEach((person, i) => {
    const handle = nameOf(key(person, 'handle'));
    if (handle === undefined) return;
    if (handles.has(handle)) problems.push({ path: ['people', i, 'handle'], message: `"${handle}" is the handle of two people` });
    handles.add(handle);
  });
  const unknownPerson = (handle: string) => `"${handle}" is not the handle of anyone under people`;
  const teams = entries(key(file, 'teams'));
  const teamNames = new Set<string>();
  const scheduleNames = new Set<string>();
  teams.forEach((team, t) => {
    const teamName = nameOf(key(team, 'name'));
    if (teamName !== undefined && teamNames.has(teamName)) problems.push({ path: ['teams', t, 'name'], message: `"${teamName}" names two teams` });
    if (teamName !== undefined) teamNames.add(teamName);
    entries(key(team, 'schedules')).forEach((schedule, s) => {
      const at = ['teams', t, 'schedules', s];
      const scheduleName = nameOf(key(schedule, 'name'));
      if (scheduleName !== undefined && scheduleNames.has(scheduleName)) problems.push({ path: [...at, 'name'], message: `"${scheduleName}" names two schedules` });
      if (scheduleName !== undefined) scheduleNames.add(scheduleName);
      entries(key(schedule, 'layers')).forEach((layer, l) => {
        entries(key(layer, 'members')).forEach((value, m) => {
          const member = nameOf(value);
          if (member !== undefined && !handles.has(member)) problems.push({ path: [...at, 'layers', l, 'members', m], message: unknownPerson(member) });
        });
        const shift = key(layer, 'shift');
        const [, amount, unit] = (typeof shift === 'string' && SHIFT.exec(shift.trim())) || [];
        if (unit?.charAt(0).toLowerCase() === 'w' && key(layer, 'handoff_day') === undefined) {
          problems.push({ path: [...at, 'layers', l, 'handoff_day'], message: 'a weekly rotation needs handoff_day (the weekday of the handoff)' });
        }
        if (amount !== undefined && Number(amount) === 0) problems.push({ path: [...at, 'layers', l, 'shift'], message: 'a shift cannot be zero long' });
        if (amount !== undefined && unit !== undefined && shiftTooLong(Number(amount), SHIFT_UNITS[unit.charAt(0).toLowerCase() as 'h' | 'd' | 'w'])) {
          problems.push({ path: [...at, 'layers', l, 'shift'], message: `"${String(shift)}" is longer than a year (${MAX_SHIFT_DAYS} days); write the shift each person takes, e.g. "1 week"` });
        }
      });
      const overrides = entries(key(schedule, 'overrides')).map((override, o) => ({
        o,
        person: nameOf(key(override, 'person')),
        start: key(override, 'start'),
        end: key(override, 'end'),
      }));
      overrides.forEach(({ o, person }) => {
        if (person !== undefined && !handles.has(person)) problems.push({ path: [...at, 'overrides', o, 'person'], message: unknownPerson(person) });
      });
      // Spans are compared only where both instants are well formed (the shape check reports the others).
      const spans = overrides
        .flatMap(({ o, person, start, end }) => (isInstant(start) && isInstant(end) ? [{ o, person: person ?? '?', start, end }] : []))
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      spans.forEach((span, index) => {
        if (Date.parse(span.end) <= Date.parse(span.start)) problems.push({ path: [...at, 'overrides', span.o, 'end'], message: 'an override must end after it starts' });
        const previous = spans[index - 1];
        if (previous && Date.parse(previous.end) > Date.parse(span.start)) {
          problems.push({
            path: [...at, 'overrides', span.o],
            message: `overlaps the override of ${previous.person} (${previous.start} to ${previous.end}); overrides on one schedule cannot overlap`,
          });
        }
      });
    });
  });
  teams.forEach((team, t) => {
    entries(key(team, 'escalation_policies')).forEach((policy, p) => {
      entries(key(policy, 'levels')).forEach((level, l) => {
        entries(key(level, 'targets')).forEach((target, g) => {
          const at = ['teams', t, 'escalation_policies', p, 'levels', l, 'targets', g];
          const schedule = nameOf(key(target, 'schedule'));
          const person = nameOf(key(target, 'person'));
          if (schedule !== undefined && !scheduleNames.has(schedule)) problems.push({ path: [...at, 'schedule'], message: `"${schedule}" is not a schedule in this roster` });
          if (person !== undefined && !handles.has(person)) problems.push({ path: [...at, 'person'], message: unknownPerson(person) });
        });
      });
    });
  });
  return problems;
}

function normalize(file: FileShape): RosterDocument {
  return {
    people: file.people.map((person) => ({ handle: person.handle, name: person.name, timeZone: person.time_zone, contacts: person.contacts })),
    teams: file.teams.map((team) => ({
      name: team.name,
      services: team.services,
      schedules: team.schedules.map((schedule) => ({
        name: schedule.name,
        timeZone: schedule.time_zone,
        layers: schedule.layers.map((layer) => {
          const [, amount, unit] = SHIFT.exec(layer.shift.trim()) ?? [];
          const shiftUnit = SHIFT_UNITS[(unit ?? 'd').charAt(0).toLowerCase() as 'h' | 'd' | 'w'];
          return {
            name: layer.name,
            members: layer.members,
            shiftLength: Number(amount),
            shiftUnit,
            handoffTime: layer.handoff.trim(),
            handoffDay: layer.handoff_day ?? null,
            startDate: layer.start,
            restrictions: layer.restrictions.map((r) => ({ days: r.days, start: r.from.trim(), end: r.to.trim() })),
          };
        }),
        overrides: schedule.overrides.map((o) => ({ person: o.person, start: o.start, end: o.end, note: o.note })),
      })),
      escalationPolicies: team.escalation_policies.map((policy) => ({
        name: policy.name,
        repeat: policy.repeat,
        levels: policy.levels.map((level) => ({ waitMinutes: level.wait_minutes, targets: level.targets })),
      })),
    })),
  };
}

function rosterError(fileName: string, problems: RosterProblem[]): HoldfastError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const inFileOrder = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const named = (problem: RosterProblem) => problem.message.startsWith(`\`${problem.path}\``);
  const details = inFileOrder.map((problem) => `${fileName}${problem.line ? `:${problem.line}` : ''}: ${problem.path && !named(problem) ? `${problem.path}: ` : ''}${problem.message}`);
  return new HoldfastError('VALIDATION', `The roster was not imported (${count}); nothing was changed.`, undefined, details);
}

/** The line of the YAML node at a path, or of its nearest ancestor that exists. */
function lineOf(document: Document, lines: LineCounter, path: readonly PropertyKey[]): number | null {
  for (let length = path.length; length >= 0; length -= 1) {
    const node: unknown = length === 0 ? document.contents : document.getIn(path.slice(0, length) as (string | number)[], true);
    if (node && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: [number, number, number] }).range;
      if (range) return lines.linePos(range[0]).line;
    }
    if (isMap(node) || isSeq(node)) continue;
  }
  return null;
}
