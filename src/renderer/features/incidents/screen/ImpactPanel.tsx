import { useId, useState, type FormEvent } from 'react';
import type { Incident } from '../../../../shared/incidents';
import { useOp } from '../../../api/queries';
import { routeHref } from '../../../app/route';
import { fromLocalInput, toLocalInput, viewerZone } from '../../oncall/time';
import { ForResponders } from '../../session/ForResponders';
import { minutesText, percentText } from '../../slos/format';
import { SloStatusBadge } from '../../slos/SloStatusBadge';
import { logEvent } from '../mutations';
import '../../slos/slos.css';

/**
 * "Error budgets": the SLOs of the incident's services, each one's budget left
 * now and what this incident has used of it; and the impact they count (from
 * when, how much), which a responder records here. Shown when an SLO covers a
 * service of the incident, or an impact is recorded.
 */
export function ImpactPanel({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const budgets = useOp('incidentSloBudgets', { id: incident.id }).data ?? [];
  const id = useId();
  if (budgets.length === 0 && incident.impactPercent === null && incident.impactStartedAt === null) return null;

  return (
    <section className="panel incident-slos" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        Error budgets
      </h2>
      {budgets.length > 0 && (
        <ul aria-label="SLOs of the affected services">
          {budgets.map((slo) => (
            <li key={slo.name}>
              <a href={routeHref({ screen: 'slo', name: slo.name })}>{slo.name}</a>
              <SloStatusBadge status={slo.status} />
              <span>{percentText(slo.budget.remaining)} left</span>
              {slo.consumedByIncident !== null && slo.consumedByIncident > 0 && (
                <span className="muted">
                  this incident: {percentText(slo.consumedByIncident)}
                  {slo.badMinutes !== null && <> ({minutesText(slo.badMinutes)})</>}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <ForResponders>
        <ImpactForm key={`${incident.impactStartedAt ?? ''}-${incident.impactPercent ?? ''}`} incident={incident} onError={onError} />
      </ForResponders>
    </section>
  );
}

/** When users were first hurt (blank: from the incident's start) and how much (blank: a full outage). */
function ImpactForm({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const zone = viewerZone();
  const [from, setFrom] = useState(incident.impactStartedAt ? toLocalInput(incident.impactStartedAt, zone) : '');
  const [percent, setPercent] = useState(incident.impactPercent === null ? '' : String(incident.impactPercent));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const impactStartedAt = from.trim() === '' ? null : fromLocalInput(from, zone);
    if (from.trim() !== '' && impactStartedAt === null) {
      setProblem('Give the date and time users were first hurt, or leave it blank for the incident’s start.');
      return;
    }
    const impactPercent = percent.trim() === '' ? null : Number(percent);
    if (impactPercent !== null && (!Number.isFinite(impactPercent) || impactPercent < 0 || impactPercent > 100)) {
      setProblem('The share hurt is a number from 0 to 100, or blank for a full outage.');
      return;
    }
    setProblem(null);
    setBusy(true);
    const outcome = await logEvent('setIncidentImpact', { id: incident.id, impactStartedAt, impactPercent });
    setBusy(false);
    if (!outcome.ok) onError(outcome.message);
  };

  return (
    <form className="incident-impact" onSubmit={(event) => void submit(event)} aria-label="Impact">
      <label htmlFor={`${id}-from`}>Impact from</label>
      <input id={`${id}-from`} className="text-input" type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} aria-describedby={`${id}-hint`} />
      <label htmlFor={`${id}-percent`}>Share hurt (%)</label>
      <input
        id={`${id}-percent`}
        className="text-input"
        type="number"
        min={0}
        max={100}
        step="any"
        value={percent}
        onChange={(event) => setPercent(event.target.value)}
        placeholder="100"
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field-hint actions">
        Blank: from the incident’s start, a full outage. The services’ SLOs count this.
      </p>
      {problem && (
        <p className="field-error actions" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Record impact'}
        </button>
      </div>
    </form>
  );
}
