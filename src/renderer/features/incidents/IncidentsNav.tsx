import { routeHref, useRoute } from '../../app/route';
import { openIncidents, useIncidentList } from './queries';
import { openDeclare } from './store';

/** "Incidents" in the top bar, with how many are open; open drills are counted apart, marked as drills. */
export function IncidentsNavLink() {
  const route = useRoute();
  const list = openIncidents(useIncidentList().data);
  const open = list.filter((incident) => !incident.drill).length;
  const drills = list.filter((incident) => incident.drill).length;
  const here = route.screen === 'incidents' || route.screen === 'incident';
  const counts = [open > 0 ? `${open} open` : null, drills > 0 ? `${drills} drill${drills === 1 ? '' : 's'}` : null].filter(Boolean).join(', ');
  return (
    <a
      href={routeHref({ screen: 'incidents' })}
      aria-current={here ? 'page' : undefined}
      aria-label={counts ? `Incidents (${counts})` : undefined}
      className="incidents-nav-link"
    >
      Incidents
      {open > 0 && (
        <span className="nav-badge" aria-hidden="true">
          {open}
        </span>
      )}
      {drills > 0 && (
        <span className="drill-tag drill-tag-small" aria-hidden="true">
          Drill{drills > 1 ? ` ×${drills}` : ''}
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
