import type { DrillScenario, DrillTargets } from '../../../../shared/drills';
import { routeHref } from '../../../app/route';
import { DataTable, type Column } from '../../../components/DataTable';
import { LocalTime } from '../../../components/LocalTime';
import { minutesText } from '../format';
import { exportScenario } from './export';
import { startDrill } from './start';

/** Every scenario: what it drills, its targets, when it last ran and how often, and what can be done with it. */
export function ScenarioTable({ scenarios, onError }: { scenarios: DrillScenario[]; onError: (message: string) => void }) {
  const report = (outcome: Promise<string | null>) => void outcome.then((message) => message && onError(message));
  const columns: Column<DrillScenario>[] = [
    {
      header: 'Scenario',
      cell: (scenario) => (
        <>
          <span className="scenario-title">{scenario.title}</span>
          <span className="scenario-services">{scenario.services.length > 0 ? scenario.services.join(', ') : 'no services named'}</span>
        </>
      ),
    },
    { header: 'Injects', cell: (scenario) => injectCounts(scenario) },
    { header: 'Targets', cell: (scenario) => <TargetList targets={scenario.targets} /> },
    { header: 'Last run', cell: (scenario) => (scenario.lastRunAt ? <LocalTime iso={scenario.lastRunAt} /> : <span className="muted">never</span>) },
    { header: 'Runs', className: 'numeric', cell: (scenario) => scenario.runCount },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'scenario-actions',
      cell: (scenario) => (
        <>
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
        </>
      ),
    },
  ];
  return <DataTable className="drill-table scenario-table" label="Drill scenarios" rows={scenarios} rowKey={(scenario) => scenario.id} rowProps={(scenario) => ({ 'data-scenario': scenario.title })} columns={columns} />;
}

/** "2 timed, 1 manual": how a scenario's injects fire. */
function injectCounts(scenario: DrillScenario): string {
  const timed = scenario.injects.filter((inject) => inject.offsetSeconds !== null).length;
  return `${timed} timed, ${scenario.injects.length - timed} manual`;
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
