import { Cron } from 'croner';
import cronstrue from 'cronstrue';
import type { Window, WindowInputValue, WindowOccurrence } from '../../shared/changes';
import { formatInZone } from '../../shared/zoned-time';
import { isKnownZone, Temporal } from '../rosters/time';
import { touchingServices } from './by-service';
import { formatWindowDuration, parseWindowDuration, type WindowDuration } from './duration';
import { isoText } from './rules/context';
import { Memo } from './memo';
import { steadyOffset } from './zone-offset';

/**
 * When freeze and peak windows are in force. A recurring window is a five-field
 * cron expression read in its zone (croner does the cron and the zone), each
 * occurrence lasting its duration (see duration.ts for days against hours).
 *
 * Clock changes, decided once:
 * - An occurrence that starts in the hour the clocks skip (02:00 on a
 *   spring-forward night) starts when the clocks resume (03:00 local), and
 *   lasts its full duration from there: a freeze never gets shorter because of
 *   a clock change.
 * - An occurrence that starts in the hour the clocks repeat (01:30 on a
 *   fall-back night) starts at its first occurrence, once.
 * (croner's rule for a cron with one minute and one hour; a cron with a list or
 * a step in its hours fires on both 01:30s and none in the skipped hour.)
 * An occurrence holds its start, not its end. Occurrences overlapping a range
 * are all those that do, except for a cron firing so often, with a duration so
 * long, that hundreds overlap at once: then the latest one in force at the
 * start of the range stands for them.
 */

/** A window's cron may fire at most every 15 minutes: nothing real recurs faster, and a calendar of it would be unreadable. */
export const MIN_RECURRENCE_MINUTES = 15;
const CRON_EXAMPLE = 'use five fields, minute hour day-of-month month day-of-week, e.g. "0 18 * * 5" (Fridays 18:00)';

export interface WindowProblem {
  field: 'cron' | 'duration' | 'zone';
  message: string;
}

/** What is wrong with a window's cron, duration or zone, beyond its shape (which WindowInput checks). */
export function windowProblems(window: Pick<WindowInputValue, 'cron' | 'duration' | 'zone'>): WindowProblem[] {
  const problems: WindowProblem[] = [];
  if (window.zone !== undefined && !isKnownZone(window.zone)) {
    problems.push({ field: 'zone', message: `"${window.zone}" is not a time zone the tz database knows (e.g. Europe/London, America/New_York, UTC)` });
  }
  if (window.duration !== undefined) {
    const duration = parseWindowDuration(window.duration);
    if ('problem' in duration) problems.push({ field: 'duration', message: duration.problem });
  }
  if (window.cron !== undefined) {
    const problem = cronProblem(window.cron);
    if (problem) problems.push({ field: 'cron', message: problem });
  }
  return problems;
}

function cronProblem(expression: string): string | null {
  let cron: Cron;
  try {
    cron = new Cron(expression, { mode: '5-part', timezone: 'UTC' });
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).replace(/^Cron\w*:\s*/, '');
    return `"${expression}" is not a cron expression (${why}); ${CRON_EXAMPLE}`;
  }
  // A fixed start keeps the answer the same whenever it is asked.
  const runs = cron.nextRuns(60, new Date(Date.UTC(2026, 0, 1)));
  if (runs.length === 0) return `"${expression}" never happens: no date matches it (e.g. 31 February)`;
  for (let i = 1; i < runs.length; i++) {
    const gap = ((runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0)) / 60_000;
    if (gap < MIN_RECURRENCE_MINUTES) {
      return `"${expression}" fires every ${gap} minutes; a window may recur at most every ${MIN_RECURRENCE_MINUTES} minutes (make each occurrence longer instead)`;
    }
  }
  return null;
}

// ── occurrences ────────────────────────────────────────────────────────────

export interface CompiledWindow {
  window: Window;
  /** The occurrence in force at `t` (epoch ms), or null. Occurrences hold their start, not their end. */
  at(t: number): WindowOccurrence | null;
  /** The occurrences overlapping [from, to), in order, at most `limit`. */
  between(from: number, to: number, limit?: number): WindowOccurrence[];
}

/** More occurrences than this in one answer are left off: a calendar has no use for them. */
export const MAX_OCCURRENCES = 1000;

const DAY_MS = 86_400_000;
/** A clock change moves wall time by at most an hour or two: days this close to one are read in the zone. */
const CLOCK_CHANGE_MARGIN = 3 * 3_600_000;
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu']);

/** One-off occurrences by their from and to, kept across reads of the windows (a check reads hundreds; parsing them each time was a tenth of it). */
const oneOffs = new Memo<string, WindowOccurrence>(50_000);

const oneOffOccurrence = (window: Window): WindowOccurrence =>
  oneOffs.get(`${window.from ?? ''}\n${window.to ?? ''}`, () => ({ start: Date.parse(window.from ?? ''), end: Date.parse(window.to ?? '') }));

