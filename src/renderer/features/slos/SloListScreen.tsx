import { useOp } from '../../api/queries';
import { routeHref } from '../../app/route';
import { DataTable } from '../../components/DataTable';
import { ForResponders } from '../session/ForResponders';
import { minutesText, objectiveText, percentText } from './format';
import { ImportSlosDialog } from './ImportSlosDialog';
import { SloStatusBadge } from './SloStatusBadge';
import { DialogButton } from '../../components/DialogButton';
import './slos.css';

/** `#/slos`: every SLO with its error budget now, the least left first, so the one in trouble is on top. */
export function SloListScreen() {
  const query = useOp('listSlos', {});
  const slos = query.data ?? null;

  return (
    <div className="slo-screen">
      <header className="slo-header">
        <h1>SLOs</h1>
        <span className="spacer" />
        <ForResponders>
          <DialogButton dialog={(close) => <ImportSlosDialog onClose={close} />}>
            Import OpenSLO files…
          </DialogButton>
        </ForResponders>
      </header>
      <p className="slo-note">
        Error budgets now, the least left first. An SLO counts either imported SLI data or the incidents on its service
        (drills never count). Its budget policy holds back changes on the service when the budget runs out.
      </p>
      {query.error && (
        <p className="field-error" role="alert">
          {query.error.message}
        </p>
      )}
      {slos === null ? (
        !query.error && <p className="muted">Loading SLOs…</p>
      ) : slos.length === 0 ? (
        <p className="slo-empty">No SLOs yet. Import OpenSLO v1 (or Sloth) YAML files, or run <code>holdfast slo import PATH</code>.</p>
      ) : (
        <DataTable
          className="pm-table slo-table"
          caption="SLOs by error budget left, the least first"
          captionClassName="visually-hidden"
          rows={slos}
          rowKey={(slo) => slo.name}
          rowProps={(slo) => ({ 'data-status': slo.status })}
          columns={[
            { header: 'SLO', cell: (slo) => <a href={routeHref({ screen: 'slo', name: slo.name })}>{slo.name}</a> },
            { header: 'Service', cell: (slo) => slo.service },
            { header: 'Status', cell: (slo) => <SloStatusBadge status={slo.status} /> },
            {
              header: 'Budget left',
              className: 'numeric slo-left',
              cell: (slo) => (
                <>
                  <BudgetBar remaining={slo.budget.remaining} />
                  {percentText(slo.budget.remaining)}
                </>
              ),
            },
            {
              header: 'Minutes left',
              className: 'numeric',
              // An Occurrences budget is requests, not time: said so, not a bare dash that reads as missing data.
              cell: (slo) =>
                slo.budgetMinutes ? (
                  minutesText(slo.budgetMinutes.remaining)
                ) : slo.budgetingMethod === 'Occurrences' ? (
                  <span className="muted" title="An Occurrences SLO budgets events (requests), not minutes">
                    events
                  </span>
                ) : (
                  '—'
                ),
            },
            { header: 'Objective', className: 'numeric', cell: (slo) => objectiveText(slo.target) },
            { header: 'Window', cell: (slo) => slo.window },
            { header: 'From', cell: (slo) => (slo.source === 'incidents' ? 'incidents' : `data (${slo.budgetingMethod})`) },
          ]}
        />
      )}
    </div>
  );
}

/** A small bar of the budget left (0 to 100 %); the number beside it says the same in words. */
function BudgetBar({ remaining }: { remaining: number | null }) {
  if (remaining === null) return null;
  const width = Math.min(Math.max(remaining, 0), 1) * 100;
  return (
    <span className="slo-bar" aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  );
}
