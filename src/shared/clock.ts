/**
 * The one clock interface, in the core and in the console alike: whatever says
 * what time it is has `now()`, so tests (and `holdfast web --test-clock`) can
 * put another clock in its place.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
