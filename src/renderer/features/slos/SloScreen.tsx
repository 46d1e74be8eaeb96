import { useId, useState } from 'react';
import { useOp } from '../../api/queries';
import { routeHref } from '../../app/route';
import { DataTable, type RowProps } from '../../components/DataTable';
import { ForResponders } from '../session/ForResponders';
import { BurnDownChart, changeMarks } from './BurnDownChart';
import { minutesText, objectiveText, percentText } from './format';
import { ExclusionsPanel } from './ExclusionsPanel';
import { ImportSloDataDialog } from './ImportSloDataDialog';
import { useServiceChanges } from './queries';
import { ServiceChanges } from './ServiceChanges';
import { SloStatusBadge } from './SloStatusBadge';
import { DialogButton } from '../../components/DialogButton';
import './slos.css';

/** Longest "what if" outage the control takes: 90 days, as the operation does. */
const MAX_WHAT_IF = 60 * 24 * 90;

/**
 * `#/slos/NAME`: the objective, the SLI and the budget left as three big
 * numbers; the burn-down with the policy's thresholds, incidents and
 * exclusions; a "what if" outage; the burn-rate pairs; the incidents.
 */
export function SloScreen({ name }: { name: string }) {
  const detail = useOp('getSlo', { name });
  const [whatIfText, setWhatIfText] = useState('');
  const whatIf = /^\d+$/.test(whatIfText.trim()) ? Math.min(Number(whatIfText), MAX_WHAT_IF) : null;
  const chart = useOp('sloChart', whatIf === null ? { name } : { name, whatIfMinutes: whatIf }, { keepPrevious: true });
  const changes = useServiceChanges(detail.data?.service, chart.data?.window);
  const id = useId();
  const slo = detail.data;

  if (detail.error) {
    return (
      <div className="slo-screen">
        <p>
          <a href={routeHref({ screen: 'slos' })}>← SLOs</a>
        </p>
        <p className="field-error" role="alert">
          {detail.error.message}
        </p>
      </div>
    );
  }
  if (!slo) return <p className="muted slo-screen">Loading {name}…</p>;
  const whatIfAnswer = chart.data?.whatIf ?? null;

  return (
    <div className="slo-screen" data-testid="slo-screen">
      <p className="slo-back">
        <a href={routeHref({ screen: 'slos' })}>← SLOs</a>
      </p>
      <header className="slo-header">
        <h1>{slo.name}</h1>
        <SloStatusBadge status={slo.status} />
        <span className="spacer" />
        {slo.source === 'data' && (
          <ForResponders>
            <DialogButton dialog={(close) => <ImportSloDataDialog name={slo.name} onClose={close} />}>
              Import SLI data…
            </DialogButton>
          </ForResponders>
        )}
      </header>
      <p className="slo-note">
        {slo.service} · {slo.window} · {slo.budgetingMethod} · {slo.source === 'incidents' ? 'counted from the incidents on the service' : 'from imported SLI data'}
      </p>
      <dl className="metric-tiles slo-tiles" aria-label="Budget">
        <div className="metric-tile">
          <dt>Objective</dt>
          <dd data-metric="objective">{objectiveText(slo.target)}</dd>
        </div>
        <div className="metric-tile">
          <dt>SLI now</dt>
          <dd data-metric="sli">{slo.sli === null ? 'No data' : percentText(slo.sli, 3)}</dd>
        </div>
        <div className="metric-tile" data-status={slo.status}>
          <dt>Budget left</dt>
          <dd data-metric="budget-left">{percentText(slo.budget.remaining)}</dd>
          {slo.budgetMinutes && (
            <p className="slo-tile-note">
              {minutesText(slo.budgetMinutes.remaining)} of {minutesText(slo.budgetMinutes.total)}
            </p>
          )}
        </div>
      </dl>

      <form className="slo-what-if" onSubmit={(event) => event.preventDefault()} aria-label="What if">
        <label htmlFor={`${id}-what-if`}>What if an outage of</label>
        <input
          id={`${id}-what-if`}
          className="text-input"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_WHAT_IF}
          step={1}
          value={whatIfText}
          onChange={(event) => setWhatIfText(event.target.value)}
          placeholder="30"
        />
        <span>minutes started now?</span>
        <output htmlFor={`${id}-what-if`} aria-live="polite">
          {whatIfAnswer && (
            <>
              Budget left would be <strong>{percentText(whatIfAnswer.budget.remaining)}</strong>
              {whatIfAnswer.budgetMinutes && <> ({minutesText(whatIfAnswer.budgetMinutes.remaining)})</>}: <SloStatusBadge status={whatIfAnswer.status} />
            </>
          )}
        </output>
      </form>

      {chart.data && (
        <>
          <BurnDownChart chart={chart.data} changes={changeMarks(changes.data ?? [])} />
          <ServiceChanges service={slo.service} changes={changeMarks(changes.data ?? [])} window={chart.data.window} />
        </>
      )}

      <section className="slo-section" aria-labelledby={`${id}-rates`}>
        <h2 id={`${id}-rates`}>Burn rates</h2>
        <p className="slo-note">How many times faster than “exactly the budget over the window” it burns; a pair fires when both windows are at or over its factor.</p>
        <DataTable
          className="pm-table slo-rates"
          rows={slo.burnRates}
          rowKey={(rate) => rate.long}
          rowProps={(rate): RowProps => (rate.firing ? { 'data-firing': 'true' } : {})}
          columns={[
            { header: 'Windows', cell: (rate) => `${rate.long} / ${rate.short}` },
            { header: 'Fires at', className: 'numeric', cell: (rate) => `${rate.factor}×` },
            { header: 'Long window', className: 'numeric', cell: (rate) => (rate.longRate === null ? '—' : `${rate.longRate}×`) },
            { header: 'Short window', className: 'numeric', cell: (rate) => (rate.shortRate === null ? '—' : `${rate.shortRate}×`) },
            { header: 'Firing', cell: (rate) => (rate.firing ? <strong className="slo-firing">Firing</strong> : 'No') },
          ]}
        />
      </section>

      <section className="slo-section" aria-labelledby={`${id}-incidents`}>
        <h2 id={`${id}-incidents`}>Incidents in the window</h2>
        {slo.incidents.length === 0 ? (
          <p className="muted">None on {slo.service}.</p>
        ) : (
          <ul className="slo-incidents">
            {slo.incidents.map((incident) => (
              <li key={incident.id}>
                <a href={typeof incident.id === 'number' ? routeHref({ screen: 'incident', id: incident.id }) : undefined}>{incident.title}</a>
                <span className="muted"> · {incident.badMinutes === null ? 'events, not minutes' : `${minutesText(incident.badMinutes)} bad`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ExclusionsPanel name={slo.name} window={chart.data?.window} />
    </div>
  );
}
