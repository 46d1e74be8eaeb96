import type { LoadReportRow } from '../../../../shared/rosters';

const hours = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

export const formatHours = (value: number): string => hours.format(value);

/** The load report's numbers, one person a row, with totals. */
export function LoadTable({ rows, id }: { rows: LoadReportRow[]; id: string }) {
  const total = (pick: (row: LoadReportRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  return (
    <table className="oc-data-table oc-load-table" id={id}>
      <caption className="pane-title">Hours on call, per person</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col" className="oc-num">
            Business
          </th>
          <th scope="col" className="oc-num">
            Off-hours
          </th>
          <th scope="col" className="oc-num">
            Sleep
          </th>
          <th scope="col" className="oc-num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.person.handle}>
            <th scope="row">
              {row.person.name} <span className="oc-person-handle">@{row.person.handle}</span>
            </th>
            <td className="oc-num">{formatHours(row.businessHours)}</td>
            <td className="oc-num">{formatHours(row.offHours)}</td>
            <td className="oc-num">{formatHours(row.sleepHours)}</td>
            <td className="oc-num">
              <strong>{formatHours(row.totalHours)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Everyone</th>
          <td className="oc-num">{formatHours(total((row) => row.businessHours))}</td>
          <td className="oc-num">{formatHours(total((row) => row.offHours))}</td>
          <td className="oc-num">{formatHours(total((row) => row.sleepHours))}</td>
          <td className="oc-num">
            <strong>{formatHours(total((row) => row.totalHours))}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
