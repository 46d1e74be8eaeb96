import { routeHref, useRoute } from '../../app/route';
import { openDeclare, openIncidents, useIncidents } from './store';

/** "Incidents" in the top bar, with how many are open. */
export function IncidentsNavLink() {
  const route = useRoute();
  const open = useIncidents((state) => openIncidents(state.list).length);
  const here = route.screen === 'incidents' || route.screen === 'incident';
  return (
    <a
      href={routeHref({ screen: 'incidents' })}
      aria-current={here ? 'page' : undefined}
      aria-label={open > 0 ? `Incidents (${open} open)` : undefined}
      className="incidents-nav-link"
    >
      Incidents
      {open > 0 && (
        <span className="nav-badge" aria-hidden="true">
          {open}
        </span>
      )}
    </a>
  );
}

/** Declare from anywhere (also Ctrl+I / Cmd+I). */
export function DeclareButton() {
  return (
    <button type="button" className="declare-button" onClick={openDeclare} aria-keyshortcuts="Control+I Meta+I">
      Declare incident <kbd aria-hidden="true">Ctrl+I</kbd>
    </button>
  );
}
