import { routeHref } from '../../../app/route';
import { useScenarios } from '../queries';
import { ScenarioEditor } from './ScenarioEditor';

/** `#/drills/new` and `#/drills/scenarios/:id/edit`: finds the scenario, then shows the editor. */
export function ScenarioEditorScreen({ id }: { id: number | null }) {
  const scenarios = useScenarios();
  if (id === null) return <ScenarioEditor scenario={null} />;
  const scenario = scenarios.data?.find((candidate) => candidate.id === id);
  const problem = scenarios.error?.message ?? (scenarios.data && !scenario ? `There is no drill scenario ${id}.` : null);
  if (problem) {
    return (
      <div className="not-found">
        <h1>Cannot edit this scenario</h1>
        <p>{problem}</p>
        <a href={routeHref({ screen: 'drills' })}>Go to the drills</a>
      </div>
    );
  }
  if (!scenario) return <p className="muted drills-screen">Loading scenario…</p>;
  return <ScenarioEditor scenario={scenario} />;
}
