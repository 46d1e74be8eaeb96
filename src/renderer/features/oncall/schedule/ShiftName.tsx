import type { Shift } from '../../../../shared/rosters';

/** A block's label: the full name where the block is wide enough, the first name where it is not (CSS decides). */
export function ShiftName({ shift }: { shift: Shift }) {
  if (!shift.person) return <span className="oc-shift-name">GAP</span>;
  const short = shift.person.name.split(/\s+/)[0] ?? shift.person.name;
  return (
    <span className="oc-shift-name">
      <span className="oc-shift-name-full">{shift.person.name}</span>
      <span className="oc-shift-name-short" aria-hidden="true">
        {short}
      </span>
    </span>
  );
}
