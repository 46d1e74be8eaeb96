import { useRole } from './queries';
import './session.css';

/**
 * "Read-only" in the top bar of a viewer's console (a wall display opened with
 * the viewer link). Such a console offers no control that changes data (see
 * ForResponders and useCanWrite); the core refuses those operations for a viewer
 * whatever the page shows.
 */
export function ReadOnlyBadge() {
  const role = useRole();
  if (role !== 'viewer') return null;
  return (
    <span className="read-only-badge" role="status" title="Opened with the viewer link: you can look at everything but change nothing.">
      Read-only
    </span>
  );
}
