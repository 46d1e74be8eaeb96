import type { Incident, TimelineEvent } from '../../../shared/incidents';
import { stepSummary } from '../../../shared/step-text';
import { systemZone, zonedParts } from '../../../shared/zoned-time';
import { Markdown } from '../../components/Markdown';
import { drillTitle, DrillTag } from '../drills/DrillTag';
import { formatSpan, severityClass, STATUS_LABELS } from '../incidents/format';
import { lastNotes, nextUpdate, roleLines, runbookPositions } from './wall';

/** "03:12 EST": a time of day on the wall, with its zone. */
function ClockTime({ iso }: { iso: string }) {
  const parts = zonedParts(iso, systemZone());
  return <time dateTime={iso}>{parts ? `${parts.time} ${parts.zoneName}` : iso}</time>;
}

/**
 * One incident on the wall: what a room needs to know at a glance, large. Nothing
 * on it changes anything; the numbers follow the store through change events.
 */
export function WallTile(props: { incident: Incident; timeline: TimelineEvent[] | undefined; now: number; notes: number; runbooks: number }) {
  const { incident, now } = props;
  const resolved = incident.status === 'resolved';
  const end = resolved && incident.resolvedAt ? Date.parse(incident.resolvedAt) : now;
  const update = nextUpdate(incident, now);
  const roles = roleLines(incident);
  const positions = runbookPositions(incident);
  const shown = positions.slice(0, props.runbooks);
  const notes = props.timeline ? lastNotes(props.timeline, props.notes) : null;
  const titleId = `wall-incident-${incident.id}`;
  return (
    <article className={`wall-tile wall-tile-${incident.severity.toLowerCase()}`} aria-labelledby={titleId} data-status={incident.status}>
      <header className="wall-tile-head">
        <p className="wall-tile-top">
          <span className={`wall-sev ${severityClass(incident.severity)}`}>{incident.severity}</span>
          <span className="wall-meta">
            #{incident.id} · {incident.services.length > 0 ? incident.services.join(', ') : 'no services named'}
          </span>
        </p>
        <h2 id={titleId} className="wall-title">
          {incident.drill && <DrillTag />}
          {drillTitle(incident)}
        </h2>
      </header>
      <dl className="wall-facts">
        <div>
          <dt className="visually-hidden">Status</dt>
          <dd>
            <span className={`status wall-status status-${incident.status}`}>{STATUS_LABELS[incident.status]}</span>
          </dd>
        </div>
        <div>
          <dt>{resolved ? 'Lasted' : 'Elapsed'}</dt>
          <dd className="wall-elapsed">{formatSpan(end - Date.parse(incident.startedAt))}</dd>
        </div>
        {!resolved && (
          <div>
            <dt>Next update</dt>
            <dd className={update.overdue ? 'wall-update wall-update-overdue' : 'wall-update'}>
              {update.overdue ? `overdue by ${formatSpan(update.ms)}` : `in ${formatSpan(update.ms)}`}
            </dd>
          </div>
        )}
        {!incident.acknowledgedAt && !resolved && (
          <div>
            <dt className="visually-hidden">Acknowledged</dt>
            <dd className="wall-missing">Not acknowledged</dd>
          </div>
        )}
      </dl>
      <p className="wall-roles">
        {roles.length === 0 ? (
          <span className="wall-missing">No commander yet</span>
        ) : (
          roles.map((role) => (
            <span key={role.role} className="wall-role">
              <span className="wall-label">{role.label}</span> {role.name}
            </span>
          ))
        )}
      </p>
      {shown.length > 0 && (
        <ul className="wall-steps" aria-label="Runbooks">
          {shown.map((position) => (
            <li key={position.runbookId}>
              <span className="wall-label">
                {position.step ? `Step ${position.step.number} of ${position.total}` : position.total > 0 ? `All ${position.total} steps walked` : 'No steps'}
                <span className="wall-runbook"> · {position.title}</span>
              </span>
              {position.step && (
                <span className="wall-step-text" data-state={position.step.state}>
                  {position.step.state === 'started' && <span className="wall-now">Now: </span>}
                  <Markdown source={stepSummary(position.step.text)} variant="inline" plainLinks />
                </span>
              )}
            </li>
          ))}
          {positions.length > shown.length && <li className="wall-label">and {positions.length - shown.length} more runbooks</li>}
        </ul>
      )}
      <section className="wall-notes" aria-label="Last notes">
        {notes === null ? null : notes.length === 0 ? (
          <p className="wall-label">No notes yet</p>
        ) : (
          <>
            <h3>Last notes</h3>
            <ol>
              {notes.map((note) => (
                <li key={note.id}>
                  <span className="wall-label">
                    <ClockTime iso={note.at} /> {note.actor}
                  </span>{' '}
                  <span className="wall-note-text">{note.text.length > 400 ? `${note.text.slice(0, 400)}…` : note.text}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </article>
  );
}
