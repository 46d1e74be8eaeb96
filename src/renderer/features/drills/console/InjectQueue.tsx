import type { DrillRun, InjectStatus } from '../../../../shared/drills';
import { clockText, offsetText } from '../format';
import { CheckIcon, PauseIcon } from '../../../components/icons';
import { ForResponders } from '../../session/ForResponders';

/**
 * Every inject of the script in order, with when it fires (a countdown that
 * ticks with the drill clock), its facilitator notes, and fire / hold / release.
 */
export function InjectQueue(props: {
  run: DrillRun;
  /** The drill clock now, and what it was when the core sent the run (countdowns are relative to that). */
  seconds: number;
  liveFrom: number;
  next: string | undefined;
  onAction: (injectId: string, action: 'fire' | 'hold' | 'release') => void;
}) {
  const { run } = props;
  const fired = run.injects.filter((inject) => inject.status === 'fired').length;
  return (
    <section className="drill-panel inject-queue" aria-labelledby="inject-queue-heading">
      <h2 id="inject-queue-heading">
        Inject queue{' '}
        <span className="count">
          ({fired} of {run.injects.length} fired)
        </span>
      </h2>
      {run.injects.length === 0 ? (
        <p className="muted">This scenario has no injects.</p>
      ) : (
        <ol className="inject-list">
          {run.injects.map((inject, index) => (
            <li key={inject.injectId} className="inject-item" data-status={inject.status} data-next={inject.injectId === props.next || undefined} aria-label={`Inject ${index + 1}: ${inject.title}`}>
              <div className="inject-when">
                <Countdown inject={inject} elapsedSince={props.seconds - props.liveFrom} />
                <span className="inject-offset">{offsetText(inject.offsetSeconds)}</span>
              </div>
              <div className="inject-body">
                <p className="inject-title">
                  <span className="inject-index">{index + 1}.</span> {inject.title}
                  {inject.injectId === props.next && <span className="next-mark">next</span>}
                </p>
                {inject.text && <p className="inject-text">{inject.text}</p>}
                {inject.facilitatorNotes && (
                  <p className="facilitator-note">
                    <span className="facilitator-note-label">Only you see this:</span> {inject.facilitatorNotes}
                  </p>
                )}
              </div>
              <ForResponders>
                <div className="inject-actions">
                  {inject.status !== 'fired' && (
                    <button type="button" className="primary" onClick={() => props.onAction(inject.injectId, 'fire')} aria-label={`Fire now: ${inject.title}`}>
                      Fire now
                    </button>
                  )}
                  {inject.status === 'pending' && inject.offsetSeconds !== null && (
                    <button type="button" onClick={() => props.onAction(inject.injectId, 'hold')} aria-label={`Hold: ${inject.title}`}>
                      Hold
                    </button>
                  )}
                  {inject.status === 'held' && (
                    <button type="button" onClick={() => props.onAction(inject.injectId, 'release')} aria-label={`Release: ${inject.title}`}>
                      Release
                    </button>
                  )}
                </div>
              </ForResponders>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "in 01:23", "due now", "fired at 02:00", "held", "waiting for you". */
function Countdown({ inject, elapsedSince }: { inject: InjectStatus; elapsedSince: number }) {
  if (inject.status === 'fired') {
    return (
      <span className="inject-countdown inject-countdown-fired">
        <CheckIcon /> fired at {clockText(inject.firedAtSeconds ?? 0)}
      </span>
    );
  }
  if (inject.status === 'held') {
    return (
      <span className="inject-countdown inject-countdown-held">
        <PauseIcon /> held
      </span>
    );
  }
  if (inject.dueInSeconds === null) return <span className="inject-countdown inject-countdown-manual">waiting for you</span>;
  const left = Math.max(0, inject.dueInSeconds - elapsedSince);
  return <span className="inject-countdown inject-countdown-pending">{left === 0 ? 'due now' : `in ${clockText(left)}`}</span>;
}
