import { useState } from 'react';
import { downloadFile } from '../../components/download';
import { fetchOp } from '../../api/queries';
import { routeHref } from '../../app/route';
import { useChangeCalendar } from './queries';
import './changes.css';

const DAY = 86_400_000;

interface Item {
  key: string;
  kind: 'change' | 'freeze' | 'peak';
  title: string;
  start: number;
  end: number;
  href?: string;
}

/** The first of a month (UTC), `offset` months from this one. */
const monthStart = (offset: number): Date => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
};

/** A month of planned changes and freeze/peak windows, day by day; conflicts (two changes on one service at once) listed. */
export function CalendarScreen() {
  const [offset, setOffset] = useState(0);
  const first = monthStart(offset);
  const next = monthStart(offset + 1);
  const from = first.toISOString();
  const to = next.toISOString();
  const calendar = useChangeCalendar(from, to).data;
  const items = new Map<string, Item>();
  for (const window of calendar?.everywhere ?? []) items.set(`${window.uid}@${window.start}`, { key: `${window.uid}@${window.start}`, kind: window.kind, title: `${window.name} (all services)`, start: Date.parse(window.start), end: Date.parse(window.end) });
  for (const { service, changes, windows } of calendar?.services ?? []) {
    for (const change of changes) items.set(change.uid, { key: change.uid, kind: 'change', title: `${change.title} (${change.services.join(', ')})`, start: Date.parse(change.start), end: Date.parse(change.end) });
    for (const window of windows) {
      const key = `${window.uid}@${window.start}`;
      if (!items.has(key)) items.set(key, { key, kind: window.kind, title: `${window.name} (${window.services === 'all' ? 'all services' : service})`, start: Date.parse(window.start), end: Date.parse(window.end) });
    }
  }
  const lead = (first.getUTCDay() + 6) % 7;
  const days = Math.round((next.getTime() - first.getTime()) / DAY);
  const cells = Array.from({ length: lead + days }, (_, i) => (i < lead ? null : new Date(first.getTime() + (i - lead) * DAY)));
  const month = first.toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

  async function exportIcal() {
    const { ics } = await fetchOp('changeCalendarIcal', { from, to: new Date(first.getTime() + 366 * DAY).toISOString() });
    downloadFile('holdfast-changes.ics', ics, 'text/calendar');
  }

  return (
    <div className="changes-screen calendar-screen">
      <header className="changes-head">
        <a href={routeHref({ screen: 'changes' })}>Changes</a>
        <h1>Change calendar: {month}</h1>
        <button type="button" onClick={() => setOffset(offset - 1)} aria-label="Previous month">
          ◀
        </button>
        <button type="button" onClick={() => setOffset(0)}>
          This month
        </button>
        <button type="button" onClick={() => setOffset(offset + 1)} aria-label="Next month">
          ▶
        </button>
        <button type="button" onClick={() => void exportIcal()}>
          Export iCal
        </button>
      </header>
      {(calendar?.conflicts.length ?? 0) > 0 && (
        <section className="panel conflicts" aria-label="Conflicts">
          <h2 className="panel-title">Conflicts</h2>
          <ul>
            {calendar?.conflicts.map((conflict) => (
              <li key={`${conflict.service}${conflict.changes.join()}`}>
                <span className="verdict-chip verdict-warn">Conflict</span> {conflict.titles[0]} and {conflict.titles[1]} both on {conflict.service}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted">Days are UTC. Freeze windows block changes on their services; peak windows warn.</p>
      <div className="month-grid" role="grid" aria-label={`Changes and windows in ${month}`}>
        {['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((day) => (
          <div key={day} className="month-weekday" role="columnheader">
            {day}
          </div>
        ))}
        {cells.map((day, i) => {
          if (!day) return <div key={`lead-${i}`} className="month-day month-day-empty" />;
          const start = day.getTime();
          const today = items.size > 0 ? [...items.values()].filter((item) => item.start < start + DAY && item.end > start) : [];
          return (
            <div key={start} className="month-day" role="gridcell" aria-label={day.toISOString().slice(0, 10)}>
              <span className="month-date">{day.getUTCDate()}</span>
              {today.map((item) => (
                <span key={item.key} className={`cal-item cal-${item.kind}`} title={item.title}>
                  {item.kind === 'change' ? '' : item.kind === 'freeze' ? 'Freeze: ' : 'Peak: '}
                  {item.title}
                </span>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
