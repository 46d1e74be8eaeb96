import type { ReactNode } from 'react';
import type { IncidentSummary } from '../../../../shared/incidents';
import { routeHref } from '../../../app/route';
import type { Column } from '../../../components/DataTable';
import { drillTitle, DrillTag } from '../../drills/DrillTag';
import { serviceList, severityClass, STATUS_LABELS } from '../format';

/** The index of the incident column: the one that names each row of an incident table. */
export const INCIDENT_ROW_HEADER = 1;

/**
 * The two columns every incident table starts with: severity, then the title
 * (a link) with its services and whatever `more` adds under them (a search's snippet).
 */
export function incidentColumns<Row>(incident: (row: Row) => IncidentSummary, more?: (row: Row) => ReactNode): [Column<Row>, Column<Row>] {
  return [
    {
      header: 'Severity',
      cell: (row) => <span className={severityClass(incident(row).severity)}>{incident(row).severity}</span>,
    },
    {
      header: 'Incident',
      cell: (row) => {
        const shown = incident(row);
        return (
          <>
            {shown.drill && <DrillTag />}
            <a className="incident-link" href={routeHref({ screen: 'incident', id: shown.id })}>
              {drillTitle(shown)}
            </a>
            <span className="incident-services">{serviceList(shown.services)}</span>
            {more?.(row)}
          </>
        );
      },
    },
  ];
}

/** Where an incident stands: open, mitigated, resolved. */
export function statusColumn<Row>(incident: (row: Row) => IncidentSummary): Column<Row> {
  return { header: 'Status', cell: (row) => <span className={`status status-${incident(row).status}`}>{STATUS_LABELS[incident(row).status]}</span> };
}

/** A link to the incident's post-mortem, with words that say what it is (`label`: "Draft" while it is still open). */
export function postmortemColumn<Row>(incident: (row: Row) => IncidentSummary, label: (incident: IncidentSummary) => string = () => 'Post-mortem'): Column<Row> {
  return {
    header: 'Post-mortem',
    cell: (row) => (
      <a href={routeHref({ screen: 'postmortem', id: incident(row).id })} aria-label={`Post-mortem of ${incident(row).title}`}>
        {label(incident(row))}
      </a>
    ),
  };
}
