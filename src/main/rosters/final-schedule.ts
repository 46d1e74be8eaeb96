import type { Override, Person, PersonRef, Schedule, Shift } from '../../shared/rosters';
import { restrictSpans } from './restrictions';
import { rotationShifts, type Span } from './rotation';
import { epochMsOf, isoUtc, type Temporal } from './time';

/** A piece of the final schedule, in epoch milliseconds (half-open). */
export interface Piece {
  start: number;
  end: number;
  handle: string | null;
  source: Shift['source'];
  layer: string | null;
}

/** Each layer's own shifts over [from, to) (epoch milliseconds), restrictions applied. */
export function layerSpans(schedule: Schedule, from: number, to: number): { name: string; spans: Span[] }[] {
  return schedule.layers.map((layer) => ({
    name: layer.name,
    spans: restrictSpans(rotationShifts(layer, schedule.timeZone, from, to), layer.restrictions, schedule.timeZone),
  }));
}

/**
 * The final schedule over [from, to): an override wins over every layer, a
 * higher layer wins over a lower one wherever it has coverage, and time nobody
 * covers is a gap. Adjacent pieces with the same person and source are joined.
 */
export function finalShifts(
  schedule: Schedule,
  overrides: Override[],
  people: Map<string, Person>,
  from: Temporal.Instant,
  to: Temporal.Instant,
): Shift[] {
  return finalPieces(schedule, overrides, from.epochMilliseconds, to.epochMilliseconds).map((piece) => toShift(piece, people));
}

/** `finalShifts` in epoch milliseconds, for callers that look at a few pieces of many. */
export function finalPieces(schedule: Schedule, overrides: Override[], from: number, to: number): Piece[] {
  const layers = layerSpans(schedule, from, to);
  const overridePieces: Piece[] = [];
  for (const override of overrides) {
    const { start, end } = overrideSpan(override);
    const piece = { start: Math.max(start, from), end: Math.min(end, to), handle: override.person, source: 'override' as const, layer: null };
    if (piece.start < piece.end) overridePieces.push(piece);
  }

  // Every moment where anything changes, then for each elementary interval the winner.
  const cuts = new Set<number>([from, to]);
  for (const layer of layers) {
    for (const span of layer.spans) cuts.add(span.start).add(span.end);
  }
  for (const piece of overridePieces) cuts.add(piece.start).add(piece.end);
  const points = Float64Array.from(cuts).sort();
  // The points only move forward, so each layer (and the overrides) keeps a cursor instead of searching from the start.
  const overrideAt = coveringAt(overridePieces);
  const layerAt = layers.map((layer) => coveringAt(layer.spans));

  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const override = overrideAt(start);
    let piece: Piece = { start, end, handle: null, source: 'gap', layer: null };
    if (override) piece = { start, end, handle: override.handle, source: 'override', layer: null };
    else {
      for (let l = layers.length - 1; l >= 0; l -= 1) {
        const layer = layers[l];
        const span = layer && layerAt[l]?.(start);
        if (layer && span) {
          piece = { start, end, handle: span.handle, source: 'layer', layer: layer.name };
          break;
        }
      }
    }
    const last = pieces.at(-1);
    if (last && last.handle === piece.handle && last.source === piece.source && last.layer === piece.layer) last.end = end;
    else pieces.push(piece);
  }
  return pieces;
}

const DAY_MS = 86_400_000;
const UNIT_MS = { hours: 3_600_000, days: DAY_MS, weeks: 7 * DAY_MS } as const;

/**
 * The shifts a calendar feed lists from `now` to `to` (epoch milliseconds), each
 * whole: its true start and end, however far they lie past the range, and split
 * at every handoff of its layer (a one-person rotation too), so one shift is one
 * event and every export gives the same event the same start and end.
 */
export function calendarShifts(schedule: Schedule, overrides: Override[], people: Map<string, Person>, now: number, to: number): Shift[] {
  // Far enough around the range to hold the whole of every shift that touches it.
  const longest = Math.max(
    DAY_MS,
    ...schedule.layers.map((layer) => layer.shiftLength * UNIT_MS[layer.shiftUnit]),
    ...overrides.map((override) => overrideSpan(override).end - overrideSpan(override).start),
  );
  const from = now - longest - DAY_MS;
  const until = to + longest + DAY_MS;
  const handoffs = new Map(layerSpans(schedule, from, until).map(({ name, spans }) => [name, spans.map((span) => span.start)]));
  return finalPieces(schedule, overrides, from, until)
    .flatMap((piece) => {
      const cuts = piece.layer === null ? [] : (handoffs.get(piece.layer) ?? []).filter((at) => at > piece.start && at < piece.end);
      return [piece.start, ...cuts].map((start, i) => ({ ...piece, start, end: cuts[i] ?? piece.end }));
    })
    .filter((piece) => piece.end > now && piece.start < to)
    .map((piece) => toShift(piece, people));
}

const parsed = new WeakMap<Override, { start: number; end: number }>();

/** An override's instants (epoch milliseconds), parsed once per override object (the roster is kept between calls). */
export function overrideSpan(override: Override): { start: number; end: number } {
  let instants = parsed.get(override);
  if (!instants) parsed.set(override, (instants = { start: epochMsOf(override.start), end: epochMsOf(override.end) }));
  return instants;
}

/**
 * For instants asked in increasing order: the first span (in list order) that
 * covers each one. Spans in time order that do not overlap are walked with a
 * cursor; anything else is searched whole, as before.
 */
function coveringAt<T extends { start: number; end: number }>(spans: T[]): (at: number) => T | undefined {
  const ordered = spans.every((span, i) => i === 0 || span.start >= (spans[i - 1] as T).end);
  if (!ordered) return (at) => spans.find((span) => at >= span.start && at < span.end);
  let cursor = 0;
  return (at) => {
    while (cursor < spans.length && at >= (spans[cursor] as T).end) cursor += 1;
    const span = spans[cursor];
    return span && at >= span.start ? span : undefined;
  };
}

export function toShift(piece: Piece | (Span & { source: Shift['source']; layer: string | null }), people: Map<string, Person>): Shift {
  return {
    start: isoUtc(piece.start),
    end: isoUtc(piece.end),
    person: piece.handle === null ? null : personRef(piece.handle, people),
    source: piece.source,
    layer: piece.layer,
  };
}

export function personRef(handle: string, people: Map<string, Person>): PersonRef {
  const person = people.get(handle);
  return { name: person?.name ?? handle, handle };
}
