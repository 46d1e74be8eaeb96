import type { ReactNode } from 'react';
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
import { DataTable, type Column } from '../../../components/DataTable';
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
          <IncidentSection
            kind="open"
            rows={open}
            empty={<>No open incidents.{canWrite && <> Declare one with <kbd>Ctrl</kbd>+<kbd>I</kbd> from any screen.</>}</>}
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
          <IncidentSection
            kind="resolved"
            rows={resolved}
            empty="None yet."
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
        </>
      )}
    </div>
  );
}

const itself = (incident: IncidentSummary) => incident;

const SECTION_TITLES = { open: 'Open', resolved: 'Resolved' } as const;

/** The open or the resolved incidents under their heading and count, or what to say when there are none. */
function IncidentSection(props: { kind: keyof typeof SECTION_TITLES; rows: IncidentSummary[]; empty: ReactNode; columns: Column<IncidentSummary>[] }) {
  const title = SECTION_TITLES[props.kind];
  const headingId = `${props.kind}-incidents-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="count">({props.rows.length})</span>
      </h2>
      {props.rows.length === 0 ? (
        <p className="incidents-empty">{props.empty}</p>
      ) : (
        <DataTable
          className={props.kind === 'open' ? 'incident-table' : 'incident-table incident-table-resolved'}
          label={`${title} incidents`}
          rows={props.rows}
          rowKey={(incident) => incident.id}
          rowHeader={INCIDENT_ROW_HEADER}
          columns={props.columns}
        />
      )}
    </section>
  );
}
