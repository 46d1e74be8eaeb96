import { useId, type ReactNode } from 'react';
import { create } from 'zustand';

/** Charts shown as tables, by chart id: the choice stays while the console is open. */
const useChartTables = create<Record<string, boolean>>()(() => ({}));
const toggleTable = (chart: string) => useChartTables.setState((tables) => ({ [chart]: !tables[chart] }));

/**
 * A chart with its text equivalent: a one-line summary always, and a "Table"
 * toggle that shows the same numbers as a table instead of the picture.
 */
export function ChartFigure(props: { id: string; title: string; summary: string; table: ReactNode; children: ReactNode; empty?: string | null }) {
  const asTable = useChartTables((tables) => tables[props.id] === true);
  const titleId = useId();
  return (
    <figure className="metric-figure" aria-labelledby={titleId}>
      <div className="metric-figure-head">
        <h2 id={titleId}>{props.title}</h2>
        <span className="spacer" />
        <button
          type="button"
          className="toggle"
          aria-pressed={asTable}
          onClick={() => toggleTable(props.id)}
          aria-label={`Table: show “${props.title}” as a table`}
        >
          Table
        </button>
      </div>
      <figcaption className="metric-summary">{props.summary}</figcaption>
      {props.empty ? <p className="muted metric-empty">{props.empty}</p> : asTable ? <div className="metric-table-wrap">{props.table}</div> : <div className="metric-plot">{props.children}</div>}
    </figure>
  );
}

/** Recharts' axes, grid and tooltip in the console's own colours (light and dark). */
export const axisProps = {
  stroke: 'var(--border)',
  tick: { fill: 'var(--text-muted)', fontSize: 13 },
  tickLine: { stroke: 'var(--border)' },
} as const;

export const tooltipProps = {
  contentStyle: { background: 'var(--bg-raised)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--text)' },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  itemStyle: { color: 'var(--text)' },
  cursor: { fill: 'var(--bg-sunken)', stroke: 'var(--border)' },
} as const;

/** Legend entries in the text colour (the swatch keeps the series colour). */
export const legendText = (value: string) => <span className="metric-legend-text">{value}</span>;
