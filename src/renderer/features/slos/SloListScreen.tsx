import { useState } from 'react';
import { useOp } from '../../api/queries';
import { routeHref } from '../../app/route';
import { ForResponders } from '../session/ForResponders';
import { minutesText, objectiveText, percentText } from './format';
import { ImportSlosDialog } from './ImportSlosDialog';
import { SloStatusBadge } from './SloStatusBadge';
import './slos.css';

/** `#/slos`: every SLO with its error budget now, the least left first, so the one in trouble is on top. */
export function SloListScreen() {
  const query = useOp('listSlos', {});
  const [importing, setImporting] = useState(false);
  const slos = query.data ?? null;

  return (
    <div className="slo-screen">
      <header className="slo-header">
        <h1>SLOs</h1>
        <span className="spacer" />
        <ForResponders>
          <button type="button" onClick={() => setImporting(true)}>
            Import OpenSLO files…
          </button>
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
        <table className="pm-table slo-table">
          <caption className="visually-hidden">SLOs by error budget left, the least first</caption>
          <thead>
            <tr>
              <th scope="col">SLO</th>
              <th scope="col">Service</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Budget left
              </th>
              <th scope="col" className="numeric">
                Minutes left
              </th>
              <th scope="col" className="numeric">
                Objective
              </th>
              <th scope="col">Window</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {slos.map((slo) => (
              <tr key={slo.name} data-status={slo.status}>
                <th scope="row">
                  <a href={routeHref({ screen: 'slo', name: slo.name })}>{slo.name}</a>
                </th>
                <td>{slo.service}</td>
                <td>
                  <SloStatusBadge status={slo.status} />
                </td>
                <td className="numeric slo-left">
                  <BudgetBar remaining={slo.budget.remaining} />
                  {percentText(slo.budget.remaining)}
                </td>
                <td className="numeric">{slo.budgetMinutes ? minutesText(slo.budgetMinutes.remaining) : '—'}</td>
                <td className="numeric">{objectiveText(slo.target)}</td>
                <td>{slo.window}</td>
                <td>{slo.source === 'incidents' ? 'incidents' : `data (${slo.budgetingMethod})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {importing && <ImportSlosDialog onClose={() => setImporting(false)} />}
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
