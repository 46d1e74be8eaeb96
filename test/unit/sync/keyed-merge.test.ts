import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idOrNameKeys, mergeKeyed, rosterKeys } from '../../../src/main/sync/keyed-merge';
import { settle } from '../../../src/main/sync/merge-drivers';

const ana = { handle: 'ana', name: 'Ana Lima', time_zone: 'America/New_York' };
const bo = { handle: 'bo', name: 'Bo Andersen', time_zone: 'Europe/London' };
const chen = { handle: 'chen', name: 'Chen Wei', time_zone: 'Asia/Tokyo' };
const schedule = (overrides: unknown[]) => ({ name: 'Payments primary', time_zone: 'America/New_York', layers: [{ name: 'Weekly', members: ['ana', 'bo'] }], overrides });
const roster = (people: unknown[], overrides: unknown[] = []) => ({ people, teams: [{ name: 'Payments', schedules: [schedule(overrides)] }] });

describe('merging a roster per entry', () => {
  it('keeps people added on both machines, each after the one it followed', () => {
    const { merged, conflicts } = mergeKeyed(roster([ana]), roster([ana, bo]), roster([chen, ana]), rosterKeys);
    expect(conflicts).toEqual([]);
    expect((merged as { people: { handle: string }[] }).people.map((person) => person.handle)).toEqual(['chen', 'ana', 'bo']);
  });

  it('takes fields of one person changed on different machines', () => {
    const { merged, conflicts } = mergeKeyed(roster([ana]), roster([{ ...ana, name: 'Ana L. Lima' }]), roster([{ ...ana, time_zone: 'Europe/Lisbon' }]), rosterKeys);
    expect(conflicts).toEqual([]);
    expect((merged as { people: unknown[] }).people).toEqual([{ handle: 'ana', name: 'Ana L. Lima', time_zone: 'Europe/Lisbon' }]);
  });

  it('lists one field changed differently on both machines, naming the entry, and keeps this machine’s', () => {
    const { merged, conflicts } = mergeKeyed(roster([ana]), roster([{ ...ana, time_zone: 'Europe/Paris' }]), roster([{ ...ana, time_zone: 'Asia/Tokyo' }]), rosterKeys);
    expect(conflicts).toEqual([{ where: 'people[ana].time_zone', mine: 'Europe/Paris', theirs: 'Asia/Tokyo' }]);
    expect((merged as { people: { time_zone: string }[] }).people[0]?.time_zone).toBe('Europe/Paris');
  });

  it('never settles two overrides for the same start on its own', () => {
    const base = roster([ana, bo]);
    const mine = roster([ana, bo], [{ person: 'bo', start: '2026-12-24T17:00:00-05:00', end: '2026-12-26T09:00:00-05:00' }]);
    const theirs = roster([ana, bo], [{ person: 'ana', start: '2026-12-24T17:00:00-05:00', end: '2026-12-25T09:00:00-05:00' }]);
    const { conflicts } = mergeKeyed(base, mine, theirs, rosterKeys);
    expect(conflicts.map((conflict) => conflict.where)).toEqual(['teams[Payments].schedules[Payments primary].overrides[from 2026-12-24T17:00:00-05:00]']);
  });

  it('keeps a person one machine removed and the other changed, and lists it', () => {
    const { merged, conflicts } = mergeKeyed(roster([ana, bo]), roster([ana]), roster([ana, { ...bo, name: 'Bo A.' }]), rosterKeys);
    expect((merged as { people: { handle: string }[] }).people.map((person) => person.handle)).toEqual(['ana', 'bo']);
    expect(conflicts.map((conflict) => conflict.where)).toEqual(['people[bo]']);
  });

  it('removes what one machine removed and the other left alone', () => {
    const { merged, conflicts } = mergeKeyed(roster([ana, bo]), roster([ana]), roster([ana, bo, chen]), rosterKeys);
    expect(conflicts).toEqual([]);
    expect((merged as { people: { handle: string }[] }).people.map((person) => person.handle)).toEqual(['ana', 'chen']);
  });

  it('merges windows.yaml by id', () => {
    const base = [{ id: 'w1', name: 'Freeze', start: '2026-12-20' }];
    const { merged, conflicts } = mergeKeyed(base, [...base, { id: 'w2', name: 'Launch' }], [{ ...base[0], start: '2026-12-21' }], idOrNameKeys);
    expect(conflicts).toEqual([]);
    expect(merged).toEqual([{ id: 'w1', name: 'Freeze', start: '2026-12-21' }, { id: 'w2', name: 'Launch' }]);
  });
});

