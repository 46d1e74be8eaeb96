import type { Incident, IncidentSummary } from '../../../../shared/incidents';
import { routeHref } from '../../../app/route';
import { LocalTime } from '../../runbooks/LocalTime';
import { useSimilarIncidents } from '../queries';
import { serviceList, severityClass, STATUS_LABELS } from '../format';

/**
 * Earlier incidents on the same services or with words of the same title, each with
 * its post-mortem: what was learned last time, one click away. Shown only when there are some.
 */
export function SimilarIncidents({ incident }: { incident: Incident }) {
  // A failure here costs nothing the responder needs now: the panel stays away.
  const similar: IncidentSummary[] = useSimilarIncidents(incident.id).data ?? [];

  if (similar.length === 0) return null;
  return (
    <details className="panel similar-incidents" open>
      <summary className="panel-title">Similar past incidents ({similar.length})</summary>
      <ul aria-label="Similar past incidents">
        {similar.map((other) => (
          <li key={other.id}>
            <span className="similar-head">
              <span className={severityClass(other.severity)}>{other.severity}</span>
              <a href={routeHref({ screen: 'incident', id: other.id })}>{other.title}</a>
            </span>
            <span className="muted">
              <LocalTime iso={other.startedAt} /> · {STATUS_LABELS[other.status]}
              {other.services.length > 0 ? ` · ${serviceList(other.services)}` : ''}
            </span>
            {other.status === 'resolved' && (
              <a href={routeHref({ screen: 'postmortem', id: other.id })} aria-label={`Post-mortem of ${other.title}`}>
                Post-mortem
              </a>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
