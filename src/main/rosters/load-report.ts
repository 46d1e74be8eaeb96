import type { LoadReportRow, Person, Shift } from '../../shared/rosters';
import { HoldfastError } from '../errors';
import { epochMsOf, isKnownZone, wallWeekday } from './time';
import { wallAt, wallDateMs, wallToEpochMs } from './zone-offsets';

/** Sleep hours are 22:00–07:00 and business hours Monday–Friday 09:00–17:00, both in the person's own zone. */
const BOUNDARIES = [
  [0, 0],
  [7, 0],
  [9, 0],
  [17, 0],
  [22, 0],
] as const;

type Kind = 'businessHours' | 'offHours' | 'sleepHours';

/** The kind of hour at a wall-clock time (`wallMs`). */
function kindAt(wall: number): Kind {
  const local = new Date(wall);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  if (minutes >= 22 * 60 || minutes < 7 * 60) return 'sleepHours';
  if (wallWeekday(wall) <= 5 && minutes >= 9 * 60 && minutes < 17 * 60) return 'businessHours';
  return 'offHours';
}

/**
 * Hours on call per person over [from, to), split by when they fell in that
 * person's own day. Shifts come from the final schedules, so overrides count
 * for whoever covered.
 */
export function loadReport(shifts: Shift[], people: Map<string, Person>, from: string, to: string): LoadReportRow[] {
  const rows = new Map<string, LoadReportRow>();
  const rangeStart = epochMsOf(from);
  const rangeEnd = epochMsOf(to);
  for (const shift of shifts) {
    if (!shift.person) continue;
    const person = people.get(shift.person.handle);
    const zone = person?.timeZone ?? 'UTC';
    if (!checkedZones.has(zone)) {
      if (!isKnownZone(zone)) {
        throw new HoldfastError(
          'CONFLICT',
          `The load report cannot place ${shift.person.name}'s hours: their stored time zone "${zone}" is not one the tz database knows. Import a corrected roster file.`,
        );
      }
      checkedZones.add(zone);
    }
    const row = rows.get(shift.person.handle) ?? { person: shift.person, businessHours: 0, offHours: 0, sleepHours: 0, totalHours: 0 };
    rows.set(shift.person.handle, row);
    let cursor = Math.max(epochMsOf(shift.start), rangeStart);
    const end = Math.min(epochMsOf(shift.end), rangeEnd);
    while (cursor < end) {
      const next = Math.min(nextBoundary(cursor, zone), end);
      const hours = (next - cursor) / 3_600_000;
      row[kindAt(wallAt(cursor, zone))] += hours;
      row.totalHours += hours;
      cursor = next;
    }
  }
  return [...rows.values()]
    .map((row) => ({
      ...row,
      businessHours: round(row.businessHours),
      offHours: round(row.offHours),
      sleepHours: round(row.sleepHours),
      totalHours: round(row.totalHours),
    }))
    .sort((a, b) => b.totalHours - a.totalHours || a.person.name.localeCompare(b.person.name));
}

/** Zones already found in the time-zone database. */
const checkedZones = new Set<string>();

/** The next instant after `at` (epoch milliseconds) where the kind of hour can change in `zone`. */
function nextBoundary(at: number, zone: string): number {
  const today = wallDateMs(at, zone);
  for (let day = 0; day <= 2; day += 1) {
    for (const [hour, minute] of BOUNDARIES) {
      const candidate = wallToEpochMs(today + day * 86_400_000 + (hour * 60 + minute) * 60_000, zone);
      if (at < candidate) return candidate;
    }
  }
  return at + 24 * 3_600_000;
}

const round = (hours: number) => Math.round(hours * 100) / 100;
