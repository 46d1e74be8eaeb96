import type { Scorecard } from '../../../../shared/drills';
import { routeHref } from '../../../app/route';
import { LocalTime } from '../../../components/LocalTime';
import { minutesText } from '../format';
import { trendPoints } from './trend-points';

/** The chart's numbers as a table, one run a row, each linking to its scorecard. */
export function TrendsTable({ runs }: { runs: Scorecard[] }) {
  const points = trendPoints(runs);
  return (
    <section className="drill-panel" aria-labelledby="trends-table-heading">
      <h2 id="trends-table-heading">Runs</h2>
      <table className="drill-table trends-table" aria-label="Past runs">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Started</th>
            <th scope="col" className="numeric">
              Acknowledge
            </th>
            <th scope="col" className="numeric">
              First update
            </th>
            <th scope="col" className="numeric">
              Mitigate
            </th>
            <th scope="col" className="numeric">
              Drill clock
            </th>
            <th scope="col">Targets met</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point, index) => (
            <tr key={point.runId}>
              <th scope="row">
                <a href={routeHref({ screen: 'drill-run', id: point.runId })} aria-label={`Scorecard of run ${index + 1}`}>
                  Run {index + 1}
                </a>
              </th>
              <td>
                <LocalTime iso={point.startedAt} />
              </td>
              <td className="numeric">{minutesText(point.acknowledge)}</td>
              <td className="numeric">{minutesText(point.firstUpdate)}</td>
              <td className="numeric">{minutesText(point.mitigate)}</td>
              <td className="numeric">{minutesText(point.duration)}</td>
              <td>{point.withTarget === 0 ? '—' : `${point.met} of ${point.withTarget}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