class OneOff implements CompiledWindow {
  constructor(
    readonly window: Window,
    private readonly occurrence: WindowOccurrence,
  ) {}
  at(t: number): WindowOccurrence | null {
    return t >= this.occurrence.start && t < this.occurrence.end ? this.occurrence : null;
  }
  between(from: number, to: number): WindowOccurrence[] {
    return this.occurrence.start < to && this.occurrence.end > from ? [this.occurrence] : [];
  }
}

interface Day {
  runs: number[];
  next: number | null;
  offset: number | null;
}

/**
 * A cron's runs in a zone, expanded once per UTC day and kept: every later
 * question about that day, whatever instant it starts from and whichever window
 * (any duration) asks it, is a binary search.
 *
 * croner takes 0.2 to 1 ms a question in a zone (each goes through Intl), and
 * a cold check asks about a day of every schedule on its services. On a day
 * whose offset from UTC does not change (a margin either side included) the
 * zone's runs are the cron's runs at that fixed offset, which croner answers
 * without Intl, 10 to 20 times faster; the zone's offset is read from the tz
 * database (zone-offset.ts). Only the days around a clock change ask croner in
 * the zone, so the skipped and repeated hours keep croner's rule above.
 */
class Runs {
  /** croner in the zone, for the days around a clock change (made when first needed). */
  private zonedCron: Cron | null = null;
  /** croner at a fixed offset from UTC, by the offset in minutes. */
  private readonly fixed = new Memo<number, Cron>(Infinity);
  /** Each expanded day's runs in order, the first run at or after its end, and the fixed offset read at (null: in the zone). */
  private readonly days = new Memo<number, Day>(20_000);

  constructor(
    private readonly expression: string,
    private readonly zone: string,
  ) {}

  /** croner in the zone (UTC has no clock changes: its fixed-offset reading gives the same runs without a trip through Intl). */
  get cron(): Cron {
    return (this.zonedCron ??= UTC_ZONES.has(this.zone) ? this.atOffset(0) : new Cron(this.expression, { mode: '5-part', timezone: this.zone }));
  }

  private atOffset(minutes: number): Cron {
    return this.fixed.get(minutes, () => new Cron(this.expression, { mode: '5-part', utcOffset: minutes }));
  }

  /** The first run strictly after `t` and before `until` (null: none), read day by day. */
  after(t: number, until: number): number | null {
    const last = Math.floor((until - 1) / DAY_MS);
    for (let index = Math.floor(t / DAY_MS); index <= last; index += 1) {
      const day = this.day(index);
      const { runs } = day;
      let low = 0;
      let high = runs.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((runs[middle] as number) <= t) low = middle + 1;
        else high = middle;
      }
      if (low < runs.length) {
        const run = runs[low] as number;
        return run < until ? run : null;
      }
      // The day's last question already found the next run: past `until`, the next day need not be read (when it is read alike).
      if (day.offset !== null && (day.next === null || day.next >= until) && this.offsetOf(index + 1) === day.offset) return null;
    }
    return null;
  }

  /** The fixed offset a day is read at; null: in the zone (a clock change is near). */
  private offsetOf(index: number): number | null {
    const start = index * DAY_MS;
    return UTC_ZONES.has(this.zone) ? 0 : steadyOffset(this.zone, start - CLOCK_CHANGE_MARGIN, start + DAY_MS + CLOCK_CHANGE_MARGIN);
  }

  /** One UTC day's runs, asked of croner once: from the day's first instant (or the day before's last run), run after run. */
  private day(index: number): Day {
    return this.days.get(index, () => this.readDay(index));
  }

  private readDay(index: number): Day {
    const start = index * DAY_MS;
    const end = start + DAY_MS;
    const offset = this.offsetOf(index);
    const cron = offset === null ? this.cron : this.atOffset(offset);
    const runs: number[] = [];
    // The day before, read the same way, already says where this day's first run is (one question fewer a day).
    const before = this.days.peek(index - 1);
    let run = before && before.offset === offset && offset !== null ? before.next : (cron.nextRun(new Date(start - 1))?.getTime() ?? null);
    while (run !== null && run < end) {
      runs.push(run);
      run = cron.nextRun(new Date(run))?.getTime() ?? null;
    }
    return { runs, next: run, offset };
  }
}

/** Runs by cron and zone, kept across reads of the windows (the store gives new objects each time). */
const runsByCron = new Memo<string, Runs>(1000);

const runsOf = (expression: string, zone: string): Runs => runsByCron.get(`${expression}\n${zone}`, () => new Runs(expression, zone));

/**
 * A cron in a zone with a duration. Occurrences are found walking forward
 * from one duration before the range (occurrences that started earlier cannot
 * reach into it).
 */
class Recurrence {
  private readonly ends = new Memo<number, number>(50_000);
  /** The longest an occurrence can last: a calendar day is at most 25 hours (26 to be safe). */
  private readonly longest: number;

  constructor(
    private readonly runs: Runs,
    private readonly zone: string,
    private readonly duration: WindowDuration,
  ) {
    this.longest = duration.days * 26 * 3_600_000 + duration.ms;
  }

