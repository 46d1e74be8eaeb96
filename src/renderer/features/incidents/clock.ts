import { useSyncExternalStore } from 'react';

/**
 * The browser's clock, ticking once a second for every component that shows a
 * running time (elapsed, minutes since the last update, step countdowns). Times
 * are always computed from stored instants and this clock, never from counted
 * ticks, so a reload (or a laptop waking up) shows the right values at once.
 */
let now = Date.now();
const listeners = new Set<() => void>();
let interval: number | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (interval === undefined) {
    now = Date.now();
    interval = window.setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== undefined) {
      window.clearInterval(interval);
      interval = undefined;
    }
  };
}

const snapshot = () => now;

/** The instant the running times on screen were last drawn with (what a confirmation must agree with). */
export const currentNow = (): number => now;

/** Milliseconds since the epoch, updated every second while something shows it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
