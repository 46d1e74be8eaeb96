import { useId, useState } from 'react';
import { useResponder } from '../../api/responder';
import { useCanWrite } from '../session/queries';
import { WhoAreYouDialog } from './WhoAreYouDialog';

/** Settings: the name this console's writes go under, kept by this browser (or desktop user), and the way to change it. */
export function ResponderSection() {
  const id = useId();
  const responder = useResponder();
  const canWrite = useCanWrite();
  const [changing, setChanging] = useState(false);
  if (!canWrite) return null;
  return (
    <section className="panel settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        You, on this {window.holdfast ? 'computer' : 'browser'}
      </h2>
      <div className="settings-row">
        <p className="responder-now">
          {responder ? (
            <>
              You log as <strong>{responder.name}</strong>
              {responder.handle && <span className="muted"> (@{responder.handle} on the roster)</span>}.
            </>
          ) : (
            'You have not said who you are yet.'
          )}{' '}
          <span className="muted">Each browser and each desktop user keeps its own name, so two responders on one workspace stay two people.</span>
        </p>
        <button type="button" onClick={() => setChanging(true)}>
          Change…
        </button>
      </div>
      {changing && <WhoAreYouDialog onClose={() => setChanging(false)} />}
    </section>
  );
}
