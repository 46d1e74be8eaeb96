import type { Change, ChangeState, ChangeType, Risk, Window, WindowKind } from '../../shared/changes';
import { overlaps, plannedSpan, intersection, type Span } from './span';
import { progressOf } from './walk';
import { compileWindow, describeWindow, MAX_OCCURRENCES } from './windows';

/**
 * The change calendar: planned changes and freeze/peak windows per service in a
 * range, and conflicts — two changes on one service whose planned windows
 * overlap. Cancelled changes are left out. A window over all services is listed
 * under every service of the calendar.
 */

export interface CalendarChange {
  uid: string;
  title: string;
  type: ChangeType;
  risk: Risk;
  state: ChangeState;
  services: string[];
  start: string;
  end: string;
}

export interface CalendarWindow {
  uid: string;
  name: string;
  kind: WindowKind;
  services: string[] | 'all';
  start: string;
  end: string;
  /** The window's schedule in words. */
  schedule: string;
}

export interface CalendarConflict {
  service: string;
  changes: [string, string];
  titles: [string, string];
  /** When both are planned. */
  start: string;
  end: string;
}

export interface ChangeCalendar {
  from: string;
  to: string;
  services: { service: string; changes: CalendarChange[]; windows: CalendarWindow[] }[];
  /** Windows over all services (also listed under each service). */
  everywhere: CalendarWindow[];
  conflicts: CalendarConflict[];
  /** Windows with more occurrences in the range than a calendar lists (MAX_OCCURRENCES). */
  truncated: string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function changeCalendar(changes: readonly Change[], windows: readonly Window[], range: { from: string; to: string }, only?: readonly string[]): ChangeCalendar {
  const span: Span = { start: Date.parse(range.from), end: Date.parse(range.to) };
  const wanted = only && only.length > 0 ? new Set(only) : null;
  const planned = changes.filter((change) => progressOf(change).state !== 'cancelled' && overlaps(plannedSpan(change), span));
  const services = new Map<string, { changes: CalendarChange[]; windows: CalendarWindow[] }>();
  const at = (service: string) => {
    let found = services.get(service);
    if (!found) services.set(service, (found = { changes: [], windows: [] }));
    return found;
  };
  for (const change of planned) {
    const entry: CalendarChange = {
      uid: change.uid,
      title: change.title,
      type: change.type,
      risk: change.risk,
      state: progressOf(change).state,
      services: change.services,
      start: change.window.start,
      end: change.window.end,
    };
    for (const service of change.services) if (!wanted || wanted.has(service)) at(service).changes.push(entry);
  }
  const everywhere: CalendarWindow[] = [];
  const truncated: string[] = [];
  for (const window of windows) {
    const occurrences = compileWindow(window).between(span.start, span.end, MAX_OCCURRENCES + 1);
    if (occurrences.length > MAX_OCCURRENCES) truncated.push(window.name);
    const schedule = describeWindow(window);
    for (const occurrence of occurrences.slice(0, MAX_OCCURRENCES)) {
      const entry: CalendarWindow = { uid: window.uid, name: window.name, kind: window.kind, services: window.services, start: iso(occurrence.start), end: iso(occurrence.end), schedule };
      if (window.services === 'all') everywhere.push(entry);
      else for (const service of window.services) if (!wanted || wanted.has(service)) at(service).windows.push(entry);
    }
  }
  for (const service of wanted ?? []) at(service);
  const byStart = (a: { start: string }, b: { start: string }) => Date.parse(a.start) - Date.parse(b.start);
  everywhere.sort(byStart);
  const list = [...services.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, entries]) => ({ service, changes: entries.changes.sort(byStart), windows: [...entries.windows, ...everywhere].sort(byStart) }));
  return { from: iso(span.start), to: iso(span.end), services: list, everywhere, conflicts: findConflicts(planned, wanted), truncated };
}

/** Pairs of changes on one service whose planned windows overlap (a sweep per service, sorted by start). */
export function findConflicts(changes: readonly Change[], only?: ReadonlySet<string> | null): CalendarConflict[] {
  const byService = new Map<string, { change: Change; span: Span }[]>();
  for (const change of changes) {
    if (progressOf(change).state === 'cancelled') continue;
    const span = plannedSpan(change);
    for (const service of change.services) {
      if (only && !only.has(service)) continue;
      let list = byService.get(service);
      if (!list) byService.set(service, (list = []));
      list.push({ change, span });
    }
  }
  const conflicts: CalendarConflict[] = [];
  for (const [service, list] of [...byService.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.span.start - b.span.start);
    const open: { change: Change; span: Span }[] = [];
    for (const item of list) {
      for (let i = open.length - 1; i >= 0; i--) if ((open[i]?.span.end ?? 0) <= item.span.start) open.splice(i, 1);
      for (const other of open) {
        const both = intersection(other.span, item.span);
        conflicts.push({ service, changes: [other.change.uid, item.change.uid], titles: [other.change.title, item.change.title], start: iso(both.start), end: iso(both.end) });
      }
      open.push(item);
    }
  }
  return conflicts;
}
