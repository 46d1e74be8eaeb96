import type { Shift } from '../../../../shared/rosters';
import { DataTable } from '../../../components/DataTable';
import { ZonedTime } from '../ZonedTime';
import type { Span } from './timeline-layout';

/** The final row as text: the timeline's alternative for screen readers, and for reading exact times. */
export function ShiftTable({ shifts, range, zone }: { shifts: Shift[]; range: Span; zone: string }) {
  const shown = shifts.filter((shift) => Date.parse(shift.end) > range.start && Date.parse(shift.start) < range.end);
  return (
    <details className="oc-shift-table">
      <summary>Final shifts in this range as a list ({shown.length})</summary>
      <DataTable
        className="oc-data-table"
        rows={shown}
        rowKey={(shift) => shift.start}
        rowProps={(shift) => (shift.source === 'gap' ? { className: 'oc-row-gap' } : {})}
        columns={[
          { header: 'Who', cell: (shift) => (shift.person ? shift.person.name : 'GAP — nobody') },
          { header: 'From', cell: (shift) => <ZonedTime iso={shift.start} zone={zone} stacked /> },
          { header: 'To', cell: (shift) => <ZonedTime iso={shift.end} zone={zone} stacked /> },
          { header: 'Source', cell: (shift) => (shift.source === 'override' ? 'override' : shift.source === 'gap' ? 'gap' : `layer ${shift.layer ?? ''}`) },
        ]}
      />
    </details>
  );
}
