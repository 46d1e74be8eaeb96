import { routeHref } from '../../../app/route';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { TargetList } from '../library/ScenarioTable';
import { useScenarios, useTrends } from '../queries';
import { TrendsChart } from './TrendsChart';
import { TrendsTable } from './TrendsTable';

/** `#/drills/scenarios/:id/trends`: every past run of one scenario side by side, so a team sees whether it is getting faster. */
export function TrendsScreen({ scenarioId }: { scenarioId: number }) {
  const trends = useTrends(scenarioId);
  const runs = trends.data;
  const scenario = useScenarios().data?.find((candidate) => candidate.id === scenarioId);
  const problem = trends.error?.message;

  return (
    <div className="drills-screen trends">
      <header className="drills-header">
        <div>
          <p className="console-kicker">Drill trends</p>
          <h1>{scenario?.title ?? runs?.[0]?.scenario ?? `Scenario ${scenarioId}`}</h1>
          {scenario && (
            <div className="trends-targets">
              Targets: <TargetList targets={scenario.targets} />
            </div>
          )}
        </div>
        <span className="spacer" />
        <a className="button" href={routeHref({ screen: 'drills' })}>
          All drills
        </a>
      </header>
      <ErrorBanner message={problem} />
      {!runs ? (
        <p className="muted">Loading past runs…</p>
      ) : runs.length === 0 ? (
        <p className="drills-empty">No finished runs of this scenario yet. Stop a drill and its scorecard appears here.</p>
      ) : (
        <>
          <TrendsChart runs={runs} targets={scenario?.targets ?? null} />
          <TrendsTable runs={runs} />
        </>
      )}
    </div>
  );
}
