import type { Override, Person, PersonRef, Schedule, Shift } from '../../shared/rosters';
import { restrictSpans } from './restrictions';
import { rotationShifts, type Span } from './rotation';
import { before, isoUtc, maxInstant, minInstant, Temporal, toInstant } from './time';

interface Piece {
  start: Temporal.Instant;
  end: Temporal.Instant;
  handle: string | null;
  source: Shift['source'];
  layer: string | null;
}

/** Each layer's own shifts over [from, to), restrictions applied. */
export function layerSpans(schedule: Schedule, from: Temporal.Instant, to: Temporal.Instant): { name: string; spans: Span[] }[] {
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
  const layers = layerSpans(schedule, from, to);
  const overridePieces: Piece[] = overrides
    .map((o) => {
      const { start, end } = instantsOf(o);
      return { start: maxInstant(start, from), end: minInstant(end, to), handle: o.person, source: 'override' as const, layer: null };
    })
    .filter((piece) => before(piece.start, piece.end));

  // Every moment where anything changes, then for each elementary interval the winner.
  const cuts = new Map<bigint, Temporal.Instant>([
    [from.epochNanoseconds, from],
    [to.epochNanoseconds, to],
  ]);
  for (const span of [...layers.flatMap((layer) => layer.spans), ...overridePieces]) {
    cuts.set(span.start.epochNanoseconds, span.start);
    cuts.set(span.end.epochNanoseconds, span.end);
  }
  const points = [...cuts.values()].sort((a, b) => Temporal.Instant.compare(a, b));
  // The points only move forward, so each layer (and the overrides) keeps a cursor instead of searching from the start.
  const overrideAt = coveringAt(overridePieces);
  const layerAt = layers.map((layer) => coveringAt(layer.spans));

  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    if (!start || !end) continue;
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
  return pieces.map((piece) => toShift(piece, people));
}

const parsed = new WeakMap<Override, { start: Temporal.Instant; end: Temporal.Instant }>();

/** An override's instants, parsed once per override object (the roster is kept between calls). */
function instantsOf(override: Override): { start: Temporal.Instant; end: Temporal.Instant } {
  let instants = parsed.get(override);
  if (!instants) parsed.set(override, (instants = { start: toInstant(override.start), end: toInstant(override.end) }));
  return instants;
}

/**
 * For instants asked in increasing order: the first span (in list order) that
 * covers each one. Spans in time order that do not overlap are walked with a
 * cursor; anything else is searched whole, as before.
 */
function coveringAt<T extends { start: Temporal.Instant; end: Temporal.Instant }>(spans: T[]): (at: Temporal.Instant) => T | undefined {
  const ordered = spans.every((span, i) => i === 0 || !before(span.start, (spans[i - 1] as T).end));
  if (!ordered) return (at) => spans.find((span) => !before(at, span.start) && before(at, span.end));
  let cursor = 0;
  return (at) => {
    while (cursor < spans.length && !before(at, (spans[cursor] as T).end)) cursor += 1;
    const span = spans[cursor];
    return span && !before(at, span.start) ? span : undefined;
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
