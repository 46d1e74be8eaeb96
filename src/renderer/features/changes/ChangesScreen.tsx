import { routeHref } from '../../app/route';
import { ForResponders } from '../session/ForResponders';
import { LocalTime } from '../../components/LocalTime';
import { NewChangeForm } from './NewChangeForm';
import { WindowsPanel } from './WindowsPanel';
import { STATE_LABELS, VerdictChip } from './format';
import { useChanges } from './queries';
import './changes.css';

/** Every change by planned start, its state and verdict now; planning a new one; the freeze and peak windows. */
export function ChangesScreen() {
  const query = useChanges();
  const changes = query.data ?? [];
  return (
    <div className="changes-screen">
      <header className="changes-head">
        <h1>Changes</h1>
        <a href={routeHref({ screen: 'change-calendar' })}>Calendar</a>
      </header>
      {query.error && (
        <p role="alert" className="banner banner-error">
          {query.error.message}
        </p>
      )}
      <section className="panel" aria-label="Changes">
        {changes.length === 0 ? (
          <p className="muted">No changes yet. Plan one below, or with `holdfast change new`.</p>
        ) : (
          <table className="changes-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Change</th>
                <th scope="col">Services</th>
                <th scope="col">Planned start</th>
                <th scope="col">State</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.id}>
                  <td>{change.id}</td>
                  <td>
                    <a href={routeHref({ screen: 'change', id: change.id })}>{change.title}</a>
                    <span className="muted"> · {change.type}, {change.risk} risk</span>
                  </td>
                  <td>{change.services.join(', ')}</td>
                  <td>
                    <LocalTime iso={change.start} />
                  </td>
                  <td>{STATE_LABELS[change.state]}</td>
                  <td>
                    <VerdictChip verdict={change.verdict} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ForResponders>
        <NewChangeForm />
      </ForResponders>
      <WindowsPanel />
    </div>
  );
}
