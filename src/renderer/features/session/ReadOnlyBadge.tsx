import { useEffect } from 'react';
import { useSession } from './store';
import './session.css';

/**
 * "Read-only" in the top bar of a viewer's console (a wall display opened with
 * the viewer link). It also marks the page so the controls that change data are
 * hidden; the core refuses those operations for a viewer whatever the page shows.
 */
export function ReadOnlyBadge() {
  const role = useSession((state) => state.role);

  useEffect(() => {
    void useSession.getState().load();
  }, []);

  useEffect(() => {
    if (role) document.documentElement.dataset.role = role;
  }, [role]);

  if (role !== 'viewer') return null;
  return (
    <span className="read-only-badge" role="status" title="Opened with the viewer link: you can look at everything but change nothing.">
      Read-only
    </span>
  );
}
