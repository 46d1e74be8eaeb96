import { routeHref } from '../../app/route';
import { ForResponders } from '../session/ForResponders';
import { DataTable } from '../../components/DataTable';
import { LocalTime } from '../../components/LocalTime';
import { ImportEventsDialog } from './ImportEventsDialog';
import { NewChangeForm } from './NewChangeForm';
import { WindowsPanel } from './WindowsPanel';
import { STATE_LABELS, VerdictChip } from './format';
import { useChanges } from './queries';
import { DialogButton } from '../../components/DialogButton';
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
        <ForResponders>
          <DialogButton dialog={(close) => <ImportEventsDialog onClose={close} />}>
            Import change events…
          </DialogButton>
        </ForResponders>
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
          <DataTable
            className="changes-table"
            label="Changes by planned start"
            rows={changes}
            rowKey={(change) => change.id}
            rowHeader={1}
            columns={[
              { header: '#', cell: (change) => change.id },
              {
                header: 'Change',
                cell: (change) => (
                  <>
                    <a href={routeHref({ screen: 'change', id: change.id })}>{change.title}</a>
                    <span className="muted"> · {change.type}, {change.risk} risk</span>
                  </>
                ),
              },
              { header: 'Services', cell: (change) => change.services.join(', ') },
              { header: 'Planned start', cell: (change) => <LocalTime iso={change.start} /> },
              { header: 'State', cell: (change) => STATE_LABELS[change.state] },
              { header: 'Verdict', cell: (change) => <VerdictChip verdict={change.verdict} /> },
            ]}
          />
        )}
      </section>
      <ForResponders>
        <NewChangeForm />
      </ForResponders>
      <WindowsPanel />
    </div>
  );
}
