import { routeHref, useRoute } from '../../app/route';
import { NavLink } from '../../components/NavLink';
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
    <NavLink href={routeHref({ screen: 'incidents' })} current={here} name="Incidents" className="incidents-nav-link" count={open} badgeClassName="nav-badge" counted={counts || null}>
      {drills > 0 && (
        <span className="drill-tag drill-tag-small" aria-hidden="true">
          Drill{drills > 1 ? ` ×${drills}` : ''}
        </span>
      )}
    </NavLink>
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
