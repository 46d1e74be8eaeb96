import { describe, expect, it } from 'vitest';
import { Memo } from '../../../src/main/changes/memo';

describe('Memo', () => {
  it('works an answer out once and keeps it, null included', () => {
    const memo = new Memo<string, number | null>(10);
    let asked = 0;
    const answer = () => {
      asked += 1;
      return null;
    };
    expect(memo.get('a', answer)).toBeNull();
    expect(memo.get('a', answer)).toBeNull();
    expect(asked).toBe(1);
    expect(memo.peek('a')).toBeNull();
    expect(memo.peek('b')).toBeUndefined();
  });

  it('forgets everything once it holds its limit, and works answers out again', () => {
    const memo = new Memo<number, number>(3);
    let asked = 0;
    const square = (n: number) => memo.get(n, () => ((asked += 1), n * n));
    [1, 2, 3].forEach(square);
    expect(asked).toBe(3);
    expect(square(4)).toBe(16);
    expect(memo.peek(1)).toBeUndefined();
    expect(square(1)).toBe(1);
    expect(asked).toBe(5);
  });

  it('keeps nothing when working the answer out throws', () => {
    const memo = new Memo<string, string>(10);
    expect(() =>
      memo.get('bad', () => {
        throw new Error('no answer');
      }),
    ).toThrow('no answer');
    expect(memo.peek('bad')).toBeUndefined();
  });
});
