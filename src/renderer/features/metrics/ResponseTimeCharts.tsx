import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { IncidentMetrics } from '../../../shared/postmortems';
import { routeHref } from '../../app/route';
import { severityClass } from '../incidents/format';
import { LocalTime } from '../../components/LocalTime';
import { axisProps, ChartFigure, chartFrame, gridProps, legendText, tooltipProps } from '../../components/ChartFigure';
import { dayLabel, formatMinutes, minuteTicks, timeTick } from './format';
import type { Column } from '../../components/DataTable';

const TTA = 'var(--metric-tta)';
const TTR = 'var(--metric-ttr)';
const minutesTooltip = (value: unknown) => formatMinutes(typeof value === 'number' ? value : null);

const OVER_TIME = 'Time to acknowledge and to resolve, per incident';
const OVER_TIME_COLUMNS: Column<IncidentMetrics['incidents'][number]>[] = [
  { header: 'Incident', cell: (incident) => <a href={routeHref({ screen: 'incident', id: incident.id })}>{incident.title}</a> },
  { header: 'Severity', cell: (incident) => <span className={severityClass(incident.severity as 'SEV1')}>{incident.severity}</span> },
  { header: 'Started', className: 'numeric', cell: (incident) => <LocalTime iso={incident.startedAt} /> },
  { header: 'Time to acknowledge', className: 'numeric', cell: (incident) => formatMinutes(incident.ttaMinutes) },
  { header: 'Time to resolve', className: 'numeric', cell: (incident) => formatMinutes(incident.ttrMinutes) },
];

const PER_SERVICE = 'MTTA and MTTR per service';
const PER_SERVICE_COLUMNS: Column<IncidentMetrics['perService'][number]>[] = [
  { header: 'Service', cell: (row) => row.service },
  { header: 'Incidents', className: 'numeric', cell: (row) => row.incidents },
  { header: 'MTTA', className: 'numeric', cell: (row) => formatMinutes(row.mtta) },
  { header: 'MTTR', className: 'numeric', cell: (row) => formatMinutes(row.mttr) },
];

/** Time to acknowledge and to resolve of each incident, by when it started. */
export function OverTimeChart({ metrics }: { metrics: IncidentMetrics }) {
  const points = metrics.incidents.map((incident) => ({
    time: Date.parse(incident.startedAt),
    title: incident.title,
    tta: incident.ttaMinutes,
    ttr: incident.ttrMinutes,
  }));
  const ticks = minuteTicks(points.flatMap((point) => [point.tta, point.ttr]));
  const span = points.length > 1 ? (points.at(-1)?.time ?? 0) - (points[0]?.time ?? 0) : 0;
  const summary =
    points.length === 0
      ? 'No incidents in this range.'
      : `Across ${points.length} incident${points.length === 1 ? '' : 's'}: mean time to acknowledge ${formatMinutes(metrics.mtta)}, mean time to resolve ${formatMinutes(metrics.mttr)}.`;
  return (
    <ChartFigure
      id="over-time"
      title={OVER_TIME}
      summary={summary}
      table={{ rows: metrics.incidents, rowKey: (incident) => incident.id, columns: OVER_TIME_COLUMNS }}
    >
      <LineChart {...chartFrame(OVER_TIME, summary, 280)} data={points}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={timeTick(span)} padding={{ left: 24, right: 24 }} {...axisProps} />
        <YAxis ticks={ticks} domain={[0, ticks.at(-1) ?? 'auto']} tickFormatter={(value: number) => formatMinutes(value)} width={84} {...axisProps} />
        <Tooltip
          {...tooltipProps}
          formatter={minutesTooltip}
          labelFormatter={(_label, payload) => {
            const point = payload[0]?.payload as { title: string; time: number } | undefined;
            return point ? `${point.title} (${dayLabel(point.time)})` : '';
          }}
        />
        <Legend formatter={legendText} />
        <Line dataKey="tta" name="Time to acknowledge" stroke={TTA} fill={TTA} strokeWidth={2} connectNulls isAnimationActive={false} />
        <Line dataKey="ttr" name="Time to resolve" stroke={TTR} fill={TTR} strokeWidth={2} strokeDasharray="6 3" connectNulls isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}

/** Mean time to acknowledge and to resolve for each affected service. */
export function PerServiceChart({ metrics }: { metrics: IncidentMetrics }) {
  const rows = metrics.perService;
  const ticks = minuteTicks(rows.flatMap((row) => [row.mtta, row.mttr]));
  const slowest = rows.reduce<(typeof rows)[number] | null>((worst, row) => (row.mttr !== null && (worst?.mttr ?? -1) < row.mttr ? row : worst), null);
  const summary =
    rows.length === 0
      ? 'No incidents named a service in this range.'
      : `${rows.length} service${rows.length === 1 ? '' : 's'}` +
        (slowest ? `; the longest mean time to resolve was ${slowest.service}’s, ${formatMinutes(slowest.mttr)}.` : '.');
  return (
    <ChartFigure id="per-service" title={PER_SERVICE} summary={summary} table={{ rows, rowKey: (row) => row.service, columns: PER_SERVICE_COLUMNS }}>
      <BarChart {...chartFrame(PER_SERVICE, summary, Math.max(200, 70 + rows.length * 48))} data={rows} layout="vertical">
        <CartesianGrid {...gridProps} horizontal={false} />
        <XAxis type="number" ticks={ticks} domain={[0, ticks.at(-1) ?? 'auto']} tickFormatter={(value: number) => formatMinutes(value)} {...axisProps} />
        <YAxis type="category" dataKey="service" width={130} {...axisProps} />
        <Tooltip {...tooltipProps} formatter={minutesTooltip} />
        <Legend formatter={legendText} />
        <Bar dataKey="mtta" name="MTTA (mean time to acknowledge)" fill={TTA} isAnimationActive={false} />
        <Bar dataKey="mttr" name="MTTR (mean time to resolve)" fill={TTR} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
