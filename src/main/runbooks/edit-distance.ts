/**
 * Optimal string alignment distance (restricted Damerau–Levenshtein): inserting,
 * deleting or substituting a letter, or swapping two adjacent letters, is one
 * edit each. Swapped letters are the commonest typing slip ("fsnyc" for "fsync",
 * "donw" for "down"), which plain Levenshtein counts as two edits.
 *
 * Counts code points, not UTF-16 units. Gives up early: once the distance must
 * exceed `max` it returns `max + 1`, so scanning a whole vocabulary stays cheap.
 */
export function editDistance(from: string, to: string, max = Number.POSITIVE_INFINITY): number {
  const a = Array.from(from);
  const b = Array.from(to);
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0 || b.length === 0) return Math.min(Math.max(a.length, b.length), max + 1);

  // Three rows of the dynamic-programming table: two rows back (for swaps), the previous one, this one.
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  const distance = previous[b.length] ?? 0;
  return distance > max ? max + 1 : distance;
}