describe('settling files both machines changed', () => {
  it('writes a merged roster and lists its conflicting entries with the file', () => {
    const result = settle({
      path: 'roster.yaml',
      base: 'people:\n  - handle: ana\n    name: Ana\n',
      mine: 'people:\n  - handle: ana\n    name: Ana Lima\n',
      theirs: 'people:\n  - handle: ana\n    name: Ana Souza\n  - handle: bo\n    name: Bo\n',
    });
    expect(result.content).toBe('people:\n  - handle: ana\n    name: Ana Lima\n  - handle: bo\n    name: Bo\n');
    expect(result.conflicts).toEqual([{ path: 'roster.yaml', kind: 'entry', detail: expect.stringContaining('people[ana].name was changed on both machines') as string }]);
  });

  it('keeps this machine’s roster when the other’s does not parse, saying which line', () => {
    const mine = 'people:\n  - handle: ana\n    name: Ana Lima\n';
    const result = settle({ path: 'roster.yaml', base: 'people: []\n', mine, theirs: 'people:\n  - handle: [ana\n' });
    expect(result.content).toBe(mine);
    expect(result.conflicts[0]?.kind).toBe('unreadable');
    expect(result.conflicts[0]?.detail).toMatch(/^the other machine’s version cannot be read \(line \d+, column \d+: /);
  });

  it('keeps a drill changed on both machines as this machine’s, for a person to choose', () => {
    const result = settle({ path: 'drills/01JD2Q5M8X3R4T6V7W8Y9Z0ABC.md', base: 'a', mine: 'b', theirs: 'c' });
    expect(result).toEqual({ content: 'b', conflicts: [{ path: 'drills/01JD2Q5M8X3R4T6V7W8Y9Z0ABC.md', kind: 'entry', detail: expect.stringContaining('This drill was changed on both machines') as string }] });
  });
});

/** Small rosters: a few people from a fixed set of handles, each with a name and zone drawn from a few. */
const people = fc.uniqueArray(fc.record({ handle: fc.constantFrom('ana', 'bo', 'chen', 'dana', 'eli'), name: fc.constantFrom('A', 'B', 'C'), time_zone: fc.constantFrom('UTC', 'Asia/Tokyo') }), {
  selector: (person) => person.handle,
  maxLength: 5,
});
const rosterOf = fc.record({ people });

describe('merge properties', () => {
  it('a side that changed nothing takes the other side whole, and identical sides merge to themselves', () => {
    fc.assert(
      fc.property(rosterOf, rosterOf, (base, changed) => {
        expect(mergeKeyed(base, base, changed, rosterKeys)).toEqual({ merged: changed, conflicts: [] });
        expect(mergeKeyed(base, changed, base, rosterKeys)).toEqual({ merged: changed, conflicts: [] });
        expect(mergeKeyed(base, changed, changed, rosterKeys)).toEqual({ merged: changed, conflicts: [] });
      }),
    );
  });

  it('loses no entry either side added, and finds the same conflicts whichever side merges', () => {
    fc.assert(
      fc.property(rosterOf, rosterOf, rosterOf, (base, mine, theirs) => {
        const one = mergeKeyed(base, mine, theirs, rosterKeys);
        const other = mergeKeyed(base, theirs, mine, rosterKeys);
        const handles = (value: unknown) => new Set((value as { people: { handle: string }[] }).people.map((person) => person.handle));
        const baseHandles = new Set(base.people.map((person) => person.handle));
        for (const person of [...mine.people, ...theirs.people]) if (!baseHandles.has(person.handle)) expect(handles(one.merged).has(person.handle)).toBe(true);
        expect(handles(one.merged)).toEqual(handles(other.merged));
        expect(one.conflicts.map((conflict) => conflict.where).sort()).toEqual(other.conflicts.map((conflict) => conflict.where).sort());
        if (one.conflicts.length === 0) {
          const byHandle = (value: unknown) => [...(value as { people: { handle: string }[] }).people].sort((a, b) => a.handle.localeCompare(b.handle));
          expect(byHandle(one.merged)).toEqual(byHandle(other.merged));
        }
      }),
    );
  });
});

describe('overrides added on two machines', () => {
  const base = 'teams:\n  - name: Payments\n    schedules:\n      - name: Primary\n        overrides: []\n';
  const withOverride = (person: string, start: string, end: string) => base.replace('overrides: []', `overrides:\n          - person: ${person}\n            start: ${start}\n            end: ${end}\n`);

  it('lists two that overlap for a person to choose, keeping both until then', () => {
    const mine = withOverride('bo', '2026-12-24T17:00:00Z', '2026-12-26T09:00:00Z');
    const theirs = withOverride('ana', '2026-12-25T09:00:00Z', '2026-12-25T21:00:00Z');
    const result = settle({ path: 'roster.yaml', base, mine, theirs });
    expect(result.conflicts.map((conflict) => conflict.detail)).toEqual([
      'teams[Payments].schedules[Primary].overrides: two overrides added on different machines overlap (this machine: bo from 2026-12-24T17:00:00Z to 2026-12-26T09:00:00Z; the other: ana from 2026-12-25T09:00:00Z to 2026-12-25T21:00:00Z): both are kept until someone chooses one.',
    ]);
    expect(result.content).toContain('person: bo');
    expect(result.content).toContain('person: ana');
    // Choosing this machine's drops the other's clashing override, and only it.
    const chosen = settle({ path: 'roster.yaml', base, mine, theirs }, true);
    expect(chosen.content).toContain('person: bo');
    expect(chosen.content).not.toContain('person: ana');
  });

  it('merges two that do not overlap', () => {
    const result = settle({ path: 'roster.yaml', base, mine: withOverride('bo', '2026-12-24T17:00:00Z', '2026-12-25T09:00:00Z'), theirs: withOverride('ana', '2026-12-25T09:00:00Z', '2026-12-25T21:00:00Z') });
    expect(result.conflicts).toEqual([]);
    expect(result.content).toContain('person: bo');
    expect(result.content).toContain('person: ana');
  });
});
