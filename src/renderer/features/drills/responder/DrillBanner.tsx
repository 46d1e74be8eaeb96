import { useMemo } from 'react';
import type { Incident } from '../../../../shared/incidents';
import { LocalTime } from '../../runbooks/LocalTime';
import { useTimeline } from '../../incidents/queries';
import '../drills.css';
import { useActiveDrills } from '../queries';
import { DotIcon, PauseIcon } from '../../../components/icons';

/**
 * Across the top of a DRILL incident's screen: that it is an exercise, whether
 * the facilitator has the drill running or paused, and the injects as they fire
 * (newest first). Only what responders may see: never the facilitator's notes.
 */
export function DrillBanner({ incident }: { incident: Incident }) {
  const active = useActiveDrills().data ?? null;
  const run = active?.find((candidate) => candidate.incidentId === incident.id);
  const timeline = useTimeline(incident.id).data;
  const injects = useMemo(() => (timeline ?? []).filter((event) => event.type === 'inject' && event.supersededBy === null).reverse(), [timeline]);
  const [latest, ...earlier] = injects;
  const state = run ? run.state : incident.status === 'resolved' || active !== null ? 'over' : 'unknown';
  return (
    <section className="drill-banner" role="region" aria-label="Drill" data-state={state}>
      <div className="drill-banner-head">
        <span className="drill-banner-word">Drill</span>
        <p className="drill-banner-text">
          <strong>This is a drill, not a real incident.</strong> Work it as you would a real one; it is kept out of the metrics.
        </p>
        <span className="drill-banner-state" aria-live="polite">
          {STATE_LABELS[state]}
        </span>
      </div>
      {latest ? (
        <div className="drill-injects" aria-live="polite">
          <p className="drill-inject-latest" data-testid="latest-inject">
            <span className="drill-inject-label">
              Inject <LocalTime iso={latest.at} />
            </span>{' '}
            {latest.text}
          </p>
          {earlier.length > 0 && (
            <details className="drill-inject-earlier">
              <summary>
                {earlier.length} earlier inject{earlier.length === 1 ? '' : 's'}
              </summary>
              <ul>
                {earlier.map((event) => (
                  <li key={event.id}>
                    <LocalTime iso={event.at} /> {event.text}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ) : (
        state !== 'over' && state !== 'stopped' && <p className="drill-injects drill-injects-none">No injects yet: the facilitator’s news will appear here as it happens.</p>
      )}
    </section>
  );
}

const STATE_LABELS = {
  running: (
    <>
      <DotIcon /> Drill running
    </>
  ),
  paused: (
    <>
      <PauseIcon /> Paused by the facilitator
    </>
  ),
  stopped: 'Drill over',
  over: 'Drill over',
  unknown: '',
};
