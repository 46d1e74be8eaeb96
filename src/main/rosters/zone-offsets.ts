import { Temporal } from 'temporal-polyfill';

/**
 * A zone's UTC offsets as a table of the instants they change, read from the
 * time-zone database through Temporal once per zone and year, so that turning
 * a wall-clock time into an instant costs a lookup instead of the polyfill's
 * ~40–160 µs. Rotations and restriction windows make thousands of these.
 */

const HOUR_MS = 3_600_000;
/** Table entries cover this much time each (about a year). */
const BUCKET_MS = 366 * 24 * HOUR_MS;
/** No zone is further than this from UTC (the extremes are −12 h and +14 h). */
const MAX_OFFSET_MS = 15 * HOUR_MS;

interface OffsetTable {
  /** The offset in force at the bucket's start. */
  initial: number;
  /** Instants (epoch ms) where the offset changes inside the bucket, in order… */
  changes: number[];
  /** …and the offset from each of them on. */
  offsets: number[];
}

const tables = new Map<string, Map<number, OffsetTable>>();

function table(zone: string, bucket: number): OffsetTable {
  let zoneTables = tables.get(zone);
  if (!zoneTables) tables.set(zone, (zoneTables = new Map<number, OffsetTable>()));
  let found = zoneTables.get(bucket);
  if (!found) zoneTables.set(bucket, (found = readTable(zone, bucket * BUCKET_MS, (bucket + 1) * BUCKET_MS)));
  return found;
}

function readTable(zone: string, start: number, end: number): OffsetTable {
  let at = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(zone);
  const result: OffsetTable = { initial: at.offsetNanoseconds / 1_000_000, changes: [], offsets: [] };
  for (;;) {
    const next = at.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= end) return result;
    result.changes.push(next.epochMilliseconds);
    result.offsets.push(next.offsetNanoseconds / 1_000_000);
    at = next;
  }
}

/** The UTC offset (ms) of a zone at an instant. */
export function offsetAt(epochMs: number, zone: string): number {
  const { initial, changes, offsets } = table(zone, Math.floor(epochMs / BUCKET_MS));
  let offset = initial;
  for (let i = 0; i < changes.length && (changes[i] as number) <= epochMs; i += 1) offset = offsets[i] as number;
  return offset;
}

/** The instants in (from, to] where the zone's offset changes. */
function changesBetween(from: number, to: number, zone: string): number[] {
  const found: number[] = [];
  for (let bucket = Math.floor(from / BUCKET_MS); bucket <= Math.floor(to / BUCKET_MS); bucket += 1) {
    for (const change of table(zone, bucket).changes) if (change > from && change <= to) found.push(change);
  }
  return found;
}

/**
 * A wall-clock time (its fields read as UTC, see `wallMs` in time.ts) in a zone → epoch ms,
 * by the rules in docs/roster-format.md: a time the clocks sprang forward over
 * happens at the change itself (the first valid instant after it); a time that
 * occurs twice happens at its first occurrence.
 */
export function wallToEpochMs(wall: number, zone: string): number {
  const from = wall - MAX_OFFSET_MS;
  const changes = changesBetween(from, wall + MAX_OFFSET_MS, zone);
  const candidates = [offsetAt(from, zone), ...changes.map((change) => offsetAt(change, zone))];
  let earliest = Infinity;
  for (const offset of candidates) {
    const instant = wall - offset;
    if (offsetAt(instant, zone) === offset && instant < earliest) earliest = instant;
  }
  if (earliest !== Infinity) return earliest;
  // In a gap: the wall time falls between the old offset's end and the new one's start.
  for (const change of changes) {
    if (wall - offsetAt(change - 1, zone) >= change && wall - offsetAt(change, zone) < change) return change;
  }
  throw new Error(`No instant for wall-clock ${new Date(wall).toISOString()} in ${zone}`);
}

const DAY_MS = 24 * HOUR_MS;

/** The wall-clock time (as `wallMs`) at an instant in a zone. */
export const wallAt = (epochMs: number, zone: string): number => epochMs + offsetAt(epochMs, zone);

/** The wall-clock date (midnight, as `wallMs`) at an instant in a zone. */
export function wallDateMs(epochMs: number, zone: string): number {
  const local = wallAt(epochMs, zone);
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
}
