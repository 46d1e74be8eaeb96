import { describe, expect, it } from 'vitest';
import { finalShifts } from '../../../src/main/rosters/final-schedule';
import { onCallAt } from '../../../src/main/rosters/oncall';
import { Temporal } from '../../../src/main/rosters/time';
import type { Layer, Person, Schedule } from '../../../src/shared/rosters';

/*
 * Expected instants are written by hand from the tz database's transition times
 * (not computed by the code under test):
 *   America/New_York 2026: EST→EDT 2026-03-08 07:00Z (02:00→03:00); EDT→EST 2026-11-01 06:00Z (02:00→01:00)
 *   Europe/London 2026:    GMT→BST 2026-03-29 01:00Z (01:00→02:00); BST→GMT 2026-10-25 01:00Z (02:00→01:00)
 *   Australia/Lord_Howe:   +11:00→+10:30 2026-04-04 15:00Z (02:00→01:30); +10:30→+11:00 2026-10-03 15:30Z (02:00→02:30)
 *   Pacific/Apia 2011:     -10:00→+14:00 2011-12-30 10:00Z (29 Dec 24:00 → 31 Dec 00:00; 30 Dec never happened)
 */

const people = new Map<string, Person>(
  ['ana', 'bo', 'chen'].map((handle, index) => [handle, { id: index + 1, handle, name: handle.toUpperCase(), timeZone: 'UTC', contacts: [] }]),
);

function schedule(timeZone: string, layer: Partial<Layer>): Schedule {
  return {
    id: 1,
    name: 'primary',
    team: 'ops',
    timeZone,
    layers: [
      {
        name: 'rotation',
        members: ['ana', 'bo'],
        shiftLength: 1,
        shiftUnit: 'days',
        handoffTime: '09:00',
        handoffDay: null,
        startDate: '2026-01-01',
        restrictions: [],
        ...layer,
      },
    ],
  };
}

/** The start instants of the final shifts between two instants. */
function handoffs(s: Schedule, from: string, to: string): string[] {
  return finalShifts(s, [], people, Temporal.Instant.from(from), Temporal.Instant.from(to))
    .slice(1)
    .map((shift) => shift.start);
}

