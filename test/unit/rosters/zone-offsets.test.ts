import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { offsetAt, wallDateMs, wallToEpochMs } from '../../../src/main/rosters/zone-offsets';

/**
 * The offset table must give exactly what Temporal gives, with the rules of
 * docs/roster-format.md: a wall time in a spring-forward gap happens at the
 * change, a repeated one at its first occurrence. This reference is written with
 * Temporal alone; the hand-written DST instants are in dst.test.ts.
 */
function reference(wall: number, zone: string): number {
  const date = new Date(wall);
  const local = new Temporal.PlainDateTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes());
  const earlier = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), local) === 0) return earlier.epochMilliseconds;
  return (earlier.getTimeZoneTransition('next') ?? local.toZonedDateTime(zone, { disambiguation: 'later' })).epochMilliseconds;
}

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'Antarctica/Troll', 'Africa/Casablanca', 'UTC'];
const MINUTE = 60_000;

describe('wall-clock times from the offset table', () => {
  it('agree with Temporal minute by minute around every change of 2011 and 2026 in zones with odd rules', () => {
    for (const zone of ZONES) {
      for (const year of [2011, 2026]) {
        const newYear = Temporal.Instant.fromEpochMilliseconds(Date.UTC(year, 0, 1)).toZonedDateTimeISO(zone);
        for (let next = newYear.getTimeZoneTransition('next'); next && next.year === year; next = next.getTimeZoneTransition('next')) {
          const wallAtChange = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute);
          for (let minute = -150; minute <= 150; minute += 1) {
            const wall = wallAtChange + minute * MINUTE;
            expect(wallToEpochMs(wall, zone), `${zone} ${new Date(wall).toISOString().slice(0, 16)}`).toBe(reference(wall, zone));
          }
        }
      }
    }
  });

  it('agree with Temporal at any minute from 1990 to 2045', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1990, 0, 1) / MINUTE, max: Date.UTC(2045, 0, 1) / MINUTE }), (zone, minutes) => {
        const wall = minutes * MINUTE;
        expect(wallToEpochMs(wall, zone)).toBe(reference(wall, zone));
        const instant = Temporal.Instant.fromEpochMilliseconds(wall).toZonedDateTimeISO(zone);
        expect(offsetAt(wall, zone)).toBe(instant.offsetNanoseconds / 1_000_000);
        expect(wallDateMs(wall, zone)).toBe(Date.UTC(instant.year, instant.month - 1, instant.day));
      }),
      { numRuns: 2000 },
    );
  });

  it('skips the day Samoa skipped: 30 December 2011 09:00 in Apia is the first instant of the 31st', () => {
    expect(new Date(wallToEpochMs(Date.UTC(2011, 11, 30, 9), 'Pacific/Apia')).toISOString()).toBe('2011-12-30T10:00:00.000Z');
  });
});