  /** The occurrences overlapping [from, to), by start, at most `limit`. */
  between(from: number, to: number, limit: number): WindowOccurrence[] {
    let out: WindowOccurrence[] = [];
    let run = this.runs.after(from - this.longest - 1, to);
    let before = 0;
    while (run !== null && run < to && out.length < limit) {
      // A cron that fires often with a long duration has thousands of runs before `from`: only the
      // latest of them can still be in force at `from` (each starts later and so ends later).
      if (run <= from && ++before > 500) {
        out = [];
        run = this.runs.cron.previousRuns(1, new Date(from + 1))[0]?.getTime() ?? null;
        before = -Infinity;
        continue;
      }
      const end = this.end(run);
      if (end > from) out.push({ start: run, end });
      run = this.runs.after(run, to);
    }
    return out;
  }

  private end(run: number): number {
    return this.ends.get(run, () => {
      const start = this.duration.days === 0 ? run : Temporal.Instant.fromEpochMilliseconds(run).toZonedDateTimeISO(this.zone).add({ days: this.duration.days }).epochMilliseconds;
      return start + this.duration.ms;
    });
  }
}

class Recurring implements CompiledWindow {
  constructor(
    readonly window: Window,
    private readonly recurrence: Recurrence,
  ) {}

  at(t: number): WindowOccurrence | null {
    return this.recurrence.between(t, t + 1, 1)[0] ?? null;
  }

  between(from: number, to: number, limit = MAX_OCCURRENCES): WindowOccurrence[] {
    return this.recurrence.between(from, to, limit);
  }
}

/** Recurrences by cron, zone and duration, kept across reads of the windows (the store gives new objects each time). */
const recurrences = new Memo<string, Recurrence>(1000);

/** Drops what croner answered so far (for tests that compare with fresh answers). */
export const forgetRecurrences = (): void => {
  recurrences.clear();
  runsByCron.clear();
};

/**
 * A window made ready for questions about time. The window must have passed
 * WindowInput and windowProblems; anything else throws.
 */
export function compileWindow(window: Window): CompiledWindow {
  if (window.cron === undefined) return new OneOff(window, oneOffOccurrence(window));
  const zone = window.zone ?? 'UTC';
  const { cron } = window;
  const recurrence = recurrences.get(`${cron}\n${zone}\n${window.duration ?? ''}`, () => {
    const duration = parseWindowDuration(window.duration ?? '');
    if ('problem' in duration) throw new Error(`Window "${window.name}": duration ${duration.problem}`);
    return new Recurrence(runsOf(cron, zone), zone, duration);
  });
  return new Recurring(window, recurrence);
}

/** The windows in force at instant `t` (epoch ms), each with the occurrence that covers `t`. */
export function windowsInForce(windows: readonly Window[], t: number): { window: Window; occurrence: WindowOccurrence }[] {
  const out: { window: Window; occurrence: WindowOccurrence }[] = [];
  for (const window of windows) {
    const occurrence = compileWindow(window).at(t);
    if (occurrence) out.push({ window, occurrence });
  }
  return out;
}

/**
 * The windows with an occurrence overlapping [from, to), each with its first such
 * occurrence; only those covering one of `services` when given.
 */
export function windowsOverlapping(
  windows: readonly Window[],
  from: number,
  to: number,
  services?: readonly string[],
): { window: Window; occurrence: WindowOccurrence }[] {
  const out: { window: Window; occurrence: WindowOccurrence }[] = [];
  for (const window of services ? touchingServices(windows, services, (w) => w.services) : windows) {
    const [occurrence] = compileWindow(window).between(from, to, 1);
    if (occurrence) out.push({ window, occurrence });
  }
  return out;
}

const descriptions = new Memo<string, string>(5000);

/** A window's schedule in words: "At 18:00, only on Friday, for 2 days 14 hours (Europe/Berlin)". */
export function describeWindow(window: Window): string {
  // cronstrue and Intl take ~0.1–0.4 ms a call; a check lists the same windows again and again.
  return descriptions.get([window.cron, window.duration, window.zone, window.from, window.to].join('\n'), () => describe(window));
}

function describe(window: Window): string {
  const zone = window.zone ?? 'UTC';
  if (window.cron === undefined) {
    return `${formatInZone(window.from ?? '', zone, { year: true })} to ${formatInZone(window.to ?? '', zone, { year: true })} (${zone})`;
  }
  let when: string;
  try {
    when = cronstrue.toString(window.cron, { use24HourTimeFormat: true, verbose: false });
  } catch {
    when = `cron "${window.cron}"`;
  }
  const duration = parseWindowDuration(window.duration ?? '');
  return `${when}, for ${'problem' in duration ? window.duration : formatWindowDuration(duration)} (${zone})`;
}

/** An occurrence as UTC ISO-8601 text, for evidence and answers (the console shows each instant in the reader's zone). */
export const occurrenceText = (occurrence: WindowOccurrence): string => `${isoText(occurrence.start)} to ${isoText(occurrence.end)}`;
