import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/main/runbooks/edit-distance';
import { closest } from '../../../src/main/runbooks/search';

/** The textbook recurrence over the whole table, with no early exit: what editDistance must agree with. */
function reference(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i += 1) {
    for (let j = 1; j <= y.length; j += 1) {
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[x.length] as number[])[y.length] as number;
}

describe('editDistance (optimal string alignment)', () => {
  it('counts two swapped neighbours as one edit, where Levenshtein counts two', () => {
    expect(editDistance('fsnyc', 'fsync')).toBe(1);
    expect(editDistance('donw', 'down')).toBe(1);
    expect(editDistance('donw', 'don')).toBe(1);
    expect(editDistance('teh', 'the')).toBe(1);
  });

  it('counts insertions, deletions and substitutions as Levenshtein does', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('replicaton', 'replication')).toBe(1);
    // Optimal string alignment edits no substring twice: "ca" → "abc" is 3, not 2 as unrestricted Damerau–Levenshtein says.
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('counts letters, not UTF-16 units', () => {
    expect(editDistance('𝔸b', 'b𝔸')).toBe(1);
    expect(editDistance('café', 'cafe')).toBe(1);
  });

  it('stops early past the limit, saying only that it is over', () => {
    expect(editDistance('certificate', 'kubelet', 2)).toBe(3);
    expect(editDistance('abcdef', 'abcdef', 0)).toBe(0);
    expect(editDistance('ab', 'abcdefgh', 2)).toBe(3);
  });

  it('agrees with the textbook recurrence, and is symmetric, on any words', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistance(b, a)).toBe(exact);
        expect(editDistance(a, b, max)).toBe(Math.min(exact, max + 1));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('closest known word', () => {
  it('prefers the word more runbooks use when two are as near', () => {
    const terms = new Map([
      ['don', 1],
      ['down', 11],
      ['dawn', 2],
    ]);
    expect(closest('donw', terms)).toBe('down');
    // As near and as common: a swapped letter is likelier than a lost one.
    expect(closest('donw', new Map([['don', 2], ['down', 2]]))).toBe('down');
    expect(closest('fsnyc', new Map([['fsync', 2]]))).toBe('fsync');
  });

  it('allows one edit in short words, two from 8 letters, and never corrects to a number', () => {
    expect(closest('kubeltt', new Map([['kubelet', 3]]))).toBe('kubelet');
    expect(closest('dwn', new Map([['down', 3]]))).toBe('down');
    expect(closest('dn', new Map([['down', 3]]))).toBeNull();
    expect(closest('certifcaet', new Map([['certificate', 3]]))).toBe('certificate');
    expect(closest('1234', new Map([['1243', 9]]))).toBeNull();
  });
});
