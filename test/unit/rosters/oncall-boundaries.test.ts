import { describe, expect, it } from 'vitest';
import { onCallAt } from '../../../src/main/rosters/oncall';
import { Temporal } from '../../../src/main/rosters/time';
import type { Layer, Override, Person, Schedule } from '../../../src/shared/rosters';

const people = new Map<string, Person>(
  ['ana', 'bo'].map((handle, index) => [handle, { id: index + 1, handle, name: handle.toUpperCase(), timeZone: 'UTC', contacts: [] }]),
);

function schedule(layer: Partial<Layer>): Schedule {
  const base: Layer = {
    name: 'rotation',
    members: ['ana', 'bo'],
    shiftLength: 1,
    shiftUnit: 'weeks',
    handoffTime: '09:00',
    handoffDay: 'monday',
    startDate: '2026-01-05',
    restrictions: [],
  };
  return { id: 1, name: 'primary', team: 'ops', timeZone: 'UTC', layers: [{ ...base, ...layer }] };
}

const at = (iso: string, s: Schedule, overrides: Override[] = []) => onCallAt(s, overrides, people, Temporal.Instant.from(iso));

describe('oncall --at far from a handoff: boundaries are the roster’s, never the search’s', () => {
  it('a gap long before cover starts ends when it starts, and names who is next', () => {
    // The rotation starts in June 2027, seven months (well past twelve weeks) after the instant asked about.
    const entry = at('2026-11-01T12:00:00Z', schedule({ startDate: '2027-06-07' }));
    expect(entry).toMatchObject({ person: null, source: 'gap', start: null, end: '2027-06-07T09:00:00Z' });
    expect(entry.next).toEqual({ person: { name: 'ANA', handle: 'ana' }, start: '2027-06-07T09:00:00Z' });
    expect(entry.boundaries).toBe('No start: it began before anything in this schedule starts.');
  });

  it('cover that nobody ever takes over has no end (null, with the reason), not the horizon’s date', () => {
    const entry = at('2026-11-01T12:00:00Z', schedule({ members: ['ana'] }));
    expect(entry).toMatchObject({ person: { handle: 'ana' }, source: 'layer', start: '2026-01-05T09:00:00Z', end: null, next: null });
    expect(entry.boundaries).toBe('No end: nobody takes over in the two years after the roster’s last change, so the roster gives it no end.');
  });

  it('an override far ahead ends the cover there, however far', () => {
    const override: Override = { id: 1, schedule: 'primary', person: 'bo', start: '2028-03-01T00:00:00Z', end: '2028-03-02T00:00:00Z', note: '' };
    const entry = at('2026-11-01T12:00:00Z', schedule({ members: ['ana'] }), [override]);
    expect(entry).toMatchObject({ person: { handle: 'ana' }, end: '2028-03-01T00:00:00Z', next: { person: { handle: 'bo' }, start: '2028-03-01T00:00:00Z' } });
    expect(entry.boundaries).toBeUndefined();
  });

  it('a shift longer than the old look-behind keeps its true start', () => {
    // 26-week shifts: the shift running on 1 November 2026 began on 6 July 2026, seventeen weeks before.
    const entry = at('2026-11-01T12:00:00Z', schedule({ shiftLength: 26 }));
    expect(entry).toMatchObject({ person: { handle: 'bo' }, start: '2026-07-06T09:00:00Z', end: '2027-01-04T09:00:00Z' });
    expect(entry.next).toEqual({ person: { name: 'ANA', handle: 'ana' }, start: '2027-01-04T09:00:00Z' });
  });

  it('near a handoff the answer is as before', () => {
    expect(at('2026-11-03T12:00:00Z', schedule({}))).toEqual({
      schedule: 'primary',
      person: { name: 'BO', handle: 'bo' },
      start: '2026-11-02T09:00:00Z',
      end: '2026-11-09T09:00:00Z',
      source: 'layer',
      next: { person: { name: 'ANA', handle: 'ana' }, start: '2026-11-09T09:00:00Z' },
    });
  });
});
