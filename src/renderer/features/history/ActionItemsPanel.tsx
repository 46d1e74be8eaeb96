import { useId } from 'react';
import { ActionItemsTable } from '../postmortems/ActionItemsTable';
import { ListStatus } from './ListStatus';
import { useActionItems } from './queries';
import { useIncidentHistory } from './store';

/** Action items across every incident: open ones first, overdue ones marked, by owner. */
export function ActionItemsPanel() {
  const openOnly = useIncidentHistory((state) => state.openOnly);
  const query = useActionItems(openOnly);
  const items = query.data ?? null;
  const overdueOnly = useIncidentHistory((state) => state.overdueOnly);
  const owner = useIncidentHistory((state) => state.owner);
  const error = query.error?.message ?? null;
  const id = useId();

  const owners = [...new Set((items ?? []).map((item) => item.owner))].sort((a, b) => a.localeCompare(b));
  const shown = (items ?? []).filter((item) => (!overdueOnly || item.overdue) && (owner === '' || item.owner === owner));
  const overdue = (items ?? []).filter((item) => item.overdue).length;
  const open = (items ?? []).filter((item) => item.status === 'open').length;

  return (
    <section aria-label="Action items">
      <div className="history-filters">
        <div className="field">
          <label htmlFor={`${id}-owner`} className="field-label">
            Owner
          </label>
          <select id={`${id}-owner`} className="text-input" value={owner} onChange={(event) => useIncidentHistory.setState({ owner: event.target.value })}>
            <option value="">Everyone</option>
            {owners.map((name) => (
              <option key={name} value={name}>
                {name === '' ? 'Nobody yet' : name}
              </option>
            ))}
          </select>
        </div>
        <label className="history-check">
          <input type="checkbox" checked={openOnly} onChange={(event) => useIncidentHistory.setState({ openOnly: event.target.checked })} />
          Open only
        </label>
        <label className="history-check">
          <input type="checkbox" checked={overdueOnly} onChange={(event) => useIncidentHistory.setState({ overdueOnly: event.target.checked })} />
          Overdue only
        </label>
      </div>
      <ListStatus error={error}>
        {items === null
          ? 'Loading action items…'
          : `${open} open, ${overdue} overdue${owner !== '' || overdueOnly || !openOnly ? `; ${shown.length} shown` : ''}.`}
      </ListStatus>
      {items !== null &&
        (shown.length === 0 ? (
          <p className="muted">No action items{overdueOnly ? ' overdue' : ''}{owner ? ` for ${owner}` : ''}.</p>
        ) : (
          <ActionItemsTable items={shown} caption="Action items across incidents" showIncident />
        ))}
    </section>
  );
}
