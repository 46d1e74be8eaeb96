import { describe, expect, it } from 'vitest';
import { identityFor, initials, matchingPeople, nameProblem } from '../../../../../src/renderer/features/responder/match';

const people = [
  { handle: 'priya', name: 'Priya Raman' },
  { handle: 'sam', name: 'Sam Okoro' },
  { handle: 'ines', name: 'Inês Duarte' },
];

describe('"Who are you?"', () => {
  it('offers the roster’s people whose name or handle starts a word as typed, everyone when nothing is typed', () => {
    expect(matchingPeople(people, '').map((person) => person.handle)).toEqual(['ines', 'priya', 'sam']);
    expect(matchingPeople(people, 'ra').map((person) => person.handle)).toEqual(['priya']);
    expect(matchingPeople(people, 'SA').map((person) => person.handle)).toEqual(['sam']);
    expect(matchingPeople(people, 'Night Owl')).toEqual([]);
  });

  it('reads a typed roster handle or name as that person, with the handle; any other name is taken as typed, with none', () => {
    expect(identityFor(' sam ', people)).toEqual({ name: 'Sam Okoro', handle: 'sam' });
    expect(identityFor('inês duarte', people)).toEqual({ name: 'Inês Duarte', handle: 'ines' });
    expect(identityFor('Sam', [])).toEqual({ name: 'Sam', handle: null });
    expect(identityFor('Night Owl', people)).toEqual({ name: 'Night Owl', handle: null });
  });

  it('says in words why a name cannot be used', () => {
    expect(nameProblem('  ')).toBe('Type your name, or pick yourself from the roster: it goes beside everything you log.');
    expect(nameProblem('Ana\tLima')).toBe('A name fits on one line: take out the line break or tab.');
    expect(nameProblem('x'.repeat(101))).toBe('A name holds at most 100 characters (this has 101).');
    expect(nameProblem('Ana Lima')).toBeNull();
  });

  it('shows up to two initials in the top bar', () => {
    expect(initials('Priya Raman')).toBe('PR');
    expect(initials('maya')).toBe('M');
    expect(initials('Jean Claude van Damme')).toBe('JD');
    expect(initials('Ōtsuka Zoë')).toBe('ŌZ');
  });
});
