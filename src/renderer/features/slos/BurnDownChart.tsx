import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChangeState } from '../../../shared/changes';
import type { SloChart } from '../../../shared/slos';
import { axisProps, ChartFigure, chartFrame, gridProps, tooltipProps } from '../../components/ChartFigure';
import { dayLabel, timeTick } from '../metrics/format';
import { formatStamp, systemZone } from '../../../shared/zoned-time';
import { minutesText, percentText } from './format';

const BUDGET = 'var(--accent)';
const WHAT_IF = 'var(--danger-text)';
const DAY = 86_400_000;
const TITLE = 'Budget left over the window';

/** A change on the SLO's service, drawn as a line where its window starts. */
export interface ChangeMark {
  id: number;
  title: string;
  at: string;
  state: ChangeState;
}

/** The changes that touched the service (not drafts, not cancelled ones): the burn-down marks them. */
export const changeMarks = (changes: readonly { id: number; title: string; start: string; state: ChangeState }[]): ChangeMark[] =>
  changes.filter((change) => change.state !== 'draft' && change.state !== 'cancelled').map((change) => ({ id: change.id, title: change.title, at: change.start, state: change.state }));

/** A line's label: short, as several may stand close together. */
const shortTitle = (title: string): string => (title.length > 22 ? `${title.slice(0, 21)}…` : title);

interface Point {
  time: number;
  /** Budget left in percent. */
  left: number | null;
  minutes: number | null;
  whatIf: number | null;
}

/**
 * The budget left over the SLO's window: the policy's thresholds as lines,
 * incidents as red bands, exclusions greyed, changes on the service as labelled
 * vertical lines (ServiceChanges lists them, each linked), and a "what if" outage
 * as a dashed drop at the end. Its table gives one row a day.
 */
export function BurnDownChart({ chart, changes }: { chart: SloChart; changes: readonly ChangeMark[] }) {
  const from = Date.parse(chart.window.from);
  const to = Date.parse(chart.window.to);
  const points: Point[] = chart.points.map((point) => ({ time: Date.parse(point.at), left: point.remaining * 100, minutes: point.remainingMinutes, whatIf: null }));
  const last = points.at(-1);
  if (last && chart.whatIf?.budget.remaining !== null && chart.whatIf?.budget.remaining !== undefined) {
    last.whatIf = last.left;
    points.push({ time: last.time + 1, left: null, minutes: null, whatIf: chart.whatIf.budget.remaining * 100 });
  }
  const values = points.flatMap((point) => [point.left, point.whatIf]).filter((value): value is number => value !== null);
  const low = Math.min(0, ...values, chart.policy.blockBelow * 100);
  const floor = Math.floor(low / 25) * 25;
  const ticks = Array.from({ length: (100 - floor) / 25 + 1 }, (_, index) => floor + index * 25);
  // An incident of minutes in a month is a hair wide: drawn at least 1/150 of the window, ending where it ends.
  const minimum = (to - from) / 150;
  const band = (start: number, end: number): [number, number] => (end - start >= minimum ? [start, end] : [Math.max(from, end - minimum), Math.max(end, Math.max(from, end - minimum) + minimum)]);
  const shownChanges = changes.filter((change) => Date.parse(change.at) >= from && Date.parse(change.at) <= to);
  const summary =
    last === undefined
      ? 'No data in this window yet: there is no budget to draw.'
      : `${percentText((last.left ?? 0) / 100)} of the budget left now` +
        (last.minutes !== null ? ` (${minutesText(last.minutes)})` : '') +
        `; ${chart.incidents.length} incident${chart.incidents.length === 1 ? '' : 's'}, ${shownChanges.length} change${shownChanges.length === 1 ? '' : 's'} and ${chart.exclusions.length} exclusion${chart.exclusions.length === 1 ? '' : 's'} in the window.`;
  const daily = chart.points.filter((_, index) => index % Math.max(1, Math.round(chart.points.length / 31)) === 0 || index === chart.points.length - 1);
  const zone = systemZone();

  return (
    <ChartFigure
      id={`burn-down-${chart.name}`}
      title={TITLE}
      summary={summary}
      empty="Nothing to plot: import SLI data, or wait for the window to hold some."
      table={{
        rows: daily,
        rowKey: (point) => point.at,
        columns: [
          { header: 'At', cell: (point) => formatStamp(point.at, zone) },
          { header: 'Budget left', className: 'numeric', cell: (point) => percentText(point.remaining) },
          { header: 'Minutes left', className: 'numeric', cell: (point) => minutesText(point.remainingMinutes) },
        ],
      }}
    >
      <ComposedChart {...chartFrame(TITLE, summary, 320)} data={points}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="time" type="number" scale="time" domain={[from, to]} tickFormatter={timeTick(to - from)} minTickGap={24} {...axisProps} />
        <YAxis domain={[floor, 100]} ticks={ticks} tickFormatter={(value: number) => `${value} %`} width={64} {...axisProps} />
        {chart.exclusions.map((exclusion) => (
          <ReferenceArea key={`x-${exclusion.from}`} x1={band(Date.parse(exclusion.from), Date.parse(exclusion.to))[0]} x2={band(Date.parse(exclusion.from), Date.parse(exclusion.to))[1]} fill="var(--text-muted)" fillOpacity={0.25} ifOverflow="extendDomain" />
        ))}
        {chart.incidents.map((incident) => {
          const [x1, x2] = band(Date.parse(incident.from), Date.parse(incident.to));
          return <ReferenceArea key={`i-${incident.id}`} x1={x1} x2={x2} fill="var(--danger-text)" fillOpacity={0.3} ifOverflow="extendDomain" />;
        })}
        {shownChanges.map((change) => (
          <ReferenceLine
            key={`c-${change.id}`}
            x={Date.parse(change.at)}
            stroke="var(--text-muted)"
            strokeWidth={1.5}
            strokeDasharray="2 3"
            label={{ value: shortTitle(change.title), position: Date.parse(change.at) > (from + to) / 2 ? 'insideTopRight' : 'insideTopLeft', fill: 'var(--text)', fontSize: 12 }}
          />
        ))}
        <ReferenceLine y={chart.policy.warnBelow * 100} stroke="var(--warn-border)" strokeDasharray="6 3" label={{ value: `warn below ${percentText(chart.policy.warnBelow, 0)}`, position: 'insideTopRight', fill: 'var(--text-muted)', fontSize: 12 }} />
        <ReferenceLine y={chart.policy.blockBelow * 100} stroke="var(--danger-text)" strokeDasharray="6 3" label={{ value: `changes held at ${percentText(chart.policy.blockBelow, 0)}`, position: 'insideBottomRight', fill: 'var(--text-muted)', fontSize: 12 }} />
        <Tooltip
          {...tooltipProps}
          labelFormatter={(label) => (typeof label === 'number' ? (to - from < 2 * DAY ? formatStamp(label, zone) : `${dayLabel(label)} ${formatStamp(label, zone).slice(11)}`) : '')}
          formatter={(value, name) => [typeof value === 'number' ? `${value.toFixed(1)} %` : '—', name === 'whatIf' ? 'What if' : 'Budget left']}
        />
        <Area dataKey="left" name="Budget left" type="linear" stroke={BUDGET} fill={BUDGET} fillOpacity={0.12} strokeWidth={2} isAnimationActive={false} connectNulls={false} />
        <Line dataKey="whatIf" name="whatIf" stroke={WHAT_IF} strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} connectNulls />
      </ComposedChart>
    </ChartFigure>
  );
}
