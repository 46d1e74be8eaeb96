import { useId, type ReactNode } from 'react';
import { create } from 'zustand';
import { DataTable, type Column } from './DataTable';

/** Charts shown as tables, by chart id: the choice stays while the console is open. */
const useChartTables = create<Record<string, boolean>>()(() => ({}));
const toggleTable = (chart: string) => useChartTables.setState((tables) => ({ [chart]: !tables[chart] }));

/** The numbers a chart draws, as the rows and columns of its table (see DataTable). */
export interface ChartTable<Row> {
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  columns: readonly Column<Row>[];
}

/**
 * A chart with its text equivalent: a one-line summary always, and a "Table"
 * toggle that shows the same numbers as a table (captioned by the chart's
 * title) instead of the picture. With no rows there is nothing to plot: `empty`
 * says so (or "Nothing to plot.").
 */
export function ChartFigure<Row>(props: { id: string; title: string; summary: string; table: ChartTable<Row>; children: ReactNode; empty?: string }) {
  const asTable = useChartTables((tables) => tables[props.id] === true);
  const titleId = useId();
  const table = <DataTable className="pm-table metric-table" caption={props.title} captionClassName="visually-hidden" {...props.table} />;
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
      {props.table.rows.length === 0 ? (
        <p className="muted metric-empty">{props.empty ?? 'Nothing to plot.'}</p>
      ) : asTable ? (
        <div className="metric-table-wrap">{table}</div>
      ) : (
        <div className="metric-plot">{props.children}</div>
      )}
    </figure>
  );
}

/**
 * What every chart's frame takes (spread onto a Recharts chart): the full width at `height`, and the
 * chart's title and summary for screen readers, the same words the figure shows.
 */
export const chartFrame = (title: string, summary: string, height: number) => ({ responsive: true, style: { width: '100%', height }, title, desc: summary }) as const;

/** The grid behind a chart's plot, in the console's border colour. */
export const gridProps = { stroke: 'var(--border)', strokeDasharray: '3 3' } as const;

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
