import type { PausedSpan } from '../../shared/drills';

/** A run's facilitator events that matter to its clock. */
export interface ClockEvent {
  at: string;
  kind: string;
}

/**
 * The drill clock at an instant: milliseconds since the start, without the
 * time spent paused (and not running past the stop).
 */
export function drillElapsedMs(startedAt: string, events: ClockEvent[], at: string, stoppedAt: string | null): number {
  const end = Math.min(Date.parse(at), stoppedAt ? Date.parse(stoppedAt) : Infinity);
  let elapsed = 0;
  let runningSince: number | null = Date.parse(startedAt);
  for (const event of events) {
    const when = Date.parse(event.at);
    if (when > end) break;
    if (event.kind === 'paused' && runningSince !== null) {
      elapsed += when - runningSince;
      runningSince = null;
    } else if (event.kind === 'resumed' && runningSince === null) {
      runningSince = when;
    }
  }
  if (runningSince !== null) elapsed += Math.max(0, end - runningSince);
  return Math.max(0, elapsed);
}

/** When the drill stood paused; a span still open when the drill stopped ends at the stop. */
export function pausedSpans(events: ClockEvent[], stoppedAt: string | null): PausedSpan[] {
  const spans: PausedSpan[] = [];
  for (const event of events) {
    const open = spans.at(-1);
    if (event.kind === 'paused' && (!open || open.to !== null)) spans.push({ from: event.at, to: null });
    else if (event.kind === 'resumed' && open && open.to === null) open.to = event.at;
  }
  const last = spans.at(-1);
  if (last && last.to === null && stoppedAt !== null) last.to = stoppedAt;
  return spans;
}
