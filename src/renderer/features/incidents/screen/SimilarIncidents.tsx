import { useEffect, useState } from 'react';
import type { Incident, IncidentSummary } from '../../../../shared/incidents';
import { api } from '../../../api/client';
import { routeHref } from '../../../app/route';
import { LocalTime } from '../../runbooks/LocalTime';
import { serviceList, severityClass, STATUS_LABELS } from '../format';

/**
 * Earlier incidents on the same services or with words of the same title, each with
 * its post-mortem: what was learned last time, one click away. Shown only when there are some.
 */
export function SimilarIncidents({ incident }: { incident: Incident }) {
  const [similar, setSimilar] = useState<IncidentSummary[]>([]);
  // Asked again when what makes incidents alike changes.
  const key = `${incident.id}\n${incident.title}\n${incident.services.join(',')}`;

  useEffect(() => {
    let live = true;
    void api.similarIncidents({ id: incident.id }).then((result) => {
      // A failure here costs nothing the responder needs now: the panel stays away.
      if (live) setSimilar(result.ok ? result.value : []);
    });
    return () => {
      live = false;
    };
    // `key` covers the incident, its title and its services.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

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
