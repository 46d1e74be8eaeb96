import { currentNow, useNow } from '../incidents/clock';
import type { LiveRun } from './queries';

/**
 * The drill clock at a browser instant: the core's value to the millisecond,
 * ticking on locally while the drill runs (the browser's clock counts the time
 * since it arrived), in whole seconds rounded down as the core counts them, so it
 * never reads earlier than an inject's "fired at". A paused or stopped drill
 * shows exactly what the core said.
 */
export function drillSecondsAt(live: LiveRun | undefined, now: number): number {
  if (!live) return 0;
  const { run, receivedAt } = live;
  if (run.state !== 'running') return run.elapsedSeconds;
  return Math.max(run.elapsedSeconds, Math.floor((run.elapsedMs + Math.max(0, now - receivedAt)) / 1000));
}

/** The drill clock as it stands now, ticking every second. */
export function useDrillSeconds(live: LiveRun | undefined): number {
  return drillSecondsAt(live, useNow());
}

/** What every clock on screen reads at this moment (the same tick they were drawn with). */
export const drillSecondsShown = (live: LiveRun | undefined): number => drillSecondsAt(live, currentNow());
