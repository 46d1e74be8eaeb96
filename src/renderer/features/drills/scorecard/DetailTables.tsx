import type { Scorecard } from '../../../../shared/drills';
import { Markdown } from '../../../components/Markdown';
import { clockAtMinutes, clockText, minutesText } from '../format';

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
        <table className="drill-table" aria-label="Step durations">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" className="numeric">
                Started
              </th>
              <th scope="col" className="numeric">
                Ended
              </th>
              <th scope="col" className="numeric">
                Took
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={`${step.runbook}-${step.step}`}>
                <th scope="row">
                  <span className="step-runbook">{step.runbook}</span> {step.step}. <Markdown source={step.text} variant="inline" />
                </th>
                <td className="numeric">{clockAtMinutes(step.startMinutes)}</td>
                <td className="numeric">{clockAtMinutes(step.endMinutes)}</td>
                <td className="numeric">{minutesText(step.durationMinutes)}</td>
                <td>{step.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
        <table className="drill-table" aria-label="Injects fired">
          <thead>
            <tr>
              <th scope="col">Inject</th>
              <th scope="col" className="numeric">
                Fired at
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {scorecard.injects.map((inject, index) => (
              <tr key={`${inject.title}-${index}`}>
                <th scope="row">
                  {index + 1}. {inject.title}
                </th>
                <td className="numeric">{clockAtMinutes(inject.firedAtMinutes)}</td>
                <td>{inject.status === 'fired' ? 'fired' : 'never fired'}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
