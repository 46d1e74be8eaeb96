import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import type { Shift } from '../../shared/rosters';

/**
 * An RFC 5545 calendar of on-call shifts. Each shift's UID comes from the
 * schedule, the person and the shift's start, so a calendar subscription that
 * fetches again updates its events instead of adding duplicates.
 */
export function shiftsToIcal(scheduleName: string, shifts: Shift[], now: Date): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Holdfast//On-call//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('x-wr-calname', `On call: ${scheduleName}`);
  for (const shift of shifts) {
    if (!shift.person) continue;
    const component = new ICAL.Component('vevent');
    const event = new ICAL.Event(component);
    event.uid = `${createHash('sha256').update(`${scheduleName}\n${shift.person.handle}\n${shift.start}`).digest('hex').slice(0, 32)}@holdfast`;
    event.summary = `On call: ${shift.person.name} (${scheduleName})`;
    event.startDate = ICAL.Time.fromJSDate(new Date(shift.start), true);
    event.endDate = ICAL.Time.fromJSDate(new Date(shift.end), true);
    event.description = shift.source === 'override' ? 'Override' : `Layer: ${shift.layer ?? ''}`;
    component.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
    calendar.addSubcomponent(component);
  }
  // RFC 5545 ends every content line with CRLF, the last one too.
  return `${calendar.toString()}\r\n`;
}
