import type { OnCallEntry, Override, Person, Schedule } from '../../shared/rosters';
import { finalPieces, overrideSpan, personRef, type Piece } from './final-schedule';
import { firstHandoffAt } from './rotation';
import { isoUtc, type Temporal } from './time';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * How far past the roster's last change (the last layer to start, the last
 * override to end) to look for a boundary. From there on every rotation repeats,
 * so a stretch that reaches this far has no end in the roster as it stands.
 */
const SETTLED_SEARCH_MS = 2 * 366 * DAY_MS;

/**
 * Who is on call in one schedule at an instant, since when, until when, and who
 * comes next (the next stretch with someone else, or a gap). A boundary is only
 * ever one the roster has: a stretch with no start (a gap since before anything
 * began) or no end (nobody ever takes over) gives null and says why, never the
 * edge of the search as if it were a handoff.
 */
export function onCallAt(schedule: Schedule, overrides: Override[], people: Map<string, Person>, at: Temporal.Instant): Omit<OnCallEntry, 'team'> {
  const atMs = at.epochMilliseconds;
  // Before the first thing in the roster begins there is only a gap; after the last one, only repetition.
  const begins = [...schedule.layers.map((layer) => firstHandoffAt(layer, schedule.timeZone)), ...overrides.map((o) => overrideSpan(o).start)];
  const changes = [...begins, ...overrides.map((o) => overrideSpan(o).end)];
  const earliest = Math.min(atMs, ...begins) - DAY_MS;
  const latest = Math.max(atMs, ...changes) + SETTLED_SEARCH_MS;
  // Start with a few days around the instant and widen only while the answer reaches an edge of what
  // was computed: nearly every answer settles in the first window.
  for (let hours = 48; ; hours *= 2) {
    const from = Math.max(atMs - hours * HOUR_MS, earliest);
    const to = Math.min(atMs + hours * 2 * HOUR_MS, latest);
    const entry = onCallWithin(schedule, overrides, people, atMs, from, to);
    const startFound = entry.startSettled || from === earliest;
    const endFound = entry.endSettled || to === latest;
    if (startFound && endFound) return finish(entry.value, entry.startSettled, entry.endSettled);
  }
}

/** The entry with each boundary the search did not find made null, and the reason said. */
function finish(value: Omit<OnCallEntry, 'team'>, startSettled: boolean, endSettled: boolean): Omit<OnCallEntry, 'team'> {
  if (startSettled && endSettled) return value;
  const notes = [
    ...(startSettled ? [] : ['it began before anything in this schedule starts']),
    ...(endSettled ? [] : ['nobody takes over in the two years after the roster’s last change, so the roster gives it no end']),
  ];
  return {
    ...value,
    start: startSettled ? value.start : null,
    end: endSettled ? value.end : null,
    next: endSettled ? value.next : null,
    boundaries: `No ${[...(startSettled ? [] : ['start']), ...(endSettled ? [] : ['end'])].join(' or ')}: ${notes.join('; ')}.`,
  };
}

function onCallWithin(
  schedule: Schedule,
  overrides: Override[],
  people: Map<string, Person>,
  atMs: number,
  from: number,
  to: number,
): { value: Omit<OnCallEntry, 'team'>; startSettled: boolean; endSettled: boolean } {
  const pieces = finalPieces(schedule, overrides, from, to);
  const index = pieces.findIndex((piece) => piece.start <= atMs && atMs < piece.end);
  const current = pieces[index];
  if (!current) {
    const instant = isoUtc(atMs);
    return { value: { schedule: schedule.name, person: null, start: instant, end: instant, source: 'gap', next: null }, startSettled: true, endSettled: true };
  }
  // One person's continuous cover may be several pieces (a layer then an override of the same person).
  const same = (piece: Piece | undefined) => piece !== undefined && piece.handle === current.handle;
  let first = index;
  while (same(pieces[first - 1])) first -= 1;
  let last = index;
  while (same(pieces[last + 1])) last += 1;
  const next = pieces[last + 1];
  // Settled on each side when the window holds that edge of the stretch: it starts after the window's start; someone else (or a gap) follows it.
  return {
    value: {
      schedule: schedule.name,
      person: current.handle === null ? null : personRef(current.handle, people),
      start: isoUtc((pieces[first] as Piece).start),
      end: isoUtc((pieces[last] as Piece).end),
      source: current.source,
      next: next ? { person: next.handle === null ? null : personRef(next.handle, people), start: isoUtc(next.start) } : null,
    },
    startSettled: first > 0,
    endSettled: next !== undefined,
  };
}
