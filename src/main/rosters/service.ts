import path from 'node:path';
import type { z } from 'zod';
import type {
  CreateOverrideInput,
  EscalationStep,
  IcalInput,
  LoadReportInput,
  LoadReportRow,
  OnCallEntry,
  Override,
  Person,
  Roster,
  RosterCounts,
  RosterImportReport,
  Schedule,
  ScheduleShiftsInput,
  ScheduleTimeline,
  TeamBoard,
  WhoIsOnCallInput,
} from '../../shared/rosters';
import type { Clock } from '../core/clock';
import { FILE_LIMITS, type FileLimit } from '../../shared/limits';
import { HoldfastError } from '../errors';
import { readLimitedText } from '../files/read-limited';
import type { Store } from '../store/open';
import { calendarShifts, finalShifts, layerSpans, toShift } from './final-schedule';
import { loadReport } from './load-report';
import { onCallAt } from './oncall';
import { RosterRepo } from './repo';
import type { RosterDocument } from './roster-file';
import type * as RosterFiles from './roster-files';
import { unreadableSchedule } from './stored';
import { epochMsOf, isoUtc, Temporal, toInstant } from './time';

/** A checked roster file and what importing it would do. */
export interface RosterImportPlan {
  document: RosterDocument;
  report: RosterImportReport;
}

/** The on-call operations: answers computed from the roster at any instant, offline. */
export class RosterService {
  private readonly repo: RosterRepo;

  constructor(
    db: Store,
    private readonly clock: Clock,
    /** The roster file's reader and writer (YAML), loaded apart from the rest (./roster-files.ts). */
    private readonly files: () => typeof RosterFiles,
  ) {
    this.repo = new RosterRepo(db);
  }

  roster(): Roster {
    return this.repo.roster();
  }

  /**
   * Reads and checks a roster file and works out what importing it would do:
   * what the roster would hold, and what in the store the file no longer has.
   * Nothing is changed; `apply` stores it.
   */
  planImport(file: string): RosterImportPlan {
    const document = this.files().parseRosterFile(readFile(file, FILE_LIMITS.roster), path.basename(file));
    const before = this.repo.roster();
    const schedules = document.teams.flatMap((t) => t.schedules);
    const names = {
      people: new Set(document.people.map((p) => p.handle)),
      teams: new Set(document.teams.map((t) => t.name)),
      schedules: new Set(schedules.map((s) => s.name)),
      policies: new Set(document.teams.flatMap((t) => t.escalationPolicies.map((p) => `${t.name}\n${p.name}`))),
      overrides: new Set(schedules.flatMap((s) => s.overrides.map((o) => `${s.name}\n${o.person}\n${o.start}\n${o.end}`))),
    };
    const removedNames = {
      people: before.people.filter((p) => !names.people.has(p.handle)).map((p) => `${p.name} (${p.handle})`),
      teams: before.teams.filter((t) => !names.teams.has(t.name)).map((t) => t.name),
      schedules: before.schedules.filter((s) => !names.schedules.has(s.name)).map((s) => s.name),
      overrides: before.overrides
        .filter((o) => !names.overrides.has(`${o.schedule}\n${o.person}\n${o.start}\n${o.end}`))
        .map((o) => `${o.person} on ${o.schedule}, ${o.start} to ${o.end}`),
      escalationPolicies: before.escalationPolicies.filter((p) => !names.policies.has(`${p.team}\n${p.name}`)).map((p) => `${p.name} (${p.team})`),
    };
    const removed: RosterCounts = {
      people: removedNames.people.length,
      teams: removedNames.teams.length,
      schedules: removedNames.schedules.length,
      overrides: removedNames.overrides.length,
      escalationPolicies: removedNames.escalationPolicies.length,
    };
    const report: RosterImportReport = {
      people: document.people.length,
      teams: document.teams.length,
      schedules: schedules.length,
      overrides: schedules.reduce((count, s) => count + s.overrides.length, 0),
      escalationPolicies: document.teams.reduce((count, t) => count + t.escalationPolicies.length, 0),
      removed,
      removedNames,
      backup: null,
      dryRun: true,
    };
    return { document, report };
  }

  /** Makes the store's roster what a planned import says; `backup` is the copy taken before, if any. */
  apply(plan: RosterImportPlan, backup: string | null): RosterImportReport {
    this.repo.replaceWith(plan.document, this.clock.now());
    return { ...plan.report, backup, dryRun: false };
  }

  /** Empties the roster: no people, teams, schedules or overrides. */
  clear(): void {
    this.repo.replaceWith({ people: [], teams: [] }, this.clock.now());
  }

  exportYaml(): string {
    return this.files().rosterToYaml(this.repo.roster());
  }

