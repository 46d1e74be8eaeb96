import type { Scorecard } from '../../../../shared/drills';
import { routeHref } from '../../../app/route';
import { DataTable, type Column } from '../../../components/DataTable';
import { LocalTime } from '../../../components/LocalTime';
import { minutesText } from '../format';
import { trendPoints, type TrendPoint } from './trend-points';

/** The timed columns: each a measure of the run, in minutes. */
const MEASURES: [header: string, minutes: (point: TrendPoint) => number | null][] = [
  ['Acknowledge', (point) => point.acknowledge],
  ['First update', (point) => point.firstUpdate],
  ['Mitigate', (point) => point.mitigate],
  ['Drill clock', (point) => point.duration],
];

/** The chart's numbers as a table, one run a row, each linking to its scorecard. */
export function TrendsTable({ runs }: { runs: Scorecard[] }) {
  const points = trendPoints(runs);
  return (
    <section className="drill-panel" aria-labelledby="trends-table-heading">
      <h2 id="trends-table-heading">Runs</h2>
      <DataTable
        className="drill-table trends-table"
        label="Past runs"
        rows={points}
        rowKey={(point) => point.runId}
        columns={[
          {
            header: 'Run',
            cell: (point, index) => (
              <a href={routeHref({ screen: 'drill-run', id: point.runId })} aria-label={`Scorecard of run ${index + 1}`}>
                Run {index + 1}
              </a>
            ),
          },
          { header: 'Started', cell: (point) => <LocalTime iso={point.startedAt} /> },
          ...MEASURES.map(([header, minutes]): Column<TrendPoint> => ({ header, className: 'numeric', cell: (point) => minutesText(minutes(point)) })),
          { header: 'Targets met', cell: (point) => (point.withTarget === 0 ? '—' : `${point.met} of ${point.withTarget}`) },
        ]}
      />
    </section>
  );
}
