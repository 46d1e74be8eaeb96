import type { DrillScenario, DrillTargets } from '../../../../shared/drills';
import { routeHref } from '../../../app/route';
import { LocalTime } from '../../../components/LocalTime';
import { minutesText } from '../format';
import { exportScenario } from './export';
import { startDrill } from './start';

/** Every scenario: what it drills, its targets, when it last ran and how often, and what can be done with it. */
export function ScenarioTable({ scenarios, onError }: { scenarios: DrillScenario[]; onError: (message: string) => void }) {
  const report = (outcome: Promise<string | null>) => void outcome.then((message) => message && onError(message));
  return (
    <table className="drill-table scenario-table" aria-label="Drill scenarios">
      <thead>
        <tr>
          <th scope="col">Scenario</th>
          <th scope="col">Injects</th>
          <th scope="col">Targets</th>
          <th scope="col">Last run</th>
          <th scope="col" className="numeric">
            Runs
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {scenarios.map((scenario) => {
          const timed = scenario.injects.filter((inject) => inject.offsetSeconds !== null).length;
          return (
            <tr key={scenario.id} data-scenario={scenario.title}>
              <th scope="row">
                <span className="scenario-title">{scenario.title}</span>
                <span className="scenario-services">{scenario.services.length > 0 ? scenario.services.join(', ') : 'no services named'}</span>
              </th>
              <td>
                {timed} timed, {scenario.injects.length - timed} manual
              </td>
              <td>
                <TargetList targets={scenario.targets} />
              </td>
              <td>{scenario.lastRunAt ? <LocalTime iso={scenario.lastRunAt} /> : <span className="muted">never</span>}</td>
              <td className="numeric">{scenario.runCount}</td>
              <td className="scenario-actions">
                <button type="button" className="primary" onClick={() => report(startDrill(scenario))} aria-label={`Start drill: ${scenario.title}`}>
                  Start drill
                </button>
                <a className="button" href={routeHref({ screen: 'edit-drill-scenario', id: scenario.id })} aria-label={`Edit ${scenario.title}`}>
                  Edit
                </a>
                <button type="button" onClick={() => report(exportScenario(scenario))} aria-label={`Export ${scenario.title} as Markdown`}>
                  Export
                </button>
                <a className="button" href={routeHref({ screen: 'drill-trends', id: scenario.id })} aria-label={`Trends of ${scenario.title}`}>
                  Trends
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "ack ≤ 5 min · update ≤ 10 min · mitigate ≤ 30 min", or "none". */
export function TargetList({ targets }: { targets: DrillTargets }) {
  const parts = [
    ['acknowledge', targets.acknowledgeMinutes],
    ['first update', targets.firstUpdateMinutes],
    ['mitigate', targets.mitigateMinutes],
  ] as const;
  const set = parts.filter(([, minutes]) => minutes !== null);
  if (set.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="target-list">
      {set.map(([name, minutes]) => (
        <li key={name}>
          {name} ≤ {minutesText(minutes)}
        </li>
      ))}
    </ul>
  );
}
