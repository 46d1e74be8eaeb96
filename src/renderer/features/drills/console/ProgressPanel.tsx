import { minutesText } from '../format';
import { useScorecard } from '../queries';

/** The team's progress against the scenario's targets, live: reached (met or late), overdue, or still to come. */
export function ProgressPanel({ runId, seconds }: { runId: number; seconds: number }) {
  const scorecard = useScorecard(runId).data;
  if (!scorecard) return null;
  const minutes = seconds / 60;
  return (
    <section className="drill-panel progress-panel" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Responders so far</h2>
      <ul className="progress-list">
        {scorecard.rows.map((row) => {
          const state =
            row.actualMinutes !== null ? (row.met === false ? 'missed' : 'met') : row.targetMinutes !== null && minutes > row.targetMinutes ? 'missed' : 'waiting';
          const target = row.targetMinutes === null ? 'no target' : `target ${minutesText(row.targetMinutes)}`;
          return (
            <li key={row.measure} data-verdict={state}>
              <span className="progress-mark" aria-hidden="true">
                {state === 'met' ? '✓' : state === 'missed' ? '✗' : '…'}
              </span>
              <span className="progress-measure">{shortMeasure(row.measure)}</span>
              <span className="progress-value">
                {row.actualMinutes !== null ? `at ${minutesText(row.actualMinutes)}` : state === 'missed' ? 'overdue' : 'not yet'}
                <span className="muted"> · {target}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "Time to first status update" → "First status update". */
const shortMeasure = (measure: string) => {
  const short = measure.replace(/^Time to /, '');
  return short.charAt(0).toUpperCase() + short.slice(1);
};
