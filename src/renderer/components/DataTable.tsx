import type { ReactNode } from 'react';

/** One column of a DataTable. */
export interface Column<Row> {
  header: string;
  /** The class of the column's header and cells (`numeric` and `oc-num` right-align figures). */
  className?: string;
  cell: (row: Row, index: number) => ReactNode;
}

/**
 * A table of figures: a header row, then one row per item whose first column
 * heads the row (<th scope="row">, so a screen reader names each figure by it),
 * and an optional footer (totals).
 */
export function DataTable<Row>(props: {
  rows: readonly Row[];
  columns: readonly [Column<Row>, ...Column<Row>[]];
  rowKey: (row: Row, index: number) => string;
  className: string;
  /** What the table is, for a screen reader (when no caption says it). */
  label?: string;
  caption?: ReactNode;
  captionClassName?: string;
  id?: string;
  /** Data attributes a row carries (what styles it), e.g. { 'data-verdict': 'met' }. */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  footer?: ReactNode;
}) {
  const [head, ...rest] = props.columns;
  return (
    <table className={props.className} id={props.id} aria-label={props.label}>
      {props.caption !== undefined && <caption className={props.captionClassName}>{props.caption}</caption>}
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column.header} scope="col" className={column.className}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, index) => (
          <tr key={props.rowKey(row, index)} {...props.rowData?.(row)}>
            <th scope="row" className={head.className}>
              {head.cell(row, index)}
            </th>
            {rest.map((column) => (
              <td key={column.header} className={column.className}>
                {column.cell(row, index)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {props.footer !== undefined && <tfoot>{props.footer}</tfoot>}
    </table>
  );
}
