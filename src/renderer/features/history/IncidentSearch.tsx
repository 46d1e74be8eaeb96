import { useId } from 'react';
import { SEVERITIES, type IncidentSummary } from '../../../shared/incidents';
import { routeHref } from '../../app/route';
import { drillTitle, DrillTag } from '../drills/DrillTag';
import { formatSpan, serviceList, severityClass, STATUS_LABELS } from '../incidents/format';
import { LocalTime } from '../runbooks/LocalTime';
import { Snippet } from '../runbooks/Snippet';
import { RESULT_LIMIT, useIncidentSearch, useIncidentServices } from './queries';
import { setFilters, useIncidentHistory, type HistoryFilters } from './store';

/** Past incidents and their post-mortems, by words (full-text), service, severity and date. */
export function IncidentSearch() {
  const filters = useIncidentHistory((state) => state.filters);
  const searched = useIncidentHistory((state) => state.searched);
  const search = useIncidentSearch();
  const hits = search.data ?? null;
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
        <div className="field">
          <label htmlFor={`${id}-service`} className="field-label">
            Service
          </label>
          <select id={`${id}-service`} className="text-input" value={filters.service} onChange={(event) => change({ service: event.target.value })}>
            <option value="">Any service</option>
            {services.map((service) => (
              <option key={service} value={service}>
                {service}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-severity`} className="field-label">
            Severity
          </label>
          <select
            id={`${id}-severity`}
            className="text-input"
            value={filters.severity}
            onChange={(event) => change({ severity: event.target.value as HistoryFilters['severity'] })}
          >
            <option value="">Any severity</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severity}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`} className="field-label">
            Started from
          </label>
          <input id={`${id}-from`} type="date" className="text-input" value={filters.from} max={filters.to || undefined} onChange={(event) => change({ from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`} className="field-label">
            to
          </label>
          <input id={`${id}-to`} type="date" className="text-input" value={filters.to} min={filters.from || undefined} onChange={(event) => change({ to: event.target.value })} />
        </div>
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
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="list-status" role="status">
        {hits === null ? 'Searching…' : resultCount(hits.length, searched.trim() !== '')}
      </p>
      {hits !== null && hits.length > 0 && (
        <table className="pm-table history-table" id={`${id}-results`}>
          <caption className="visually-hidden">Past incidents</caption>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Incident</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Post-mortem</th>
            </tr>
          </thead>
          <tbody>
            {hits.map(({ incident, snippet }) => (
              <tr key={incident.id}>
                <td>
                  <span className={severityClass(incident.severity)}>{incident.severity}</span>
                </td>
                <td>
                  {incident.drill && <DrillTag />}
                  <a className="history-title" href={routeHref({ screen: 'incident', id: incident.id })}>
                    {drillTitle(incident)}
                  </a>
                  <span className="history-services">{serviceList(incident.services)}</span>
                  {snippet && (
                    <span className="history-snippet">
                      <Snippet text={snippet} />
                    </span>
                  )}
                </td>
                <td>
                  <span className={`status status-${incident.status}`}>{STATUS_LABELS[incident.status]}</span>
                </td>
                <td className="numeric">
                  <LocalTime iso={incident.startedAt} />
                </td>
                <td className="numeric">{duration(incident)}</td>
                <td>
                  <a href={routeHref({ screen: 'postmortem', id: incident.id })} aria-label={`Post-mortem of ${incident.title}`}>
                    {incident.status === 'resolved' ? 'Post-mortem' : 'Draft'}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
