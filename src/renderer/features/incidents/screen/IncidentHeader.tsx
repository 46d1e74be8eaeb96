import { useState } from 'react';
import { STATUSES, type Incident, type IncidentStatus } from '../../../../shared/incidents';
import { routeHref } from '../../../app/route';
import { ask } from '../../../components/confirm';
import { drillTitle, DrillTag } from '../../drills/DrillTag';
import { TimeFact } from '../../../components/LocalTime';
import { useCanWrite } from '../../session/queries';
import { useNow } from '../../../components/clock';
import { formatSpan, severityClass, STATUS_LABELS } from '../format';
import { logEvent } from '../mutations';
import { UpdateTimer } from '../UpdateTimer';
import { ResolveDialog } from './ResolveDialog';
import { SeverityDialog } from './SeverityDialog';

export const COMPOSER_ID = 'status-update-composer';

/**
 * Legible from across the room: severity, title, where the incident is in its
 * lifecycle, how long it has run and how long since people were told.
 */
export function IncidentHeader({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const now = useNow();
  const canWrite = useCanWrite();
  const [dialog, setDialog] = useState<'severity' | 'resolve' | null>(null);
  const resolved = incident.status === 'resolved';
  const end = resolved && incident.resolvedAt ? Date.parse(incident.resolvedAt) : now;

  const moveTo = async (status: IncidentStatus) => {
    if (status === incident.status) return;
    if (status === 'resolved') {
      setDialog('resolve');
      return;
    }
    const backwards = STATUSES.indexOf(status) < STATUSES.indexOf(incident.status);
    if (backwards) {
      const yes = await ask({
        title: resolved ? 'Reopen this incident?' : `Go back to ${STATUS_LABELS[status].toLowerCase()}?`,
        body: <p>The change is logged on the timeline. The first acknowledged, mitigated and resolved times are kept.</p>,
        confirmLabel: resolved ? 'Reopen' : `Back to ${STATUS_LABELS[status]}`,
      });
      if (!yes) return;
    }
    const outcome = await logEvent('changeStatus', { id: incident.id, status });
    if (!outcome.ok) onError(outcome.message);
  };

  const acknowledge = async () => {
    const outcome = await logEvent('acknowledgeIncident', { id: incident.id });
    if (!outcome.ok) onError(outcome.message);
  };

  return (
    <header className={`incident-header incident-header-${incident.severity.toLowerCase()}`}>
      <div className="incident-identity">
        {canWrite ? (
          <button
            type="button"
            className={`severity-button ${severityClass(incident.severity)}`}
            onClick={() => setDialog('severity')}
            aria-label={`Severity ${incident.severity}. Change severity`}
            title="Change severity"
          >
            {incident.severity}
          </button>
        ) : (
          <span className={`severity-button ${severityClass(incident.severity)}`} aria-label={`Severity ${incident.severity}`}>
            {incident.severity}
          </span>
        )}
        <div className="incident-title-block">
          <h1 className="incident-title">
            {incident.drill && <DrillTag />}
            {drillTitle(incident)}
          </h1>
          <p className="incident-facts">
            <span>#{incident.id}</span>
            <span>{incident.services.length > 0 ? incident.services.join(', ') : 'no services named'}</span>
            <TimeFact label="Started" iso={incident.startedAt} />
            {incident.detectedAt !== incident.startedAt && <TimeFact label="Detected" iso={incident.detectedAt} />}
            {incident.acknowledgedAt ? (
              <TimeFact label="Acknowledged" iso={incident.acknowledgedAt} />
            ) : canWrite ? (
              <button type="button" className="small-button" onClick={() => void acknowledge()}>
                Acknowledge
              </button>
            ) : (
              <span>Not acknowledged yet</span>
            )}
            <TimeFact label="Mitigated" iso={incident.mitigatedAt} />
            <TimeFact label="Resolved" iso={incident.resolvedAt} />
          </p>
        </div>
        <div className="incident-clocks">
          <span className="elapsed">
            <span className="elapsed-label">{resolved ? 'Lasted' : 'Elapsed'}</span>
            <span className="elapsed-value">{formatSpan(end - Date.parse(incident.startedAt))}</span>
          </span>
          {!resolved && (
            <span className="update-block">
              <UpdateTimer
                lastUpdateAt={incident.lastUpdateAt}
                startedAt={incident.startedAt}
                cadenceMinutes={incident.updateEveryMinutes}
                now={now}
                large
              />
              {canWrite && (
                <button type="button" className="link-button compose-link" onClick={focusComposer}>
                  Compose update
                </button>
              )}
            </span>
          )}
          <span className="header-links">
            {resolved && canWrite && (
              <a className="button primary" href={routeHref({ screen: 'postmortem', id: incident.id })}>
                Write the post-mortem
              </a>
            )}
            <a className="button wall-link" href={routeHref({ screen: 'wall-incident', id: incident.id })} title="This incident large, for a screen across the room (Esc leaves it)">
              Wall display
            </a>
          </span>
        </div>
      </div>
      <nav className="lifecycle" aria-label="Status">
        <ol>
          {STATUSES.map((status) => {
            const index = STATUSES.indexOf(status);
            const current = STATUSES.indexOf(incident.status);
            const state = index < current ? 'past' : index === current ? 'current' : 'next';
            if (!canWrite) {
              return (
                <li key={status} data-state={state}>
                  <span className={`lifecycle-step lifecycle-${status}`} aria-current={state === 'current' ? 'step' : undefined}>
                    {STATUS_LABELS[status]}
                  </span>
                </li>
              );
            }
            return (
              <li key={status} data-state={state}>
                <button
                  type="button"
                  className={`lifecycle-step lifecycle-${status}`}
                  aria-current={state === 'current' ? 'step' : undefined}
                  disabled={state === 'current'}
                  onClick={() => void moveTo(status)}
                  title={state === 'current' ? 'Current status' : status === 'resolved' ? 'Resolve (asks for a summary)' : `Move to ${STATUS_LABELS[status]}`}
                >
                  {status === 'resolved' && state !== 'current' ? 'Resolve…' : STATUS_LABELS[status]}
                </button>
              </li>
            );
          })}
        </ol>
        {resolved && incident.resolutionSummary && <p className="resolution-summary">{incident.resolutionSummary}</p>}
      </nav>
      {dialog === 'severity' && <SeverityDialog incident={incident} onClose={() => setDialog(null)} />}
      {dialog === 'resolve' && <ResolveDialog incident={incident} onClose={() => setDialog(null)} />}
    </header>
  );
}

function focusComposer() {
  const composer = document.getElementById(COMPOSER_ID);
  composer?.scrollIntoView({ block: 'nearest' });
  composer?.querySelector<HTMLElement>('textarea, input')?.focus();
}
