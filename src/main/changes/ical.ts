import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import type { ChangeCalendar } from './calendar';

/**
 * The change calendar as RFC 5545 (as the on-call calendar is written, see
 * rosters/ical.ts): one event per planned change (UID: the change's ULID) and
 * one per occurrence of a freeze or peak window (UID from the window and the
 * occurrence's start), so a subscription that fetches again updates its events.
 */
export function changeCalendarToIcal(calendar: ChangeCalendar, name: string, now: Date): string {
  const root = new ICAL.Component(['vcalendar', [], []]);
  root.updatePropertyWithValue('prodid', '-//Holdfast//Changes//EN');
  root.updatePropertyWithValue('version', '2.0');
  root.updatePropertyWithValue('calscale', 'GREGORIAN');
  root.updatePropertyWithValue('x-wr-calname', name);
  const seen = new Set<string>();
  const add = (uid: string, summary: string, start: string, end: string, description: string, categories: string) => {
    if (seen.has(uid)) return;
    seen.add(uid);
    const component = new ICAL.Component('vevent');
    const event = new ICAL.Event(component);
    event.uid = uid;
    event.summary = summary;
    event.startDate = ICAL.Time.fromJSDate(new Date(start), true);
    event.endDate = ICAL.Time.fromJSDate(new Date(end), true);
    event.description = description;
    component.updatePropertyWithValue('categories', categories);
    component.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
    root.addSubcomponent(component);
  };
  const windowEvent = (window: ChangeCalendar['everywhere'][number]) => {
    const uid = createHash('sha256').update(`${window.uid}\n${window.start}`).digest('hex').slice(0, 32);
    const services = window.services === 'all' ? 'all services' : window.services.join(', ');
    add(`${uid}@holdfast`, `${window.kind === 'freeze' ? 'Freeze' : 'Peak'}: ${window.name} (${services})`, window.start, window.end, window.schedule, window.kind.toUpperCase());
  };
  for (const window of calendar.everywhere) windowEvent(window);
  for (const { changes, windows } of calendar.services) {
    for (const change of changes) {
      add(
        `${change.uid}@holdfast`,
        `Change: ${change.title} (${change.type}, ${change.risk} risk)`,
        change.start,
        change.end,
        `Services: ${change.services.join(', ')}\nState: ${change.state}`,
        'CHANGE',
      );
    }
    for (const window of windows) windowEvent(window);
  }
  // RFC 5545 ends every content line with CRLF, the last one too.
  return `${root.toString()}\r\n`;
}
