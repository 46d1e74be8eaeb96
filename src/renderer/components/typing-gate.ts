import { useEffect, useState } from 'react';

/**
 * How long typing must pause before what was typed is searched for. Short: the
 * first key after a pause searches at once (no wait at all), and a burst of keys
 * costs one search at its end instead of one per key (docs/performance.md:
 * keystroke → results).
 */
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
 * Passes typed values on to `deliver`: the first of a burst at once, the last of it
 * when the keys stop for `quietMs`; the ones between are never delivered.
 */
export function typingGate<T>(deliver: (value: T) => void, quietMs = TYPING_QUIET_MS, clock: () => number = () => performance.now()): TypingGate<T> {
  let lastKey = Number.NEGATIVE_INFINITY;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (waiting !== undefined) clearTimeout(waiting);
    waiting = undefined;
  };
  const gate = (value: T) => {
    const at = clock();
    const paused = at - lastKey >= quietMs;
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
