import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { SEVERITIES } from '../../../shared/incidents';
import type { IncidentMetrics } from '../../../shared/postmortems';
import { axisProps, ChartFigure, chartFrame, gridProps, legendText, tooltipProps } from '../../components/ChartFigure';
import type { Column } from '../../components/DataTable';
import { weekLabel, weeksBetween } from './format';

type Week = IncidentMetrics['perWeek'][number];

const TITLE = 'Incidents per week, by severity';

/** Incidents started each week (weeks start on Monday, UTC), stacked by severity; quiet weeks show as zero. */
export function PerWeekChart({ metrics, from, to }: { metrics: IncidentMetrics; from: string; to: string }) {
  const byWeek = new Map(metrics.perWeek.map((week) => [week.week, week]));
  const weeks: Week[] = weeksBetween(from, to).map((week) => byWeek.get(week) ?? { week, SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 });
  // A week outside the range cannot happen, but a count should never silently vanish.
  for (const week of metrics.perWeek) if (!weeks.some((shown) => shown.week === week.week)) weeks.push(week);
  const total = (week: Week) => week.SEV1 + week.SEV2 + week.SEV3 + week.SEV4;
  const busiest = weeks.reduce<Week | null>((best, week) => (best === null || total(week) > total(best) ? week : best), null);
  const count = metrics.incidents.length;
  const summary =
    count === 0
      ? 'No incidents in this range.'
      : `${count} incident${count === 1 ? '' : 's'} over ${weeks.length} week${weeks.length === 1 ? '' : 's'}` +
        (busiest && total(busiest) > 0 ? `; the busiest was the week of ${weekLabel(busiest.week)} with ${total(busiest)}.` : '.');

  const columns: Column<Week>[] = [
    { header: 'Week of (Monday)', cell: (week) => week.week },
    ...SEVERITIES.map((severity): Column<Week> => ({ header: severity, className: 'numeric', cell: (week) => week[severity] })),
    { header: 'Total', className: 'numeric', cell: total },
  ];

  return (
    <ChartFigure id="per-week" title={TITLE} summary={summary} table={{ rows: weeks, rowKey: (week) => week.week, columns }}>
      <BarChart {...chartFrame(TITLE, summary, 280)} data={weeks}>
        <CartesianGrid {...gridProps} vertical={false} />
        <XAxis dataKey="week" tickFormatter={weekLabel} {...axisProps} />
        <YAxis allowDecimals={false} width={36} {...axisProps} />
        <Tooltip {...tooltipProps} labelFormatter={(week) => (typeof week === 'string' ? `Week of ${weekLabel(week)}` : '')} />
        <Legend formatter={legendText} />
        {SEVERITIES.map((severity) => (
          <Bar key={severity} dataKey={severity} stackId="severity" fill={`var(--${severity.toLowerCase()}-bg)`} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}
