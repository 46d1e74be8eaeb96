import { useEffect, useMemo } from 'react';
import { navigate } from '../../app/route';
import { useActiveDrills } from '../drills/queries';
import { useNow } from './clock';
import { formatClock } from './format';
import { selectStep, stepKey } from './runner/selection';
import { useOpenIncidentDetails } from './queries';
import { isDue, readStepTimer, stepTimers, type StepTimer } from './step-timers';
import { acknowledgeTimer, notifyDue, useTimerAcks } from './timers';

/**
 * Step timers that are due, on every screen: an alert banner that stays until
 * someone acknowledges it, and a system notification when the browser allows one.
 * A resolved incident has no running timers, and a paused drill's stand still.
 */
export function TimerAlerts() {
  const details = useOpenIncidentDetails();
  const drills = useActiveDrills().data ?? null;
  const timers = useMemo(() => details.flatMap((incident) => stepTimers(incident, drills)), [details, drills]);
  // Only tick every second while some step timer is running.
  return timers.length > 0 ? <DueTimers timers={timers} /> : null;
}

function DueTimers({ timers }: { timers: StepTimer[] }) {
  const now = useNow();
  const acked = useTimerAcks((state) => state.acked);
  const due = timers.filter((timer) => isDue(timer, now) && !acked.includes(timer.key));
  const dueKeys = due.map((timer) => timer.key).join(' ');

  useEffect(() => {
    for (const timer of due) notifyDue(timer);
    // The keys say everything that matters; `due` is a new array every second.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dueKeys]);

  return (
    <div className="timer-alerts" role="alert">
      {due.map((timer) => (
        <div className="banner banner-timer" key={timer.key}>
          <span className="timer-alert-text">
            <strong>Timer due:</strong> step {timer.stepNumber} of “{timer.runbookTitle}” — {timer.text}
            <span className="timer-alert-where"> · {timer.incidentTitle}</span>
            <span className="timer-alert-over" aria-hidden="true">
              {' '}
              (+{formatClock(-readStepTimer(timer.startedAt, timer.seconds, now, timer.stops).leftMs)})
            </span>
          </span>
          <span className="timer-alert-actions">
            <button
              type="button"
              onClick={() => {
                selectStep(timer.incidentId, stepKey(timer.runbookId, timer.stepId));
                navigate({ screen: 'incident', id: timer.incidentId });
              }}
            >
              Go to step
            </button>
            <button type="button" className="primary" onClick={() => acknowledgeTimer(timer.key)}>
              Acknowledge
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
