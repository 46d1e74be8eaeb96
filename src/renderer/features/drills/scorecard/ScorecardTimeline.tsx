import { Bar, CartesianGrid, Cell, ComposedChart, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { Scorecard } from '../../../../shared/drills';
import { axisProps, tooltipProps } from '../../metrics/ChartFigure';
import { minuteTicks } from '../../metrics/format';
import { minutesText } from '../format';
import { timelineRows, type TimelineRow } from './timeline-rows';

const COLOURS = {
  met: 'var(--verdict-met)',
  missed: 'var(--verdict-missed)',
  step: 'var(--step-bar)',
  inject: 'var(--drill)',
  target: 'var(--text)',
  noTarget: 'var(--text-muted)',
};

function barColour(row: TimelineRow): string {
  if (row.kind === 'step') return COLOURS.step;
  if (row.verdict === 'no-target') return COLOURS.noTarget;
  return row.verdict === 'met' ? COLOURS.met : COLOURS.missed;
}

interface MarkProps {
  cx?: number;
  cy?: number;
  payload?: TimelineRow;
}

/** A target: a bold vertical tick across its measure's row. */
function TargetTick(props: MarkProps) {
  if (props.cx === undefined || props.cy === undefined || props.payload?.target === null || props.payload?.target === undefined) return null;
  return <rect x={props.cx - 2} y={props.cy - 13} width={4} height={26} fill={COLOURS.target} />;
}

/** An inject: a diamond where it fired. */
function InjectMark(props: MarkProps) {
  if (props.cx === undefined || props.cy === undefined || props.payload?.firedAt === null || props.payload?.firedAt === undefined) return null;
  const { cx, cy } = props;
  return <polygon points={`${cx},${cy - 9} ${cx + 9},${cy} ${cx},${cy + 9} ${cx - 9},${cy}`} fill={COLOURS.inject} stroke="var(--bg-raised)" strokeWidth={1.5} />;
}

/**
 * The drill on one time axis (drill-clock minutes): how long the team took to
 * acknowledge, update and mitigate, with each target as a tick on its row;
 * every step worked as a bar from its start to its end; injects as diamonds.
 */
export function ScorecardTimeline({ scorecard }: { scorecard: Scorecard }) {
  const rows = timelineRows(scorecard);
  const ticks = minuteTicks([scorecard.durationMinutes, ...rows.flatMap((row) => [row.target, (row.start ?? 0) + (row.span ?? 0), row.firedAt])]);
  const missed = scorecard.rows.filter((row) => row.met === false).length;
  const withTarget = scorecard.rows.filter((row) => row.met !== null).length;
  const summary =
    withTarget === 0
      ? `The drill ran ${minutesText(scorecard.durationMinutes)} on the drill clock; the scenario sets no targets.`
      : `${withTarget - missed} of ${withTarget} targets met in ${minutesText(scorecard.durationMinutes)} on the drill clock.`;
  return (
    <figure className="drill-panel scorecard-chart" aria-labelledby="scorecard-chart-title">
      <h2 id="scorecard-chart-title">Timeline</h2>
      <figcaption className="chart-summary">{summary}</figcaption>
      <ComposedChart
        layout="vertical"
        responsive
        style={{ width: '100%', height: 70 + rows.length * 34 }}
        data={rows}
        barCategoryGap={7}
        margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
        title="Drill timeline"
        desc={summary}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" ticks={ticks} domain={[0, ticks.at(-1) ?? 'auto']} tickFormatter={(value: number) => minutesText(value)} {...axisProps} />
        <YAxis type="category" dataKey="label" width={230} interval={0} {...axisProps} tick={{ ...axisProps.tick, fill: 'var(--text)' }} />
        <Tooltip {...tooltipProps} formatter={tooltipValue} />
        <ReferenceLine x={scorecard.durationMinutes} stroke="var(--text-muted)" strokeDasharray="2 4" label={{ value: 'stop', position: 'insideTopRight', fill: 'var(--text-muted)', fontSize: 12 }} />
        <Bar dataKey="start" stackId="bar" fill="transparent" isAnimationActive={false} legendType="none" tooltipType="none" />
        <Bar dataKey="span" name="Took" stackId="bar" isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.label} fill={barColour(row)} fillOpacity={row.unfinished ? 0.45 : 1} />
          ))}
        </Bar>
        <Scatter dataKey="target" name="Target" shape={<TargetTick />} isAnimationActive={false} />
        <Scatter dataKey="firedAt" name="Inject fired" shape={<InjectMark />} isAnimationActive={false} />
      </ComposedChart>
      <ul className="chart-legend" aria-label="Legend">
        {LEGEND.map((entry) => (
          <li key={entry.id}>
            <span className={`legend-swatch legend-${entry.shape}`} style={{ background: entry.colour }} aria-hidden="true" />
            {entry.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

const LEGEND = [
  { id: 'met', label: 'Met its target', colour: COLOURS.met, shape: 'bar' },
  { id: 'missed', label: 'Missed its target', colour: COLOURS.missed, shape: 'bar' },
  { id: 'step', label: 'Runbook step, start to end', colour: COLOURS.step, shape: 'bar' },
  { id: 'target', label: 'Target', colour: COLOURS.target, shape: 'tick' },
  { id: 'inject', label: 'Inject fired', colour: COLOURS.inject, shape: 'diamond' },
] as const;

const tooltipValue = (value: unknown, name: unknown) => [typeof value === 'number' ? minutesText(Math.round(value * 10) / 10) : '—', String(name)];
