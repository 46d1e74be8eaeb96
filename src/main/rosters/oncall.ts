import type { OnCallEntry, Override, Person, Schedule } from '../../shared/rosters';
import { finalPieces, personRef, type Piece } from './final-schedule';
import { isoUtc, type Temporal } from './time';

const HOUR_MS = 3_600_000;
/** How far around an instant to look: longer than any shift a team would run. */
const LOOK_BEHIND_MS = 24 * 7 * 6 * HOUR_MS;
const LOOK_AHEAD_MS = 24 * 7 * 12 * HOUR_MS;

/**
 * Who is on call in one schedule at an instant, since when, until when, and who
 * comes next (the next stretch with someone else, or a gap).
 */
export function onCallAt(schedule: Schedule, overrides: Override[], people: Map<string, Person>, at: Temporal.Instant): Omit<OnCallEntry, 'team'> {
  // Start with a few days around the instant and widen only while the answer reaches an edge of what
  // was computed: the result is the same as over the whole look-behind and look-ahead, for far less work.
  const atMs = at.epochMilliseconds;
  const earliest = atMs - LOOK_BEHIND_MS;
  const latest = atMs + LOOK_AHEAD_MS;
  for (let hours = 48; ; hours *= 2) {
    const from = Math.max(atMs - hours * HOUR_MS, earliest);
    const to = Math.min(atMs + hours * 2 * HOUR_MS, latest);
    const entry = onCallWithin(schedule, overrides, people, at, from, to);
    if (entry.settled || (from === earliest && to === latest)) return entry.value;
  }
}

function onCallWithin(
  schedule: Schedule,
  overrides: Override[],
  people: Map<string, Person>,
  at: Temporal.Instant,
  from: number,
  to: number,
): { value: Omit<OnCallEntry, 'team'>; settled: boolean } {
  const pieces = finalPieces(schedule, overrides, from, to);
  const atMs = at.epochMilliseconds;
  const index = pieces.findIndex((piece) => piece.start <= atMs && atMs < piece.end);
  const current = pieces[index];
  if (!current) {
    return { value: { schedule: schedule.name, person: null, start: at.toString(), end: at.toString(), source: 'gap', next: null }, settled: true };
  }
  // One person's continuous cover may be several pieces (a layer then an override of the same person).
  const same = (piece: Piece | undefined) => piece !== undefined && piece.handle === current.handle;
  let first = index;
  while (same(pieces[first - 1])) first -= 1;
  let last = index;
  while (same(pieces[last + 1])) last += 1;
  const next = pieces[last + 1];
  // Settled when the window holds the whole stretch: it starts after the window's start, and someone else (or a gap) follows it.
  return {
    value: {
      schedule: schedule.name,
      person: current.handle === null ? null : personRef(current.handle, people),
      start: isoUtc((pieces[first] as Piece).start),
      end: isoUtc((pieces[last] as Piece).end),
      source: current.source,
      next: next ? { person: next.handle === null ? null : personRef(next.handle, people), start: isoUtc(next.start) } : null,
    },
    settled: first > 0 && next !== undefined,
  };
}
