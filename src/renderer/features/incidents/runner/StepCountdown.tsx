import { useMemo } from 'react';
import type { Incident, IncidentStep } from '../../../../shared/incidents';
import { useActiveDrills } from '../../drills/queries';
import { TimerBadge } from '../../runbooks/StepsOutline';
import { useNow } from '../clock';
import { formatClock } from '../format';
import { isTimed, readStepTimer, timerStops, type TimerStops } from '../step-timers';

/**
 * A step's timer. Before the step starts it shows the duration; once started it
 * counts down from the stored start time by the browser's clock, so a reload
 * continues it; past due it counts the overrun. It stands still while the drill
 * is paused, and stops for good when the incident is resolved.
 */
export function StepCountdown({ step, stops, large }: { step: IncidentStep; stops: TimerStops; large?: boolean }) {
  if (step.timerSeconds === null) return null;
  if (!isTimed(step)) return <TimerBadge seconds={step.timerSeconds} />;
  return <Running startedAt={Date.parse(step.startedAt)} seconds={step.timerSeconds} stops={stops} large={large === true} />;
}

function Running({ startedAt, seconds, stops, large }: { startedAt: number; seconds: number; stops: TimerStops; large: boolean }) {
  const reading = readStepTimer(startedAt, seconds, useNow(), stops);
  const { due, stopped } = reading;
  const value = formatClock(Math.abs(reading.leftMs));
  const className = ['countdown', due && !stopped ? 'countdown-due' : null, stopped ? 'countdown-stopped' : null, large ? 'countdown-large' : null];
  return (
    <span className={className.filter(Boolean).join(' ')} data-due={due} data-stopped={stopped ?? undefined}>
      {stopped === 'resolved' ? (
        <>
          <span className="countdown-label">{large ? 'Timer stopped at resolution' : 'Stopped'}</span>{' '}
          <span className="countdown-value">{due ? `+${value} over` : `${value} left`}</span>
        </>
      ) : due ? (
        <>
          <span className="countdown-label">Timer due</span> <span className="countdown-value">+{value}</span>
        </>
      ) : (
        <>
          <span className="countdown-value">{value}</span> <span className="countdown-label">{stopped === 'paused' ? 'left (drill paused)' : 'left'}</span>
        </>
      )}
    </span>
  );
}

/** What stops this incident's step timers now: its resolution, its drill's pauses. */
export function useTimerStops(incident: Incident): TimerStops {
  const drills = useActiveDrills().data ?? null;
  return useMemo(() => timerStops(incident, drills), [incident, drills]);
}
