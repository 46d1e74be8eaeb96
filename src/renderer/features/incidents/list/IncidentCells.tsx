import type { IncidentSummary } from '../../../../shared/incidents';
import { routeHref } from '../../../app/route';
import { drillTitle, DrillTag } from '../../drills/DrillTag';
import { serviceList, severityClass } from '../format';

/** The two cells every incident table starts with: severity, then the title (a link) and its services. */
export function IncidentCells({ incident }: { incident: IncidentSummary }) {
  return (
    <>
      <td>
        <span className={severityClass(incident.severity)}>{incident.severity}</span>
      </td>
      <td>
        {incident.drill && <DrillTag />}
        <a className="incident-link" href={routeHref({ screen: 'incident', id: incident.id })}>
          {drillTitle(incident)}
        </a>
        <span className="incident-services">{serviceList(incident.services)}</span>
      </td>
    </>
  );
}