describe('America/New_York', () => {
  it('a daily 09:00 handoff stays at 09:00 local across spring forward (a 23-hour shift)', () => {
    expect(handoffs(schedule('America/New_York', {}), '2026-03-06T12:00:00Z', '2026-03-09T18:00:00Z')).toEqual([
      '2026-03-06T14:00:00Z',
      '2026-03-07T14:00:00Z',
      '2026-03-08T13:00:00Z',
      '2026-03-09T13:00:00Z',
    ]);
  });

  it('a handoff at 02:30 on the spring-forward day happens at 03:00 EDT, the first valid instant', () => {
    expect(handoffs(schedule('America/New_York', { handoffTime: '02:30' }), '2026-03-07T00:00:00Z', '2026-03-09T12:00:00Z')).toEqual([
      '2026-03-07T07:30:00Z',
      '2026-03-08T07:00:00Z',
      '2026-03-09T06:30:00Z',
    ]);
  });

  it('a handoff at 01:30 on the fall-back day happens at its first occurrence (EDT)', () => {
    expect(handoffs(schedule('America/New_York', { handoffTime: '01:30' }), '2026-10-30T12:00:00Z', '2026-11-02T12:00:00Z')).toEqual([
      '2026-10-31T05:30:00Z',
      '2026-11-01T05:30:00Z',
      '2026-11-02T06:30:00Z',
    ]);
  });

  it('a daily 09:00 handoff makes a 25-hour shift when the clocks fall back', () => {
    const shifts = finalShifts(schedule('America/New_York', {}), [], people, Temporal.Instant.from('2026-10-31T13:00:00Z'), Temporal.Instant.from('2026-11-02T14:00:00Z'));
    expect(shifts.map((s) => [s.start, s.end])).toEqual([
      ['2026-10-31T13:00:00Z', '2026-11-01T14:00:00Z'],
      ['2026-11-01T14:00:00Z', '2026-11-02T14:00:00Z'],
    ]);
  });

  it('12-hour shifts (dividing a day) stay at 09:00 and 21:00 on the wall clock', () => {
    const s = schedule('America/New_York', { shiftLength: 12, shiftUnit: 'hours' });
    expect(handoffs(s, '2026-03-07T12:00:00Z', '2026-03-09T03:00:00Z')).toEqual([
      '2026-03-07T14:00:00Z',
      '2026-03-08T02:00:00Z',
      '2026-03-08T13:00:00Z',
      '2026-03-09T01:00:00Z',
    ]);
  });

  it('a 12-hour layer handing off at 21:00 starts at 09:00 on its start date: the first handoff of the cycle on or after it', () => {
    const s = schedule('America/New_York', { shiftLength: 12, shiftUnit: 'hours', handoffTime: '21:00', startDate: '2026-01-10' });
    const shifts = finalShifts(s, [], people, Temporal.Instant.from('2026-01-10T05:00:00Z'), Temporal.Instant.from('2026-01-11T14:00:00Z'));
    expect(shifts.map((x) => [x.person?.handle ?? 'gap', x.start, x.end])).toEqual([
      ['gap', '2026-01-10T05:00:00Z', '2026-01-10T14:00:00Z'], // midnight to 09:00 on the start date: before the first handoff
      ['ana', '2026-01-10T14:00:00Z', '2026-01-11T02:00:00Z'], // 09:00 to 21:00, the first shift, covered
      ['bo', '2026-01-11T02:00:00Z', '2026-01-11T14:00:00Z'],
    ]);
  });

  it('an 8-hour layer handing off at 22:00 starts at 06:00 (its handoffs are 06:00, 14:00 and 22:00)', () => {
    const s = schedule('America/New_York', { shiftLength: 8, shiftUnit: 'hours', handoffTime: '22:00', startDate: '2026-01-10' });
    expect(onCallAt(s, [], people, Temporal.Instant.from('2026-01-10T12:00:00Z'))).toMatchObject({
      person: { handle: 'ana' },
      start: '2026-01-10T11:00:00Z',
      end: '2026-01-10T19:00:00Z',
    });
  });

  it('a shift the spring-forward makes zero-length (02:00–03:00 on 2026-03-08) is skipped, and its turn with it', () => {
    const s = schedule('America/New_York', { shiftLength: 1, shiftUnit: 'hours', handoffTime: '00:00', startDate: '2026-03-08', members: ['ana', 'bo', 'chen'] });
    const shifts = finalShifts(s, [], people, Temporal.Instant.from('2026-03-08T05:00:00Z'), Temporal.Instant.from('2026-03-08T08:00:00Z'));
    expect(shifts.map((x) => [x.person?.handle, x.start, x.end])).toEqual([
      ['ana', '2026-03-08T05:00:00Z', '2026-03-08T06:00:00Z'], // 00:00–01:00 EST
      ['bo', '2026-03-08T06:00:00Z', '2026-03-08T07:00:00Z'], // 01:00–02:00 EST
      // 02:00–03:00 never happens: chen's shift is zero hours long and skipped
      ['ana', '2026-03-08T07:00:00Z', '2026-03-08T08:00:00Z'], // 03:00–04:00 EDT
    ]);
  });

  it('10-hour shifts (not dividing a day) run in elapsed hours through the change', () => {
    const s = schedule('America/New_York', { shiftLength: 10, shiftUnit: 'hours', handoffTime: '00:00', startDate: '2026-03-08' });
    expect(handoffs(s, '2026-03-08T04:00:00Z', '2026-03-09T12:00:00Z')).toEqual([
      '2026-03-08T05:00:00Z',
      '2026-03-08T15:00:00Z',
      '2026-03-09T01:00:00Z',
      '2026-03-09T11:00:00Z',
    ]);
  });

  it('a weekly Monday 09:00 rotation spans the change: the handoffs stay at 09:00 local', () => {
    const s = schedule('America/New_York', { shiftUnit: 'weeks', handoffDay: 'monday', startDate: '2026-03-01', members: ['ana', 'bo', 'chen'] });
    const shifts = finalShifts(s, [], people, Temporal.Instant.from('2026-03-02T14:00:00Z'), Temporal.Instant.from('2026-03-16T13:00:00Z'));
    expect(shifts.map((x) => [x.person?.handle, x.start, x.end])).toEqual([
      ['ana', '2026-03-02T14:00:00Z', '2026-03-09T13:00:00Z'],
      ['bo', '2026-03-09T13:00:00Z', '2026-03-16T13:00:00Z'],
    ]);
  });
});

describe('Europe/London', () => {
  it('handoffs at 09:00 local move from 09:00Z to 08:00Z when BST starts, and back when it ends', () => {
    expect(handoffs(schedule('Europe/London', {}), '2026-03-27T12:00:00Z', '2026-03-30T12:00:00Z')).toEqual([
      '2026-03-28T09:00:00Z',
      '2026-03-29T08:00:00Z',
      '2026-03-30T08:00:00Z',
    ]);
    expect(handoffs(schedule('Europe/London', {}), '2026-10-23T12:00:00Z', '2026-10-26T12:00:00Z')).toEqual([
      '2026-10-24T08:00:00Z',
      '2026-10-25T09:00:00Z',
      '2026-10-26T09:00:00Z',
    ]);
  });

  it('01:30 does not exist on 2026-03-29 (handoff at 02:00 BST) and happens twice on 2026-10-25 (the first counts)', () => {
    expect(handoffs(schedule('Europe/London', { handoffTime: '01:30' }), '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z')).toEqual(['2026-03-29T01:00:00Z']);
    expect(handoffs(schedule('Europe/London', { handoffTime: '01:30' }), '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z')).toEqual(['2026-10-25T00:30:00Z']);
  });
});