  /** Reads the CSV with csv-parse, loaded here rather than at every command's start. */
  async importPeopleCsv(file: string): Promise<number> {
    const { parsePeopleCsv } = await import('./people-csv');
    const people = parsePeopleCsv(readFile(file, FILE_LIMITS.peopleCsv), path.basename(file));
    this.repo.upsertPeople(people);
    return people.length;
  }

  whoIsOnCall(input: z.output<typeof WhoIsOnCallInput>): OnCallEntry[] {
    const roster = this.repo.roster();
    const at = input.at ? toInstant(input.at) : Temporal.Instant.fromEpochMilliseconds(this.clock.now().getTime());
    const team = input.team === undefined ? undefined : findTeam(roster, input.team);
    const schedules = input.schedule !== undefined ? [findSchedule(roster, input.schedule)] : roster.schedules.filter((s) => !team || s.team === team);
    return schedules.map((schedule) => onCallEntry(roster, schedule, at));
  }

  timeline(input: z.output<typeof ScheduleShiftsInput>): ScheduleTimeline {
    const roster = this.repo.roster();
    const schedule = workable(findSchedule(roster, input.schedule));
    const people = byHandle(roster.people);
    const from = toInstant(input.from);
    const to = toInstant(input.to);
    const overrides = overridesOf(roster, schedule);
    return {
      schedule,
      from: isoUtc(from.epochMilliseconds),
      to: isoUtc(to.epochMilliseconds),
      final: finalShifts(schedule, overrides, people, from, to),
      layers: layerSpans(schedule, from.epochMilliseconds, to.epochMilliseconds).map(({ name, spans }) => ({
        name,
        shifts: spans.map((span) => toShift({ ...span, source: 'layer', layer: name }, people)),
      })),
      overrides: overrides.filter((o) => Date.parse(o.end) > from.epochMilliseconds && Date.parse(o.start) < to.epochMilliseconds),
    };
  }

  /** Each team's on-call and escalation chain at an instant; `teams` limits it to the teams named (the rest is not computed). */
  nowBoard(atIso: string | undefined, teams?: ReadonlySet<string>): TeamBoard[] {
    const roster = this.repo.roster();
    const at = atIso ? toInstant(atIso) : Temporal.Instant.fromEpochMilliseconds(this.clock.now().getTime());
    const people = byHandle(roster.people);
    // Worked out per schedule when first needed: a team's own schedules, and those its escalation policy pages.
    const entries = new Map<string, OnCallEntry | undefined>();
    const schedules = new Map(roster.schedules.map((schedule) => [schedule.name, schedule]));
    const onCall = {
      get(name: string): OnCallEntry | undefined {
        if (!entries.has(name)) {
          const schedule = schedules.get(name);
          entries.set(name, schedule && onCallEntry(roster, schedule, at));
        }
        return entries.get(name);
      },
    };
    return roster.teams.filter((team) => !teams || teams.has(team.name)).map((team) => {
      const policy = roster.escalationPolicies.find((p) => p.team === team.name);
      const steps: EscalationStep[] | undefined = policy?.levels.map((level, index) => ({
        level: index + 1,
        waitMinutes: level.waitMinutes,
        people: level.targets.flatMap((target) => {
          if ('person' in target) {
            const person = people.get(target.person);
            return person ? [{ ...person, via: 'directly' }] : [];
          }
          const handle = onCall.get(target.schedule)?.person?.handle;
          const person = handle ? people.get(handle) : undefined;
          return person ? [{ ...person, via: target.schedule }] : [];
        }),
      }));
      return {
        team,
        onCall: roster.schedules.filter((s) => s.team === team.name).flatMap((s) => onCall.get(s.name) ?? []),
        escalation: policy && steps ? { policy: policy.name, repeat: policy.repeat, steps } : null,
      };
    });
  }

  createOverride(input: z.output<typeof CreateOverrideInput>): Override {
    const roster = this.repo.roster();
    const schedule = findSchedule(roster, input.schedule);
    const personId = this.repo.personId(input.person);
    if (personId === undefined) throw new HoldfastError('NOT_FOUND', `Nobody has the handle "${input.person}".`, 'person');
    const start = isoUtc(epochMsOf(input.start));
    const end = isoUtc(epochMsOf(input.end));
    const clash = this.repo.overlappingOverrides(schedule.id, start, end)[0];
    if (clash) {
      throw new HoldfastError(
        'CONFLICT',
        `${schedule.name} already has an override then: ${clash.person} from ${clash.start} to ${clash.end}. Overrides on one schedule cannot overlap; change or remove that one first.`,
        'start',
      );
    }
    const id = this.repo.insertOverride({ scheduleId: schedule.id, personId, start, end, note: input.note }, this.clock.now());
    return { id, schedule: schedule.name, person: input.person, start, end, note: input.note };
  }

  deleteOverride(id: number): void {
    if (!this.repo.deleteOverride(id)) throw new HoldfastError('NOT_FOUND', `No override with id ${id}.`, 'id');
  }

