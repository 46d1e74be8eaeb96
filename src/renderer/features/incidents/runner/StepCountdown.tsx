import type { IncidentStep } from '../../../../shared/incidents';
import { TimerBadge } from '../../runbooks/StepsOutline';
import { useNow } from '../clock';
import { formatClock } from '../format';

/**
 * A step's timer. Before the step starts it shows the duration; once started it
 * counts down from the stored start time by the browser's clock, so a reload
 * continues it; past due it counts the overrun.
 */
export function StepCountdown({ step, large }: { step: IncidentStep; large?: boolean }) {
  if (step.timerSeconds === null) return null;
  if (step.state !== 'started' || step.startedAt === null) return <TimerBadge seconds={step.timerSeconds} />;
  return <Running startedAt={step.startedAt} seconds={step.timerSeconds} large={large === true} />;
}

function Running({ startedAt, seconds, large }: { startedAt: string; seconds: number; large: boolean }) {
  const now = useNow();
  const left = Date.parse(startedAt) + seconds * 1000 - now;
  const due = left <= 0;
  return (
    <span className={['countdown', due ? 'countdown-due' : null, large ? 'countdown-large' : null].filter(Boolean).join(' ')} data-due={due}>
      {due ? (
        <>
          <span className="countdown-label">Timer due</span> <span className="countdown-value">+{formatClock(-left)}</span>
        </>
      ) : (
        <>
          <span className="countdown-value">{formatClock(left)}</span> <span className="countdown-label">left</span>
        </>
      )}
    </span>
  );
}
