import type { IncidentSummary } from '../../../../shared/incidents';
import { routeHref } from '../../../app/route';
import { KEYS } from '../../../app/keymap';
import { useKeyShortcut } from '../../../app/shortcuts';
import { LocalTime } from '../../runbooks/LocalTime';
import { useNow } from '../clock';
import { formatSpan, since, STATUS_LABELS } from '../format';
import { useIncidentList, useIncidentSettings } from '../queries';
import { openDeclare } from '../store';
import { UpdateTimer } from '../UpdateTimer';
import { IncidentCells } from './IncidentCells';
import { useCanWrite } from '../../session/queries';

/** Every incident: the open ones first (several can run at once), the resolved ones below. */
export function IncidentsScreen() {
  const listQuery = useIncidentList();
  const list = listQuery.data ?? null;
  const severities = useIncidentSettings().data?.severities;
  const now = useNow();
  useKeyShortcut(KEYS.newIncident, openDeclare);
  const canWrite = useCanWrite();
  const open = list?.filter((incident) => incident.status !== 'resolved') ?? [];
  const resolved = list?.filter((incident) => incident.status === 'resolved') ?? [];
  const cadence = (incident: IncidentSummary) => severities?.find((level) => level.severity === incident.severity)?.updateEveryMinutes;

  return (
    <div className="incidents-screen">
      <header className="incidents-header">
        <h1>Incidents</h1>
        {canWrite && (
          <button type="button" className="primary" onClick={openDeclare}>
            Declare incident
          </button>
        )}
      </header>
      {list === null ? (
        <p className={listQuery.error ? 'field-error' : 'muted'}>{listQuery.error ? listQuery.error.message : 'Loading incidents…'}</p>
      ) : (
        <>
          <section aria-labelledby="open-incidents-heading">
            <h2 id="open-incidents-heading">
              Open <span className="count">({open.length})</span>
            </h2>
            {open.length === 0 ? (
              <p className="incidents-empty">
                No open incidents.{canWrite && <> Declare one with <kbd>Ctrl</kbd>+<kbd>I</kbd> from any screen.</>}
              </p>
            ) : (
              <table className="incident-table" aria-label="Open incidents">
                <thead>
                  <tr>
                    <th scope="col">Severity</th>
                    <th scope="col">Incident</th>
                    <th scope="col">Status</th>
                    <th scope="col">Elapsed</th>
                    <th scope="col">Status updates</th>
                    <th scope="col">Commander</th>
                  </tr>
                </thead>
                <tbody>
                  {open.map((incident) => (
                    <tr key={incident.id}>
                      <IncidentCells incident={incident} />
                      <td>
                        <span className={`status status-${incident.status}`}>{STATUS_LABELS[incident.status]}</span>
                      </td>
                      <td className="numeric">{formatSpan(since(incident.startedAt, now))}</td>
                      <td>
                        <UpdateTimer lastUpdateAt={incident.lastUpdateAt} startedAt={incident.startedAt} cadenceMinutes={cadence(incident)} now={now} />
                      </td>
                      <td>{incident.commander?.name ?? <span className="muted">unassigned</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="resolved-incidents-heading">
            <h2 id="resolved-incidents-heading">
              Resolved <span className="count">({resolved.length})</span>
            </h2>
            {resolved.length === 0 ? (
              <p className="incidents-empty">None yet.</p>
            ) : (
              <table className="incident-table incident-table-resolved" aria-label="Resolved incidents">
                <thead>
                  <tr>
                    <th scope="col">Severity</th>
                    <th scope="col">Incident</th>
                    <th scope="col">Started</th>
                    <th scope="col">Lasted</th>
                    <th scope="col">Commander</th>
                    <th scope="col">Post-mortem</th>
                  </tr>
                </thead>
                <tbody>
                  {resolved.map((incident) => (
                    <tr key={incident.id}>
                      <IncidentCells incident={incident} />
                      <td>
                        <LocalTime iso={incident.startedAt} />
                      </td>
                      <td className="numeric">
                        {incident.resolvedAt ? formatSpan(Date.parse(incident.resolvedAt) - Date.parse(incident.startedAt)) : '—'}
                      </td>
                      <td>{incident.commander?.name ?? <span className="muted">—</span>}</td>
                      <td>
                        <a href={routeHref({ screen: 'postmortem', id: incident.id })} aria-label={`Post-mortem of ${incident.title}`}>
                          Post-mortem
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
