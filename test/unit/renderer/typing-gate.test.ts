import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { typingGate } from '../../../src/renderer/components/typing-gate';

/** A search box behind the gate, and the searches it has sent so far. */
function searchBox() {
  const searched: string[] = [];
  const gate = typingGate<string>((value) => searched.push(value), { burstMs: 60, quietMs: 120, clock: () => Date.now() });
  return { searched, gate };
}

describe('typingGate: one search per burst of keys, none of the keys in between', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('searches the first key at once and the whole word when the typing pauses', () => {
    const { searched, gate } = searchBox();
    let typed = '';
    for (const letter of 'replication') {
      typed += letter;
      gate(typed);
      vi.advanceTimersByTime(35);
    }
    expect(searched).toEqual(['r']);
    vi.advanceTimersByTime(120);
    expect(searched).toEqual(['r', 'replication']);
  });

  it('lets a key after a gap through without waiting: a slow typist is never kept waiting', () => {
    const { searched, gate } = searchBox();
    gate('replicatio');
    vi.advanceTimersByTime(90);
    gate('replication');
    expect(searched).toEqual(['replicatio', 'replication']);
    vi.advanceTimersByTime(500);
    expect(searched).toEqual(['replicatio', 'replication']);
  });

  it('delivers a cleared box at once and drops what was waiting', () => {
    const { searched, gate } = searchBox();
    gate('r');
    gate('re');
    gate.now('');
    vi.advanceTimersByTime(500);
    expect(searched).toEqual(['r', '']);
  });
});
