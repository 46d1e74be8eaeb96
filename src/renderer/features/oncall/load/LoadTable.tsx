import type { LoadReportRow } from '../../../../shared/rosters';
import { DataTable } from '../../../components/DataTable';

const hours = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

export const formatHours = (value: number): string => hours.format(value);

/** The load report's numbers, one person a row, with totals. */
export function LoadTable({ rows, id }: { rows: LoadReportRow[]; id: string }) {
  const total = (pick: (row: LoadReportRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  return (
    <DataTable
      className="oc-data-table oc-load-table"
      id={id}
      caption="Hours on call, per person"
      captionClassName="pane-title"
      rows={rows}
      rowKey={(row) => row.person.handle}
      columns={[
        {
          header: 'Person',
          cell: (row) => (
            <>
              {row.person.name} <span className="oc-person-handle">@{row.person.handle}</span>
            </>
          ),
        },
        { header: 'Business', className: 'oc-num', cell: (row) => formatHours(row.businessHours) },
        { header: 'Off-hours', className: 'oc-num', cell: (row) => formatHours(row.offHours) },
        { header: 'Sleep', className: 'oc-num', cell: (row) => formatHours(row.sleepHours) },
        { header: 'Total', className: 'oc-num', cell: (row) => <strong>{formatHours(row.totalHours)}</strong> },
      ]}
      footer={
        <tr>
          <th scope="row">Everyone</th>
          <td className="oc-num">{formatHours(total((row) => row.businessHours))}</td>
          <td className="oc-num">{formatHours(total((row) => row.offHours))}</td>
          <td className="oc-num">{formatHours(total((row) => row.sleepHours))}</td>
          <td className="oc-num">
            <strong>{formatHours(total((row) => row.totalHours))}</strong>
          </td>
        </tr>
      }
    />
  );
}
