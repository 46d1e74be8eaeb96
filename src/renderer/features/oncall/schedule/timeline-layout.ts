import type { Roster, Shift } from '../../../../shared/rosters';
import { personColour } from '../colours';
import { formatInZone, zoneCity } from '../time';

export interface Span {
  start: number;
  end: number;
}

/** Where an instant falls across the shown range, in percent. */
export const percentAt = (ms: number, range: Span): number =>
  Math.min(100, Math.max(0, ((ms - range.start) / (range.end - range.start)) * 100));

/** The part of each shift that falls in the shown range, with its place on the track. */
export function placed(shifts: Shift[], range: Span): { shift: Shift; left: number; width: number }[] {
  return shifts
    .filter((shift) => Date.parse(shift.end) > range.start && Date.parse(shift.start) < range.end)
    .map((shift) => {
      const left = percentAt(Date.parse(shift.start), range);
      return { shift, left, width: percentAt(Date.parse(shift.end), range) - left };
    });
}

/** "Dana Okafor, Fri 13 Nov 17:00 to Mon 16 Nov 09:00 New York time, override": what a block says to a screen reader. */
export function describeShift(shift: Shift, zone: string): string {
  const who = shift.person ? shift.person.name : 'GAP: nobody on call';
  const how = shift.source === 'override' ? ', override' : shift.layer ? `, from layer ${shift.layer}` : '';
  return `${who}, ${formatInZone(shift.start, zone)} to ${formatInZone(shift.end, zone)} ${zoneCity(zone)} time${how}`;
}

export function shiftClasses(shift: Shift, roster: Roster): string {
  if (shift.source === 'gap' || !shift.person) return 'oc-shift oc-shift-gap';
  return `oc-shift oc-pc-${personColour(roster, shift.person.handle)}${shift.source === 'override' ? ' oc-shift-override' : ''}`;
}
