import type { IncidentSummary } from '../../../../shared/incidents';
import { routeHref } from '../../../app/route';
import { KEYS } from '../../../app/keymap';
import { useKeyShortcut } from '../../../app/shortcuts';
import { LocalTime } from '../../../components/LocalTime';
import { useNow } from '../../../components/clock';
import { formatSpan, since } from '../format';
import { useIncidentList, useIncidentSettings } from '../queries';
import { openDeclare } from '../store';
import { UpdateTimer } from '../UpdateTimer';
import { INCIDENT_ROW_HEADER, incidentColumns, postmortemColumn, statusColumn } from './columns';
import { DataTable } from '../../../components/DataTable';
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
        <a className="button" href={routeHref({ screen: 'wall' })} title="Every open incident large, for a screen across the room (Esc leaves it)">
          Wall display
        </a>
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
              <DataTable
                className="incident-table"
                label="Open incidents"
                rows={open}
                rowKey={(incident) => incident.id}
                rowHeader={INCIDENT_ROW_HEADER}
                columns={[
                  ...incidentColumns(itself),
                  statusColumn(itself),
                  { header: 'Elapsed', className: 'numeric', cell: (incident) => formatSpan(since(incident.startedAt, now)) },
                  {
                    header: 'Status updates',
                    cell: (incident) => <UpdateTimer lastUpdateAt={incident.lastUpdateAt} startedAt={incident.startedAt} cadenceMinutes={cadence(incident)} now={now} />,
                  },
                  { header: 'Commander', cell: (incident) => incident.commander?.name ?? <span className="muted">unassigned</span> },
                ]}
              />
            )}
          </section>
          <section aria-labelledby="resolved-incidents-heading">
            <h2 id="resolved-incidents-heading">
              Resolved <span className="count">({resolved.length})</span>
            </h2>
            {resolved.length === 0 ? (
              <p className="incidents-empty">None yet.</p>
            ) : (
              <DataTable
                className="incident-table incident-table-resolved"
                label="Resolved incidents"
                rows={resolved}
                rowKey={(incident) => incident.id}
                rowHeader={INCIDENT_ROW_HEADER}
                columns={[
                  ...incidentColumns(itself),
                  { header: 'Started', cell: (incident) => <LocalTime iso={incident.startedAt} /> },
                  {
                    header: 'Lasted',
                    className: 'numeric',
                    cell: (incident) => (incident.resolvedAt ? formatSpan(Date.parse(incident.resolvedAt) - Date.parse(incident.startedAt)) : '—'),
                  },
                  { header: 'Commander', cell: (incident) => incident.commander?.name ?? <span className="muted">—</span> },
                  postmortemColumn(itself),
                ]}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}

const itself = (incident: IncidentSummary) => incident;
