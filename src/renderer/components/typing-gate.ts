import { useEffect, useState } from 'react';

/**
 * Keys closer together than this are one burst (a word typed fast, a paste
 * corrected): only its first key and its last value are searched for. A key after
 * a longer gap searches at once: the answer of a local search takes a few
 * milliseconds, so waiting would only make search feel slow (docs/performance.md:
 * keystroke → results).
 */
export const BURST_GAP_MS = 60;

/** How long a burst must pause before its last value is searched for. */
export const TYPING_QUIET_MS = 120;

export interface TypingGate<T> {
  /** A new value typed: delivered at once after a pause, else once the typing pauses. */
  (value: T): void;
  /** Delivers a value now (a cleared box), dropping any waiting one. */
  now(value: T): void;
  /** Drops a waiting value (the box went away). */
  cancel(): void;
}

/**
 * Passes typed values on to `deliver`: a key after a gap at once, and of a burst of
 * keys (each within `burstMs` of the last) the first at once and the last when the
 * keys stop for `quietMs`; the ones between are never delivered.
 */
export function typingGate<T>(
  deliver: (value: T) => void,
  options: { burstMs?: number; quietMs?: number; clock?: () => number } = {},
): TypingGate<T> {
  const { burstMs = BURST_GAP_MS, quietMs = TYPING_QUIET_MS, clock = () => performance.now() } = options;
  let lastKey = Number.NEGATIVE_INFINITY;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (waiting !== undefined) clearTimeout(waiting);
    waiting = undefined;
  };
  const gate = (value: T) => {
    const at = clock();
    const paused = at - lastKey >= burstMs;
    lastKey = at;
    cancel();
    if (paused) deliver(value);
    else
      waiting = setTimeout(() => {
        waiting = undefined;
        deliver(value);
      }, quietMs);
  };
  gate.now = (value: T) => {
    cancel();
    deliver(value);
  };
  gate.cancel = cancel;
  return gate;
}

/** `value` once it has stayed the same for `quietMs` (a body being typed, previewed when the author pauses). */
export function useSettledValue<T>(value: T, quietMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), quietMs);
    return () => clearTimeout(timer);
  }, [value, quietMs]);
  return settled;
}

/** A typing gate for a component: `searched` is what to search for, `type` takes each keystroke's value. */
export function useTypedSearch(initial = ''): { searched: string; type: TypingGate<string> } {
  const [searched, setSearched] = useState(initial);
  const [type] = useState(() => typingGate(setSearched));
  useEffect(() => () => type.cancel(), [type]);
  return { searched, type };
}