  /** Writes the calendar with ical.js, loaded here rather than at every command's start. */
  async ical(input: z.output<typeof IcalInput>): Promise<string> {
    const { shiftsToIcal } = await import('./ical');
    const roster = this.repo.roster();
    const schedule = workable(findSchedule(roster, input.schedule));
    if (input.person !== undefined && !roster.people.some((person) => person.handle === input.person)) {
      throw new HoldfastError('NOT_FOUND', `Nobody has the handle "${input.person}".`, 'person');
    }
    const now = Temporal.Instant.fromEpochMilliseconds(this.clock.now().getTime());
    const to = now.toZonedDateTimeISO(schedule.timeZone).add({ months: input.months }).toInstant();
    // Whole shifts (not cut at "now" or at the horizon), so each one's UID, start and end stay the same from one fetch to the next.
    const shifts = calendarShifts(schedule, overridesOf(roster, schedule), byHandle(roster.people), now.epochMilliseconds, to.epochMilliseconds);
    const wanted = shifts.filter((shift) => !input.person || shift.person?.handle === input.person);
    return shiftsToIcal(schedule.name, wanted, this.clock.now());
  }

  loadReport(input: z.output<typeof LoadReportInput>): LoadReportRow[] {
    const roster = this.repo.roster();
    const team = input.team === undefined ? undefined : findTeam(roster, input.team);
    const people = byHandle(roster.people);
    const from = toInstant(input.from);
    const to = toInstant(input.to);
    const shifts = roster.schedules
      .filter((schedule) => !team || schedule.team === team)
      .map(workable)
      .flatMap((schedule) => finalShifts(schedule, overridesOf(roster, schedule), people, from, to));
    return loadReport(shifts, people, input.from, input.to);
  }
}

function readFile(file: string, limit: FileLimit): string {
  try {
    return readLimitedText(file, limit);
  } catch (error) {
    if (error instanceof HoldfastError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new HoldfastError('IO', `Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code)}.`, 'path');
  }
}

const handles = new WeakMap<Person[], Map<string, Person>>();
const bySchedule = new WeakMap<Override[], Map<string, Override[]>>();

/** People by handle; worked out once per roster read. */
const byHandle = (people: Person[]): Map<string, Person> => {
  let map = handles.get(people);
  if (!map) handles.set(people, (map = new Map(people.map((person) => [person.handle, person]))));
  return map;
};

/** One schedule's overrides; the roster's overrides are grouped once per roster read. */
const overridesOf = (roster: Roster, schedule: Schedule): Override[] => {
  let groups = bySchedule.get(roster.overrides);
  if (!groups) {
    groups = new Map();
    for (const override of roster.overrides) {
      const list = groups.get(override.schedule);
      if (list) list.push(override);
      else groups.set(override.schedule, [override]);
    }
    bySchedule.set(roster.overrides, groups);
  }
  return groups.get(schedule.name) ?? [];
};

/** Who is on call in one schedule; a schedule whose stored values cannot be worked with says so instead of naming anyone. */
function onCallEntry(roster: Roster, schedule: Schedule, at: Temporal.Instant): OnCallEntry {
  if (schedule.problem !== undefined) {
    const instant = isoUtc(at.epochMilliseconds);
    const problem = unreadableSchedule(schedule.name, schedule.problem);
    return { team: schedule.team, schedule: schedule.name, person: null, start: instant, end: instant, source: 'unknown', next: null, problem };
  }
  return { team: schedule.team, ...onCallAt(schedule, overridesOf(roster, schedule), byHandle(roster.people), at) };
}

/** The schedule, if its shifts can be worked out; otherwise a clear error naming what is wrong in the store. */
function workable(schedule: Schedule): Schedule {
  if (schedule.problem !== undefined) throw new HoldfastError('CONFLICT', unreadableSchedule(schedule.name, schedule.problem), 'schedule');
  return schedule;
}

function findSchedule(roster: Roster, ref: string | number): Schedule {
  const found = roster.schedules.find((s) => s.id === Number(ref) || s.name === String(ref)) ?? roster.schedules.find((s) => s.name.toLowerCase() === String(ref).toLowerCase());
  if (!found) {
    const known = roster.schedules.map((s) => s.name).join(', ') || 'none yet';
    throw new HoldfastError('NOT_FOUND', `No schedule "${ref}". Schedules: ${known}.`, 'schedule');
  }
  return found;
}

function findTeam(roster: Roster, ref: string | number): string {
  const found = roster.teams.find((t) => t.id === Number(ref) || t.name === String(ref)) ?? roster.teams.find((t) => t.name.toLowerCase() === String(ref).toLowerCase());
  if (!found) {
    const known = roster.teams.map((t) => t.name).join(', ') || 'none yet';
    throw new HoldfastError('NOT_FOUND', `No team "${ref}". Teams: ${known}.`, 'team');
  }
  return found.name;
}
