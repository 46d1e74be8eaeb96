import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LoadReportRow } from '../../../../shared/rosters';
import { formatHours } from './LoadTable';

const SERIES = [
  { key: 'businessHours', name: 'Business hours', colour: 'var(--load-business)' },
  { key: 'offHours', name: 'Off-hours', colour: 'var(--load-off)' },
  { key: 'sleepHours', name: 'Sleep hours', colour: 'var(--load-sleep)' },
] as const;

/** Stacked hours per person. The table beside it holds the same numbers, and is its text alternative. */
export function LoadChart({ rows, tableId }: { rows: LoadReportRow[]; tableId: string }) {
  const data = rows.map((row) => ({
    name: row.person.name,
    businessHours: row.businessHours,
    offHours: row.offHours,
    sleepHours: row.sleepHours,
  }));
  return (
    <figure className="oc-load-chart" aria-labelledby="oc-load-chart-caption" aria-describedby={tableId}>
      <figcaption id="oc-load-chart-caption" className="pane-title">
        Hours on call per person
      </figcaption>
      <ResponsiveContainer width="100%" height={Math.max(280, 56 * rows.length + 80)}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          title="Hours on call per person"
          desc="Stacked bars of business hours, off-hours and sleep hours for each person; the table has the same numbers."
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            stroke="var(--border)"
            tick={{ fill: 'var(--text-muted)' }}
            label={{ value: 'hours', position: 'insideBottomRight', offset: -4, fill: 'var(--text-muted)' }}
          />
          <YAxis type="category" dataKey="name" width={130} stroke="var(--border)" tick={{ fill: 'var(--text)' }} />
          <Tooltip
            cursor={{ fill: 'var(--bg-sunken)' }}
            contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--text)' }}
            labelStyle={{ fontWeight: 700, color: 'var(--text)' }}
            formatter={(value) => `${formatHours(Number(value))} h`}
          />
          <Legend formatter={(value: string) => <span className="oc-load-legend-text">{value}</span>} />
          {SERIES.map((series) => (
            <Bar key={series.key} dataKey={series.key} name={series.name} stackId="hours" fill={series.colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