describe('Australia/Lord_Howe (a 30-minute change)', () => {
  it('02:15 on 2026-10-04 does not exist: the handoff is at 02:30 +11:00', () => {
    expect(handoffs(schedule('Australia/Lord_Howe', { handoffTime: '02:15' }), '2026-10-03T00:00:00Z', '2026-10-04T12:00:00Z')).toEqual(['2026-10-03T15:30:00Z']);
  });

  it('01:45 on 2026-04-05 happens twice: the first, at +11:00', () => {
    expect(handoffs(schedule('Australia/Lord_Howe', { handoffTime: '01:45' }), '2026-04-04T00:00:00Z', '2026-04-05T12:00:00Z')).toEqual(['2026-04-04T14:45:00Z']);
  });

  it('a daily 09:00 handoff moves by half an hour in UTC', () => {
    expect(handoffs(schedule('Australia/Lord_Howe', {}), '2026-10-02T12:00:00Z', '2026-10-04T12:00:00Z')).toEqual([
      '2026-10-02T22:30:00Z',
      '2026-10-03T22:00:00Z',
    ]);
  });
});

describe('Pacific/Apia across the day it skipped (2011-12-30)', () => {
  it('the missing 09:00 on 30 December hands off when the day would have begun, at 31 Dec 00:00 +14:00', () => {
    const s = schedule('Pacific/Apia', { startDate: '2011-12-01', members: ['ana', 'bo', 'chen'] });
    const shifts = finalShifts(s, [], people, Temporal.Instant.from('2011-12-29T19:00:00Z'), Temporal.Instant.from('2011-12-31T19:00:00Z'));
    expect(shifts.map((x) => [x.start, x.end])).toEqual([
      ['2011-12-29T19:00:00Z', '2011-12-30T10:00:00Z'],
      ['2011-12-30T10:00:00Z', '2011-12-30T19:00:00Z'],
      ['2011-12-30T19:00:00Z', '2011-12-31T19:00:00Z'],
    ]);
    // Three distinct people: the skipped day still takes its turn in the rotation.
    expect(new Set(shifts.map((x) => x.person?.handle)).size).toBe(3);
  });
});

describe('a schedule viewed from another zone', () => {
  it('gives the same answer for the same instant however it is written', () => {
    const s = schedule('America/New_York', {});
    const tokyo = onCallAt(s, [], people, Temporal.Instant.from('2026-03-08T22:30:00+09:00'));
    const utc = onCallAt(s, [], people, Temporal.Instant.from('2026-03-08T13:30:00Z'));
    expect(tokyo).toEqual(utc);
    expect(utc).toMatchObject({ start: '2026-03-08T13:00:00Z', end: '2026-03-09T13:00:00Z' });
    // 30 minutes earlier, the 23-hour shift of the spring-forward day is still running.
    expect(onCallAt(s, [], people, Temporal.Instant.from('2026-03-08T08:30:00-04:00'))).toMatchObject({
      start: '2026-03-07T14:00:00Z',
      end: '2026-03-08T13:00:00Z',
    });
  });
});

describe('restriction windows across a change (wall-clock edges, same rules as handoffs)', () => {
  const covered = (s: Schedule, from: string, to: string) =>
    finalShifts(s, [], people, Temporal.Instant.from(from), Temporal.Instant.from(to))
      .filter((shift) => shift.person)
      .map((shift) => [shift.start, shift.end]);

  it('New York, 2026-03-08: 01:00–03:00 lasts one hour, and a window from 02:30 opens at 03:00 EDT', () => {
    const s = schedule('America/New_York', { members: ['ana'], restrictions: [{ days: ['sunday'], start: '01:00', end: '03:00' }] });
    expect(covered(s, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual([['2026-03-08T06:00:00Z', '2026-03-08T07:00:00Z']]);
    const late = schedule('America/New_York', { members: ['ana'], restrictions: [{ days: ['sunday'], start: '02:30', end: '04:00' }] });
    expect(covered(late, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual([['2026-03-08T07:00:00Z', '2026-03-08T08:00:00Z']]);
  });

  it('New York, the night of 2026-10-31: a 22:00–06:00 window runs nine hours as the clocks fall back', () => {
    const s = schedule('America/New_York', { members: ['ana'], restrictions: [{ days: ['saturday'], start: '22:00', end: '06:00' }] });
    expect(covered(s, '2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([['2026-11-01T02:00:00Z', '2026-11-01T11:00:00Z']]);
  });
});
