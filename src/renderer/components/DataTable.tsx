import type { HTMLAttributes, ReactNode } from 'react';

/** One column of a DataTable. */
export interface Column<Row> {
  header: string;
  /** The header is for screen readers only (a column of buttons, say "Actions"). */
  hideHeader?: boolean;
  /** The class of the column's header and cells (`numeric` and `oc-num` right-align figures). */
  className?: string;
  cell: (row: Row, index: number) => ReactNode;
}

/** What a row carries besides its cells: what styles it (a class, data attributes) or marks it chosen. */
export type RowProps = Pick<HTMLAttributes<HTMLTableRowElement>, 'className' | 'aria-selected'> & Record<`data-${string}`, string | number>;

/** A column, or nothing where a table leaves it out (`false`, from `condition && column`). */
type MaybeColumn<Row> = Column<Row> | false | undefined;

/**
 * A table: a header row, then one row per item of which one column (the first,
 * unless `rowHeader` says another) heads the row (<th scope="row">, so a screen
 * reader names each cell by it), and an optional footer (totals).
 */
export function DataTable<Row>(props: {
  rows: readonly Row[];
  columns: readonly MaybeColumn<Row>[];
  rowKey: (row: Row, index: number) => string | number;
  className: string;
  /** What the table is, for a screen reader (when no caption says it). */
  label?: string;
  caption?: ReactNode;
  captionClassName?: string;
  id?: string;
  /** The index, among the columns shown, of the one that heads each row. */
  rowHeader?: number;
  /** What a row carries besides its cells, e.g. { 'data-verdict': 'met' } or { className: 'overdue' }. */
  rowProps?: (row: Row) => RowProps;
  footer?: ReactNode;
}) {
  const columns = props.columns.filter((column): column is Column<Row> => Boolean(column));
  const headIndex = props.rowHeader ?? 0;
  return (
    <table className={props.className} id={props.id} aria-label={props.label}>
      {props.caption !== undefined && <caption className={props.captionClassName}>{props.caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.className}>
              {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, index) => (
          <tr key={props.rowKey(row, index)} {...props.rowProps?.(row)}>
            {columns.map((column, at) =>
              at === headIndex ? (
                <th key={column.header} scope="row" className={column.className}>
                  {column.cell(row, index)}
                </th>
              ) : (
                <td key={column.header} className={column.className}>
                  {column.cell(row, index)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {props.footer !== undefined && <tfoot>{props.footer}</tfoot>}
    </table>
  );
}
