import type { Shift } from '../../../../shared/rosters';
import { ZonedTime } from '../ZonedTime';
import type { Span } from './timeline-layout';

/** The final row as text: the timeline's alternative for screen readers, and for reading exact times. */
export function ShiftTable({ shifts, range, zone }: { shifts: Shift[]; range: Span; zone: string }) {
  const shown = shifts.filter((shift) => Date.parse(shift.end) > range.start && Date.parse(shift.start) < range.end);
  return (
    <details className="oc-shift-table">
      <summary>Final shifts in this range as a list ({shown.length})</summary>
      <table className="oc-data-table">
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((shift) => (
            <tr key={shift.start} className={shift.source === 'gap' ? 'oc-row-gap' : undefined}>
              <th scope="row">{shift.person ? shift.person.name : 'GAP — nobody'}</th>
              <td>
                <ZonedTime iso={shift.start} zone={zone} stacked />
              </td>
              <td>
                <ZonedTime iso={shift.end} zone={zone} stacked />
              </td>
              <td>{shift.source === 'override' ? 'override' : shift.source === 'gap' ? 'gap' : `layer ${shift.layer ?? ''}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
