import { useNow } from '../incidents/clock';
import type { LiveRun } from './store';

/**
 * The drill clock as it stands now: the core's value, ticking on locally while
 * the drill runs (the browser's clock counts the seconds since it arrived).
 * A paused or stopped drill shows exactly what the core said.
 */
export function useDrillSeconds(live: LiveRun | undefined): number {
  const now = useNow();
  if (!live) return 0;
  const { run, receivedAt } = live;
  return run.state === 'running' ? run.elapsedSeconds + Math.max(0, Math.floor((now - receivedAt) / 1000)) : run.elapsedSeconds;
}
