import { describe, expect, it } from 'vitest';
import { listItem, evaluateSlo } from '../../../src/main/slos/evaluate';
import { parseDuration, timeSliceMs } from '../../../src/main/slos/duration';
import { windowAt } from '../../../src/main/slos/window';
import { DEFAULT_BUDGET_POLICY } from '../../../src/shared/slos';
import { DAY, HOUR, incidentSlo } from './helpers';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const calendar = (duration: string, startTime: string, timeZone: string) => ({
  kind: 'calendar' as const,
  duration: parseDuration(duration),
  text: `${duration} calendar`,
  startTime,
  timeZone,
});

describe('calendar windows', () => {
  it('make a Berlin month holding the spring switch an hour short (743 h) and the autumn one an hour long (745 h)', () => {
    const month = calendar('1M', '2026-01-01 00:00:00', 'Europe/Berlin');
    const march = windowAt(month, at('2026-03-15T12:00:00Z'));
    expect([iso(march.start), iso(march.end)]).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    expect((march.end - march.start) / HOUR).toBe(743);
    const october = windowAt(month, at('2026-10-31T22:30:00Z')); // 23:30 in Berlin (CET)
    expect((october.end - october.start) / HOUR).toBe(745);
    expect(iso(october.start)).toBe('2026-09-30T22:00:00.000Z');
  });

  it('give a 99.9 % Berlin March a budget of 44.58 minutes (0.001 × 743 h), not 31 × 24 h worth', () => {
    const definition = incidentSlo({
      window: "    - duration: 1M\n      calendar:\n        startTime: '2026-01-01 00:00:00'\n        timeZone: Europe/Berlin",
    });
    const item = listItem(evaluateSlo({ definition, buckets: [], incidents: [], exclusions: [] }, at('2026-03-15T12:00:00Z')), DEFAULT_BUDGET_POLICY);
    expect(item.budgetMinutes?.total).toBe(44.58);
    expect(item.window).toBe('1M calendar');
  });

  it('step from the start both ways, months by the calendar, days by the wall clock', () => {
    const quarter = calendar('1Q', '2026-01-01', 'America/New_York');
    const before = windowAt(quarter, at('2025-11-20T00:00:00Z'));
    expect([iso(before.start), iso(before.end)]).toEqual(['2025-10-01T04:00:00.000Z', '2026-01-01T05:00:00.000Z']);
    const week = calendar('1w', '2026-03-02 09:00', 'Europe/London');
    const spanning = windowAt(week, at('2026-03-30T07:59:00Z')); // 08:59 BST
    // The week from Monday 23 March 09:00 GMT to Monday 30 March 09:00 BST: 167 hours.
    expect([iso(spanning.start), iso(spanning.end)]).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    const next = windowAt(week, spanning.end);
    expect(next.start).toBe(spanning.end);
  });

  it('move a start the zone skips to the first real instant after it', () => {
    const day = calendar('1d', '2026-03-29 02:30:00', 'Europe/Berlin');
    expect(iso(windowAt(day, at('2026-03-29T12:00:00Z')).start)).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('rolling windows', () => {
  it('reach back exactly their length (30d is 720 h, whatever the zones do), months back by the UTC calendar', () => {
    const rolling = (duration: string) => ({ kind: 'rolling' as const, duration: parseDuration(duration), text: '' });
    const now = at('2026-04-10T00:00:00Z');
    expect(windowAt(rolling('30d'), now)).toEqual({ start: now - 30 * DAY, end: now });
    expect(windowAt(rolling('1h'), now).start).toBe(now - HOUR);
    expect(iso(windowAt(rolling('1M'), at('2026-03-31T00:00:00Z')).start)).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('durations', () => {
  it('read the spec’s shorthand and time slices as minutes or shorthand', () => {
    expect(parseDuration('28d')).toEqual({ count: 28, unit: 'd' });
    expect(() => parseDuration('0d')).toThrow('"0d" is not a duration');
    expect(() => parseDuration('1D')).toThrow();
    expect(timeSliceMs(5)).toBe(300_000);
    expect(timeSliceMs('5')).toBe(300_000);
    expect(timeSliceMs('1h')).toBe(3_600_000);
    expect(timeSliceMs('1M')).toBeNull();
    expect(timeSliceMs(1.5)).toBeNull();
  });
});
