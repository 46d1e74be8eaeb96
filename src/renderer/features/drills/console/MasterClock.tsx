import type { DrillRun } from '../../../../shared/drills';
import { clockText } from '../format';
import { DotIcon } from '../../../components/icons';
import { ForResponders } from '../../session/ForResponders';

/** The drill clock, big enough to read across the room; PAUSED while paused (paused time is never counted). */
export function MasterClock(props: { run: DrillRun; seconds: number; onToggle: () => void; onStop: () => void }) {
  const paused = props.run.state === 'paused';
  return (
    <section className="drill-panel master-clock" data-state={props.run.state} aria-label="Drill clock">
      <p className="clock-label">Drill clock</p>
      <p className="clock-value" role="timer" aria-live="off" data-testid="drill-clock">
        {clockText(props.seconds)}
      </p>
      <p className="clock-state" aria-live="polite">
        {paused ? (
          'PAUSED'
        ) : (
          <>
            <DotIcon /> Running
          </>
        )}
      </p>
      <ForResponders>
        <div className="clock-actions">
          <button type="button" className="primary clock-toggle" onClick={props.onToggle} aria-keyshortcuts="Space">
            {paused ? 'Resume' : 'Pause'} <kbd aria-hidden="true">Space</kbd>
          </button>
          <button type="button" className="danger" onClick={props.onStop}>
            Stop drill…
          </button>
        </div>
      </ForResponders>
    </section>
  );
}
