import { useId } from 'react';
import { SEVERITIES, type IncidentSummary } from '../../../shared/incidents';
import { DataTable } from '../../components/DataTable';
import { DateRange, Field, Options } from '../../components/Field';
import { formatSpan } from '../incidents/format';
import { INCIDENT_ROW_HEADER, incidentColumns, postmortemColumn, statusColumn } from '../incidents/list/columns';
import { LocalTime } from '../../components/LocalTime';
import { Snippet } from '../runbooks/Snippet';
import { ListStatus } from './ListStatus';
import { RESULT_LIMIT, useIncidentSearch, useIncidentServices } from './queries';
import { setFilters, useIncidentHistory, type HistoryFilters } from './store';

/** Past incidents and their post-mortems, by words (full-text), service, severity and date. */
export function IncidentSearch() {
  const filters = useIncidentHistory((state) => state.filters);
  const searched = useIncidentHistory((state) => state.searched);
  const search = useIncidentSearch();
  const hits = search.data ?? null;
  type Hit = NonNullable<typeof hits>[number];
  const ofHit = (hit: Hit) => hit.incident;
  const services = useIncidentServices();
  const error = search.error?.message ?? null;
  const id = useId();

  const change = (patch: Partial<HistoryFilters>) => setFilters(patch);
  const filtered = filters.service !== '' || filters.severity !== '' || filters.from !== '' || filters.to !== '' || filters.includeDrills;

  return (
    <section aria-label="Past incidents">
      <form className="history-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field history-query">
          <label htmlFor={`${id}-query`} className="field-label">
            Search incidents and post-mortems
          </label>
          <input
            id={`${id}-query`}
            type="search"
            className="text-input"
            value={filters.query}
            placeholder="Words from titles, notes, summaries, post-mortems…"
            autoComplete="off"
            aria-controls={`${id}-results`}
            onChange={(event) => change({ query: event.target.value })}
          />
        </div>
        <Field label="Service">
          {(control) => (
            <select {...control} className="text-input" value={filters.service} onChange={(event) => change({ service: event.target.value })}>
              <Options any="Any service" values={services} />
            </select>
          )}
        </Field>
        <Field label="Severity">
          {(control) => (
            <select {...control} className="text-input" value={filters.severity} onChange={(event) => change({ severity: event.target.value as HistoryFilters['severity'] })}>
              <Options any="Any severity" values={SEVERITIES} />
            </select>
          )}
        </Field>
        <DateRange fromLabel="Started from" toLabel="to" from={filters.from} to={filters.to} onChange={change} />
        <label className="history-check">
          <input type="checkbox" checked={filters.includeDrills} onChange={(event) => change({ includeDrills: event.target.checked })} />
          Include drills
        </label>
        {filtered && (
          <button type="button" onClick={() => change({ service: '', severity: '', from: '', to: '', includeDrills: false })}>
            Clear filters
          </button>
        )}
      </form>
      <ListStatus error={error}>{hits === null ? 'Searching…' : resultCount(hits.length, searched.trim() !== '')}</ListStatus>
      {hits !== null && hits.length > 0 && (
        <DataTable
          className="pm-table history-table"
          id={`${id}-results`}
          caption="Past incidents"
          captionClassName="visually-hidden"
          rows={hits}
          rowKey={(hit) => hit.incident.id}
          rowHeader={INCIDENT_ROW_HEADER}
          columns={[
            ...incidentColumns(
              ofHit,
              (hit) =>
                hit.snippet && (
                  <span className="history-snippet">
                    <Snippet text={hit.snippet} />
                  </span>
                ),
            ),
            statusColumn(ofHit),
            { header: 'Started', className: 'numeric', cell: (hit) => <LocalTime iso={hit.incident.startedAt} /> },
            { header: 'Duration', className: 'numeric', cell: (hit) => duration(hit.incident) },
            postmortemColumn(
              ofHit,
              (incident) => (incident.status === 'resolved' ? 'Post-mortem' : 'Draft'),
            ),
          ]}
        />
      )}
    </section>
  );
}

function resultCount(count: number, searched: boolean): string {
  if (count === 0) return searched ? 'No incident matches these words and filters.' : 'No incidents match these filters.';
  const more = count >= RESULT_LIMIT ? ` (the first ${RESULT_LIMIT}; narrow the search to see others)` : '';
  return `${count} incident${count === 1 ? '' : 's'}${searched ? ', best match first' : ''}${more}.`;
}

function duration(incident: IncidentSummary): string {
  if (!incident.resolvedAt) return 'ongoing';
  return formatSpan(Date.parse(incident.resolvedAt) - Date.parse(incident.startedAt));
}
