import type { Clock } from '../../shared/clock';

/** The core's source of "now" is the one clock interface (src/shared/clock.ts), so tests can set the time. */
export { systemClock, type Clock } from '../../shared/clock';

/** A clock that moves only when told: tests, and `holdfast web --test-clock`. */
export interface ManualClock extends Clock {
  set(time: Date | string): void;
  advance(ms: number): void;
}

export function fixedClock(start: Date | string): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (time) => {
      current = new Date(time);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
