import { useSyncExternalStore } from 'react';
import { systemClock, type Clock } from '../../shared/clock';

/**
 * The console's one clock (the Clock interface the core uses too): real time
 * unless something (a test, a demo) has put another in its place. Running times
 * on screen are always computed from stored instants and this clock, never from
 * counted ticks, so a reload (or a laptop waking up) shows the right values at once.
 */
let current: Clock = systemClock;

export const clock: Clock = { now: () => current.now() };

export function setClock(next: Clock): void {
  current = next;
}

const SECOND = 1000;
const MINUTE = 60_000;

/** Ticks once a second for every component that shows a running time (elapsed, minutes since the last update, step countdowns). */
let now = clock.now().getTime();
const listeners = new Set<() => void>();
let interval: number | undefined;

function tick(): void {
  now = clock.now().getTime();
  for (const listener of listeners) listener();
}

function subscribeSeconds(listener: () => void): () => void {
  listeners.add(listener);
  if (interval === undefined) {
    now = clock.now().getTime();
    interval = window.setInterval(tick, SECOND);
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
  return useSyncExternalStore(subscribeSeconds, snapshot);
}

const currentMinute = (): number => Math.floor(clock.now().getTime() / MINUTE) * MINUTE;

/** Tells React at each minute boundary, and when the window comes back into view (a laptop waking at 3 a.m.). */
function subscribeMinutes(onChange: () => void): () => void {
  let timer: number | undefined;
  const schedule = () => {
    timer = window.setTimeout(
      () => {
        onChange();
        schedule();
      },
      MINUTE - (clock.now().getTime() % MINUTE) + 50,
    );
  };
  schedule();
  const onVisible = () => {
    if (document.visibilityState === 'visible') onChange();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/** The current minute (epoch ms at its start); components using it re-render when it changes. */
export function useMinuteClock(): number {
  return useSyncExternalStore(subscribeMinutes, currentMinute);
}
