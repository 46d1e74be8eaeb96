import type { Scorecard } from '../../../../shared/drills';
import { Markdown } from '../../../components/Markdown';
import { clockAtMinutes, clockText, minutesText } from '../format';
import { DataTable } from '../../../components/DataTable';

/** The runbook steps the team worked, each with when it started and ended on the drill clock and how long it took. */
export function StepsTable({ scorecard }: { scorecard: Scorecard }) {
  const steps = scorecard.steps.filter((step) => step.state !== 'pending');
  const untouched = scorecard.steps.length - steps.length;
  return (
    <section className="drill-panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading">Steps</h2>
      {steps.length === 0 ? (
        <p className="muted">No runbook step was worked.</p>
      ) : (
        <DataTable
          className="drill-table"
          label="Step durations"
          rows={steps}
          rowKey={(step) => `${step.runbook}-${step.step}`}
          columns={[
            {
              header: 'Step',
              cell: (step) => (
                <>
                  <span className="step-runbook">{step.runbook}</span> {step.step}. <Markdown source={step.text} variant="inline" />
                </>
              ),
            },
            { header: 'Started', className: 'numeric', cell: (step) => clockAtMinutes(step.startMinutes) },
            { header: 'Ended', className: 'numeric', cell: (step) => clockAtMinutes(step.endMinutes) },
            { header: 'Took', className: 'numeric', cell: (step) => minutesText(step.durationMinutes) },
            { header: 'State', cell: (step) => step.state },
          ]}
        />
      )}
      {untouched > 0 && (
        <p className="muted">
          {untouched} more step{untouched === 1 ? '' : 's'} not worked.
        </p>
      )}
    </section>
  );
}

export function InjectsTable({ scorecard }: { scorecard: Scorecard }) {
  return (
    <section className="drill-panel" aria-labelledby="injects-heading">
      <h2 id="injects-heading">Injects</h2>
      {scorecard.injects.length === 0 ? (
        <p className="muted">The scenario has no injects.</p>
      ) : (
        <DataTable
          className="drill-table"
          label="Injects fired"
          rows={scorecard.injects}
          rowKey={(inject, index) => `${inject.title}-${index}`}
          columns={[
            { header: 'Inject', cell: (inject, index) => `${index + 1}. ${inject.title}` },
            { header: 'Fired at', className: 'numeric', cell: (inject) => clockAtMinutes(inject.firedAtMinutes) },
            { header: 'Status', cell: (inject) => (inject.status === 'fired' ? 'fired' : 'never fired') },
          ]}
        />
      )}
    </section>
  );
}

export function ObservationList({ scorecard }: { scorecard: Scorecard }) {
  return (
    <section className="drill-panel" aria-labelledby="scorecard-observations-heading">
      <h2 id="scorecard-observations-heading">Facilitator’s observations</h2>
      {scorecard.observations.length === 0 ? (
        <p className="muted">None logged.</p>
      ) : (
        <ol className="observation-list">
          {scorecard.observations.map((observation, index) => (
            <li key={`${observation.at}-${index}`}>
              <span className="observation-clock">{clockText(observation.elapsedSeconds)}</span>
              <span className="observation-text">{observation.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
