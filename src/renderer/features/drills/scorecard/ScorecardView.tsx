import { useState } from 'react';
import type { DrillRun } from '../../../../shared/drills';
import { readOp } from '../../../api/queries';
import { routeHref } from '../../../app/route';
import { downloadFile } from '../../../components/download';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { LocalTime } from '../../../components/LocalTime';
import { DrillTag } from '../DrillTag';
import { clockText } from '../format';
import { useScorecard } from '../queries';
import { InjectsTable, ObservationList, StepsTable } from './DetailTables';
import { MeasuresTable } from './MeasuresTable';
import { ScorecardTimeline } from './ScorecardTimeline';

/** A stopped drill's result: times against the targets, a timeline of steps and injects, the details, and exports. */
export function ScorecardView({ run }: { run: DrillRun }) {
  const scorecardQuery = useScorecard(run.id);
  const scorecard = scorecardQuery.data;
  const problem = scorecardQuery.error?.message;
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (format: 'markdown' | 'csv') => {
    const result = await readOp('exportDrillScorecard', { id: run.id, format });
    if (!result.ok) return setError(result.error.message);
    downloadFile(result.value.fileName, result.value.content, result.value.mimeType);
  };

  const fired = run.injects.filter((inject) => inject.status === 'fired').length;
  return (
    <div className="drills-screen scorecard">
      <header className="drills-header">
        <DrillTag />
        <div>
          <p className="console-kicker">Drill scorecard</p>
          <h1>{run.scenarioTitle}</h1>
          <p className="scorecard-facts">
            <span>
              Started <LocalTime iso={run.startedAt} />
            </span>
            <span>
              Drill clock <strong>{clockText(run.elapsedSeconds)}</strong> (pauses not counted)
            </span>
            <span>
              {fired} of {run.injects.length} injects fired
            </span>
          </p>
        </div>
        <span className="spacer" />
        <div className="scorecard-actions">
          <button type="button" onClick={() => void exportAs('markdown')}>
            Export Markdown
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <a className="button" href={routeHref({ screen: 'drill-trends', id: run.scenarioId })}>
            Trends
          </a>
          <a className="button" href={routeHref({ screen: 'incident', id: run.incidentId })}>
            The drill incident
          </a>
        </div>
      </header>
      <ErrorBanner message={error ?? problem} />
      {!scorecard ? (
        <p className="muted">Loading the scorecard…</p>
      ) : (
        <>
          <div className="scorecard-top">
            <section className="drill-panel" aria-labelledby="measures-heading">
              <h2 id="measures-heading">Times against targets</h2>
              <MeasuresTable rows={scorecard.rows} />
            </section>
            <ScorecardTimeline scorecard={scorecard} />
          </div>
          <div className="scorecard-details">
            <StepsTable scorecard={scorecard} />
            <InjectsTable scorecard={scorecard} />
            <ObservationList scorecard={scorecard} />
          </div>
        </>
      )}
    </div>
  );
}
