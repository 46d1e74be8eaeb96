import { useState } from 'react';
import type { DrillScenario } from '../../../../shared/drills';
import { readOp } from '../../../api/queries';
import { LocalTime } from '../../runbooks/LocalTime';
import { startDrill } from './start';

/** Picks a scenario at random, favouring the ones drilled least recently, and offers to start it. */
export function WheelOfMisfortune({ disabled, onError }: { disabled: boolean; onError: (message: string) => void }) {
  const [picked, setPicked] = useState<DrillScenario | null>(null);
  const [busy, setBusy] = useState(false);

  const spin = async () => {
    setBusy(true);
    const result = await readOp('pickDrillScenario', {}, { fresh: true });
    setBusy(false);
    if (result.ok) setPicked(result.value);
    else onError(result.error.message);
  };

  return (
    <section className="drill-panel wheel" aria-labelledby="wheel-heading">
      <div className="wheel-head">
        <h2 id="wheel-heading">Wheel of misfortune</h2>
        <p className="muted">A random scenario, weighted toward the ones drilled least recently.</p>
        <span className="spacer" />
        <button type="button" onClick={() => void spin()} disabled={disabled || busy}>
          {picked ? 'Spin again' : 'Spin the wheel'}
        </button>
      </div>
      {picked && (
        <div className="wheel-result" role="status" aria-live="polite">
          <p>
            The wheel picked <strong className="wheel-title">{picked.title}</strong>
            {' — '}
            {picked.lastRunAt ? (
              <>
                last run <LocalTime iso={picked.lastRunAt} />, {picked.runCount} run{picked.runCount === 1 ? '' : 's'} so far
              </>
            ) : (
              'never drilled yet'
            )}
            .
          </p>
          <button type="button" className="primary" onClick={() => void startDrill(picked).then((message) => message && onError(message))}>
            Start this drill
          </button>
        </div>
      )}
    </section>
  );
}
