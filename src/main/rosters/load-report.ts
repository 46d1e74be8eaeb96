import type { LoadReportRow, Person, Shift } from '../../shared/rosters';
import type { Temporal} from './time';
import { before, maxInstant, minInstant, toInstant, wallClockToInstant } from './time';

/** Sleep hours are 22:00–07:00 and business hours Monday–Friday 09:00–17:00, both in the person's own zone. */
const BOUNDARIES = [
  [0, 0],
  [7, 0],
  [9, 0],
  [17, 0],
  [22, 0],
] as const;

type Kind = 'businessHours' | 'offHours' | 'sleepHours';

function kindAt(local: Temporal.PlainDateTime): Kind {
  const minutes = local.hour * 60 + local.minute;
  if (minutes >= 22 * 60 || minutes < 7 * 60) return 'sleepHours';
  if (local.dayOfWeek <= 5 && minutes >= 9 * 60 && minutes < 17 * 60) return 'businessHours';
  return 'offHours';
}

/**
 * Hours on call per person over [from, to), split by when they fell in that
 * person's own day. Shifts come from the final schedules, so overrides count
 * for whoever covered.
 */
export function loadReport(shifts: Shift[], people: Map<string, Person>, from: string, to: string): LoadReportRow[] {
  const rows = new Map<string, LoadReportRow>();
  const rangeStart = toInstant(from);
  const rangeEnd = toInstant(to);
  for (const shift of shifts) {
    if (!shift.person) continue;
    const person = people.get(shift.person.handle);
    const zone = person?.timeZone ?? 'UTC';
    const row = rows.get(shift.person.handle) ?? { person: shift.person, businessHours: 0, offHours: 0, sleepHours: 0, totalHours: 0 };
    rows.set(shift.person.handle, row);
    let cursor = maxInstant(toInstant(shift.start), rangeStart);
    const end = minInstant(toInstant(shift.end), rangeEnd);
    while (before(cursor, end)) {
      const next = minInstant(nextBoundary(cursor, zone), end);
      const hours = (next.epochMilliseconds - cursor.epochMilliseconds) / 3_600_000;
      row[kindAt(cursor.toZonedDateTimeISO(zone).toPlainDateTime())] += hours;
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

/** The next instant after `at` where the kind of hour can change in `zone`. */
function nextBoundary(at: Temporal.Instant, zone: string): Temporal.Instant {
  const local = at.toZonedDateTimeISO(zone).toPlainDate();
  for (let day = 0; day <= 2; day += 1) {
    const date = local.add({ days: day });
    for (const [hour, minute] of BOUNDARIES) {
      const candidate = wallClockToInstant(date.toPlainDateTime({ hour, minute }), zone);
      if (before(at, candidate)) return candidate;
    }
  }
  return at.add({ hours: 24 });
}

const round = (hours: number) => Math.round(hours * 100) / 100;
