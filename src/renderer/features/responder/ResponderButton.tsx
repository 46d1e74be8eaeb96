import { useState } from 'react';
import { useResponder } from '../../api/responder';
import { useRole } from '../session/queries';
import { initials } from './match';
import { WhoAreYouDialog } from './WhoAreYouDialog';

/**
 * A responder's console: asks "Who are you?" until this browser has a name,
 * and shows that name in the top bar, a click away from changing it. A viewer's
 * console (the read-only link) writes nothing, so it is never asked and shows nothing.
 */
export function ResponderButton() {
  const responder = useResponder();
  const role = useRole();
  const [changing, setChanging] = useState(false);
  if (role !== 'responder') return null;
  if (!responder) return <WhoAreYouDialog />;
  return (
    <>
      <button
        type="button"
        className="ghost top-bar-compact responder-button"
        onClick={() => setChanging(true)}
        title={`You log as ${responder.name}${responder.handle ? ` (@${responder.handle})` : ''} from this console: click to change`}
        aria-label={`You: ${responder.name}. Change your name`}
      >
        <span className="responder-initials" aria-hidden="true">
          {initials(responder.name)}
        </span>
      </button>
      {changing && <WhoAreYouDialog onClose={() => setChanging(false)} />}
    </>
  );
}

