import { z } from 'zod';
import { filePath } from './file-path';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CONTACT_KINDS = ['phone', 'sms', 'email', 'chat'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface ContactMethod {
  kind: ContactKind;
  value: string;
}

export interface Person {
  id: number;
  handle: string;
  name: string;
  /** IANA zone, e.g. Europe/London. */
  timeZone: string;
  /** In order of preference. */
  contacts: ContactMethod[];
}

/** A recurring window in the schedule's zone; `end` before or equal to `start` runs past midnight. */
export interface Restriction {
  days: Weekday[];
  start: string;
  end: string;
}

export type ShiftUnit = 'hours' | 'days' | 'weeks';

export interface Layer {
  name: string;
  /** Handles, in rotation order. */
  members: string[];
  shiftLength: number;
  shiftUnit: ShiftUnit;
  /** Wall-clock HH:MM in the schedule's zone. */
  handoffTime: string;
  /** For weekly shifts: the weekday of the handoff. */
  handoffDay: Weekday | null;
  /** YYYY-MM-DD: the first shift starts at the first handoff on or after this date. */
  startDate: string;
  restrictions: Restriction[];
}

export interface Schedule {
  id: number;
  name: string;
  team: string;
  timeZone: string;
  /** Lowest first; a higher layer wins wherever it has coverage. */
  layers: Layer[];
  /**
   * Set when the store holds a value this schedule cannot be worked out with (a
   * date that is not on the calendar, say): what is wrong. Its answers say so instead.
   */
  problem?: string;
}

export interface Override {
  id: number;
  schedule: string;
  /** Handle of who covers. */
  person: string;
  start: string;
  end: string;
  note: string;
}

export type EscalationTarget = { schedule: string } | { person: string };

export interface EscalationLevel {
  waitMinutes: number;
  targets: EscalationTarget[];
}

export interface EscalationPolicy {
  id: number;
  name: string;
  team: string;
  /** How many times the whole chain repeats after the last level. */
  repeat: number;
  levels: EscalationLevel[];
}

export interface Team {
  id: number;
  name: string;
  services: string[];
}

export interface Roster {
  people: Person[];
  teams: Team[];
  schedules: Schedule[];
  overrides: Override[];
  escalationPolicies: EscalationPolicy[];
}

export interface PersonRef {
  name: string;
  handle: string;
}

/** A stretch of time one person (or nobody) is on call. Instants are UTC ISO-8601. */
export interface Shift {
  start: string;
  end: string;
  person: PersonRef | null;
  source: 'layer' | 'override' | 'gap';
  /** The layer that provides the shift, for layer shifts. */
  layer: string | null;
}

export interface OnCallEntry {
  team: string;
  schedule: string;
  person: PersonRef | null;
  /** When this stretch began; null when it has no start (a gap since before anything in the schedule begins). */
  start: string | null;
  /** When it ends; null when the roster gives it no end (nobody ever takes over). Never a search limit. */
  end: string | null;
  /** `unknown`: the schedule cannot be worked out (see `problem`), so nobody is named, not even a gap. */
  source: 'layer' | 'override' | 'gap' | 'unknown';
  next: { person: PersonRef | null; start: string } | null;
  /** Why `source` is `unknown`: what is wrong with the stored schedule, and what to do. */
  problem?: string;
  /** Why `start` or `end` is null, in words. */
  boundaries?: string;
}

export interface ScheduleTimeline {
  schedule: Schedule;
  from: string;
  to: string;
  final: Shift[];
  layers: { name: string; shifts: Shift[] }[];
  overrides: Override[];
}

export interface EscalationStep {
  level: number;
  waitMinutes: number;
  /** Who each target resolves to at the instant asked about. */
  people: (Person & { via: string })[];
}

export interface TeamBoard {
  team: Team;
  onCall: OnCallEntry[];
  escalation: { policy: string; repeat: number; steps: EscalationStep[] } | null;
}

export interface RosterCounts {
  people: number;
  teams: number;
  schedules: number;
  overrides: number;
  escalationPolicies: number;
}

export interface RosterImportReport extends RosterCounts {
  /** Entities in the store that the file no longer has, and so were removed (or would be, on a dry run). */
  removed: RosterCounts;
  /** The same, by name: people by handle, overrides as "person on schedule, start to end". */
  removedNames: { [K in keyof RosterCounts]: string[] };
  /** The backup of the whole store taken before anything was removed; null when nothing was (or on a dry run). */
  backup: string | null;
  /** True when the file was only checked: the counts say what an import would do, and nothing was changed. */
  dryRun: boolean;
}

/** How many entries an import removes, all kinds together. */
export const removedCount = ({ removed }: Pick<RosterImportReport, 'removed'>): number =>
  removed.people + removed.teams + removed.schedules + removed.overrides + removed.escalationPolicies;

export interface LoadReportRow {
  person: PersonRef;
  /** Hours on call, by when they fell in the person's own zone. */
  businessHours: number;
  offHours: number;
  sleepHours: number;
  totalHours: number;
}

/** Whether year, month and day name a day the calendar has (Date.parse would roll 30 February into March). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0); // day 0 of the next month: the last day of this one
  return day <= date.getUTCDate();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i;

/** `YYYY-MM-DD` naming a real day: not 2026-13-01, not 2026-02-30. */
export function isIsoDate(value: unknown): value is string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** An ISO-8601 instant with its zone or offset, naming a real day and time (`2026-12-24T17:00:00-05:00`). */
export function isIsoInstant(value: unknown): value is string {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!match) return false;
  const [hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = match.slice(4).map((part) => Number(part ?? 0));
  return isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMinutes <= 59;
}

const isoInstant = z
  .string()
  .trim()
  .refine(isIsoInstant, { message: 'use an ISO-8601 instant with a zone that names a real day and time, e.g. 2026-11-27T03:00:00Z' });

const nameOrId = z.union([z.string().trim().min(1).max(200), z.number().int().positive()]);

export const WhoIsOnCallInput = z
  .object({ team: nameOrId.optional(), schedule: nameOrId.optional(), at: isoInstant.optional() })
  .strict()
  .refine((value) => value.team === undefined || value.schedule === undefined, {
    message: 'give a team or a schedule, not both',
    path: ['schedule'],
  });

export const ScheduleShiftsInput = z
  .object({ schedule: nameOrId, from: isoInstant, to: isoInstant })
  .strict()
  .refine((value) => Date.parse(value.to) > Date.parse(value.from), { message: 'must be after from', path: ['to'] })
  .refine((value) => Date.parse(value.to) - Date.parse(value.from) <= 400 * 86_400_000, {
    message: 'a range can be at most 400 days',
    path: ['to'],
  });

export const NowBoardInput = z.object({ at: isoInstant.optional() }).strict();

export const RosterFileInput = z.object({ path: filePath('give the roster file') }).strict();

export const ImportRosterInput = z
  .object({
    path: filePath('give the roster file'),
    /** Only check the file and report what an import would change (what it would remove above all); nothing is stored. */
    dryRun: z.boolean().default(false),
  })
  .strict();

export const ExportRosterInput = z.object({}).strict();

export const CreateOverrideInput = z
  .object({
    schedule: nameOrId,
    person: z.string().trim().min(1).max(100),
    start: isoInstant,
    end: isoInstant,
    note: z.string().trim().max(500).default(''),
  })
  .strict()
  .refine((value) => Date.parse(value.end) > Date.parse(value.start), { message: 'must be after start', path: ['end'] });

export const DeleteOverrideInput = z.object({ id: z.number().int().positive() }).strict();

export const IcalInput = z
  .object({
    schedule: nameOrId,
    person: z.string().trim().min(1).max(100).optional(),
    months: z.number().int().min(1).max(24).default(6),
  })
  .strict();

export const LoadReportInput = z
  .object({ from: isoInstant, to: isoInstant, team: nameOrId.optional() })
  .strict()
  .refine((value) => Date.parse(value.to) > Date.parse(value.from), { message: 'must be after from', path: ['to'] })
  .refine((value) => Date.parse(value.to) - Date.parse(value.from) <= 400 * 86_400_000, {
    message: 'a range can be at most 400 days',
    path: ['to'],
  });
