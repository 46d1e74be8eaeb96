import { useSyncExternalStore } from 'react';

/** The on-call screens' one source of "now". */
export interface Clock {
  now(): Date;
}

let current: Clock = { now: () => new Date() };

/** Real time, unless something (a test, a demo) has put another clock in its place. */
export const clock: Clock = { now: () => current.now() };

export function setClock(next: Clock): void {
  current = next;
}

const MINUTE = 60_000;

const currentMinute = (): number => Math.floor(clock.now().getTime() / MINUTE) * MINUTE;

/** Tells React at each minute boundary, and when the window comes back into view (a laptop waking at 3 a.m.). */
function subscribe(onChange: () => void): () => void {
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
  return useSyncExternalStore(subscribe, currentMinute);
}
