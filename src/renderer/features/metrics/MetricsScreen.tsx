import { useState, type ReactNode } from 'react';
import { useOp } from '../../api/queries';
import { routeHref } from '../../app/route';
import { DateRange } from '../../components/Field';
import { formatMinutes, lastDays } from './format';
import { PerWeekChart } from './PerWeekChart';
import { OverTimeChart, PerServiceChart } from './ResponseTimeCharts';
import { useMetrics } from './store';
import './metrics.css';

const PRESETS = [30, 90, 365] as const;

/** `#/metrics`: incidents per week, MTTA and MTTR over time and per service, open action items. Drills never count. */
export function MetricsScreen() {
  const from = useMetrics((state) => state.from);
  const to = useMetrics((state) => state.to);
  const backwards = Boolean(from && to && from > to);
  const query = useOp('incidentMetrics', { ...(from ? { from } : {}), ...(to ? { to } : {}) }, { enabled: !backwards, keepPrevious: true });
  const metrics = query.data ?? null;
  // The range the metrics on screen are for: the one asked for once its answer is in, the last one until then.
  const [shownRange, setShownRange] = useState<{ from: string; to: string } | null>(null);
  if (metrics && !query.isPlaceholderData && !backwards && (shownRange?.from !== from || shownRange.to !== to)) setShownRange({ from, to });
  const error = backwards ? 'The range starts after it ends.' : (query.error?.message ?? null);

  return (
    <div className="metrics-screen">
      <header className="metrics-header">
        <h1>Metrics</h1>
        <form className="metrics-range" onSubmit={(event) => event.preventDefault()} aria-label="Date range">
          <DateRange fromLabel="Incidents started from" toLabel="to" from={from} to={to} onChange={(range) => useMetrics.setState(range)} />
          <div className="metrics-presets" role="group" aria-label="Quick ranges">
            {PRESETS.map((days) => {
              const range = lastDays(days);
              const active = range.from === from && range.to === to;
              return (
                <button key={days} type="button" className="toggle" aria-pressed={active} onClick={() => useMetrics.setState(range)}>
                  Last {days} days
                </button>
              );
            })}
          </div>
        </form>
      </header>
      <p className="metrics-note">
        Drills are excluded from every number here. MTTA is the mean time from detection to acknowledgement; MTTR the mean
        time from the start to resolution, over the incidents that have both times. Weeks start on Monday (UTC).
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {metrics === null || shownRange === null ? (
        <p className="muted">Loading metrics…</p>
      ) : (
        <>
          <dl className="metric-tiles" aria-label="Totals">
            <Tile metric="count" term="Incidents">
              {metrics.incidents.length}
            </Tile>
            <Tile metric="mtta" term={<abbr title="Mean time to acknowledge">MTTA</abbr>}>
              {formatMinutes(metrics.mtta)}
            </Tile>
            <Tile metric="mttr" term={<abbr title="Mean time to resolve">MTTR</abbr>}>
              {formatMinutes(metrics.mttr)}
            </Tile>
            <Tile metric="open-action-items" term="Open action items">
              <a href={routeHref({ screen: 'incident-history', tab: 'action-items' })} aria-label={`${metrics.openActionItems} open action items: see them`}>
                {metrics.openActionItems}
              </a>
            </Tile>
          </dl>
          <div className="metric-grid">
            <PerWeekChart metrics={metrics} from={shownRange.from} to={shownRange.to} />
            <OverTimeChart metrics={metrics} />
            <PerServiceChart metrics={metrics} />
          </div>
        </>
      )}
    </div>
  );
}

/** One total of the tiles row: what it counts, and its figure (`data-metric` names it for tests and styles). */
function Tile(props: { metric: string; term: ReactNode; children: ReactNode }) {
  return (
    <div className="metric-tile">
      <dt>{props.term}</dt>
      <dd data-metric={props.metric}>{props.children}</dd>
    </div>
  );
}
