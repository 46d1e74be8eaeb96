import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { DrillTargets, Scorecard } from '../../../../shared/drills';
import { axisProps, legendText, tooltipProps } from '../../metrics/ChartFigure';
import { minuteTicks } from '../../metrics/format';
import { minutesText } from '../format';
import { trendPoints } from './trend-points';

const SERIES = [
  { key: 'acknowledge', name: 'Time to acknowledge', colour: 'var(--trend-ack)', target: 'acknowledgeMinutes' },
  { key: 'firstUpdate', name: 'Time to first update', colour: 'var(--trend-update)', target: 'firstUpdateMinutes' },
  { key: 'mitigate', name: 'Time to mitigate', colour: 'var(--trend-mitigate)', target: 'mitigateMinutes' },
] as const;

/** Each run's three times side by side, oldest on the left, with the targets as dashed lines in the same colours. */
export function TrendsChart({ runs, targets }: { runs: Scorecard[]; targets: DrillTargets | null }) {
  const points = trendPoints(runs);
  const targetValues = SERIES.map((series) => targets?.[series.target] ?? null);
  const ticks = minuteTicks([...points.flatMap((point) => [point.acknowledge, point.firstUpdate, point.mitigate]), ...targetValues]);
  const first = points[0];
  const last = points.at(-1);
  const summary =
    points.length === 1 || !first || !last
      ? `One run so far: acknowledged in ${minutesText(first?.acknowledge ?? null)}, mitigated in ${minutesText(first?.mitigate ?? null)}.`
      : `${points.length} runs. Time to mitigate went from ${minutesText(first.mitigate)} in the first to ${minutesText(last.mitigate)} in the latest; ` +
        `time to acknowledge from ${minutesText(first.acknowledge)} to ${minutesText(last.acknowledge)}.`;
  return (
    <figure className="drill-panel trends-chart" aria-labelledby="trends-chart-title">
      <h2 id="trends-chart-title">Each run’s times against the targets</h2>
      <figcaption className="chart-summary">{summary}</figcaption>
      <BarChart responsive style={{ width: '100%', height: 340 }} data={points} barGap={3} barCategoryGap="22%" title="Each run’s times against the targets" desc={summary}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" {...axisProps} tick={{ ...axisProps.tick, fill: 'var(--text)' }} />
        <YAxis ticks={ticks} domain={[0, ticks.at(-1) ?? 'auto']} tickFormatter={(value: number) => minutesText(value)} width={70} {...axisProps} />
        <Tooltip {...tooltipProps} formatter={(value: unknown) => (typeof value === 'number' ? minutesText(value) : '—')} />
        <Legend formatter={legendText} />
        {SERIES.map((series, index) => {
          const target = targetValues[index];
          return target === null || target === undefined ? null : (
            <ReferenceLine
              key={`target-${series.key}`}
              y={target}
              stroke={series.colour}
              strokeWidth={2}
              strokeDasharray="7 4"
              label={{ value: `${series.name.replace('Time to ', '')} target ${minutesText(target)}`, position: 'insideTopRight', fill: 'var(--text)', fontSize: 12 }}
            />
          );
        })}
        {SERIES.map((series) => (
          <Bar key={series.key} dataKey={series.key} name={series.name} fill={series.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
