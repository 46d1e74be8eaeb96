import { routeHref } from '../../../app/route';
import { LocalTime } from '../../runbooks/LocalTime';
import { useActiveDrills } from '../queries';

/** Drills running or paused right now, each a link to its facilitator console. */
export function RunningDrills() {
  const active = useActiveDrills().data;
  if (!active || active.length === 0) return null;
  return (
    <section className="drill-panel running-drills" aria-labelledby="running-drills-heading">
      <h2 id="running-drills-heading">Running now</h2>
      <ul>
        {active.map((run) => (
          <li key={run.id}>
            <a href={routeHref({ screen: 'drill-run', id: run.id })}>{run.scenarioTitle}</a>
            <span className={`drill-state drill-state-${run.state}`}>{run.state === 'paused' ? 'Paused' : 'Running'}</span>
            <span className="muted">
              started <LocalTime iso={run.startedAt} />
            </span>
            <a href={routeHref({ screen: 'incident', id: run.incidentId })}>Responders’ incident</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
