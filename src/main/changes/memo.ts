/**
 * Answers kept by their question, so asking again costs a lookup. It holds at
 * most `limit` answers and then forgets them all at once: the questions in use
 * come back at once, and keeping an order of use would cost more than it saves.
 */
export class Memo<K, V extends NonNullable<unknown> | null> {
  private readonly answers = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The kept answer to `key`, worked out by `answer` (and kept) when there is none. */
  get(key: K, answer: () => V): V {
    let found = this.answers.get(key);
    if (found === undefined) {
      found = answer();
      if (this.answers.size >= this.limit) this.answers.clear();
      this.answers.set(key, found);
    }
    return found;
  }

  /** The kept answer to `key`, without working one out. */
  peek(key: K): V | undefined {
    return this.answers.get(key);
  }

  clear(): void {
    this.answers.clear();
  }
}
