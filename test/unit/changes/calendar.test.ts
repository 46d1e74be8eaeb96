import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { changeCalendar, findConflicts } from '../../../src/main/changes/calendar';
import { changeCalendarToIcal } from '../../../src/main/changes/ical';
import { parseNewChange } from '../../../src/main/changes/validate';
import { library, makeChange, plannedChange, ROSTER, walked, window } from './fixtures';

const planned = (title: string, services: string[], start: string, end: string) => makeChange({ title, services, window: { start, end, zone: 'UTC' } });

const gateway = planned('Upgrade the payment gateway', ['checkout', 'payments'], '2026-11-23T09:00:00Z', '2026-11-23T11:00:00Z');
const certificates = planned('Rotate TLS certificates', ['checkout'], '2026-11-23T10:30:00Z', '2026-11-23T12:00:00Z');
const reindex = planned('Reindex search', ['search'], '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z');
const cancelled = walked(planned('Cancelled on checkout', ['checkout'], '2026-11-23T09:30:00Z', '2026-11-23T10:30:00Z'), [[{ kind: 'cancel' }, { at: Date.parse('2026-11-20T00:00:00Z') }]]);
const nextMonth = planned('Next month', ['checkout'], '2026-12-23T09:00:00Z', '2026-12-23T10:00:00Z');
const changes = [gateway, certificates, reindex, cancelled, nextMonth];
const windows = [
  window({ kind: 'freeze', name: 'Black Friday', from: '2026-11-27T00:00:00Z', to: '2026-11-30T00:00:00Z' }),
  window({ kind: 'peak', name: 'Lunch rush', services: ['checkout'], cron: '30 11 * * 1-5', duration: '2h', zone: 'Europe/London' }),
];
const WEEK = { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z' };

describe('the change calendar', () => {
  const calendar = changeCalendar(changes, windows, WEEK);

  it('lists planned changes and windows per service in the range (cancelled ones left out)', () => {
    expect(calendar.services.map((entry) => [entry.service, entry.changes.map((change) => change.title)])).toEqual([
      ['checkout', ['Upgrade the payment gateway', 'Rotate TLS certificates']],
      ['payments', ['Upgrade the payment gateway']],
      ['search', ['Reindex search']],
    ]);
    const checkout = calendar.services.find((entry) => entry.service === 'checkout');
    expect(checkout?.windows.map((entry) => [entry.name, entry.start])).toEqual([
      ['Lunch rush', '2026-11-23T11:30:00.000Z'],
      ['Lunch rush', '2026-11-24T11:30:00.000Z'],
      ['Lunch rush', '2026-11-25T11:30:00.000Z'],
      ['Lunch rush', '2026-11-26T11:30:00.000Z'],
      ['Black Friday', '2026-11-27T00:00:00.000Z'],
      ['Lunch rush', '2026-11-27T11:30:00.000Z'],
    ]);
    expect(calendar.services.find((entry) => entry.service === 'search')?.windows.map((entry) => entry.name)).toEqual(['Black Friday']);
  });

  it('flags two changes on one service in overlapping windows', () => {
    expect(calendar.conflicts).toEqual([
      {
        service: 'checkout',
        changes: [gateway.uid, certificates.uid],
        titles: ['Upgrade the payment gateway', 'Rotate TLS certificates'],
        start: '2026-11-23T10:30:00.000Z',
        end: '2026-11-23T11:00:00.000Z',
      },
    ]);
    const touching = planned('Right after', ['checkout'], '2026-11-23T12:00:00Z', '2026-11-23T13:00:00Z');
    expect(findConflicts([certificates, touching])).toEqual([]);
  });

  it('narrows to the services asked for', () => {
    expect(changeCalendar(changes, windows, WEEK, ['search']).services.map((entry) => entry.service)).toEqual(['search']);
    expect(changeCalendar(changes, windows, WEEK, ['search']).conflicts).toEqual([]);
  });

  it('exports as iCal that a calendar reads back: one event per change and per window occurrence, stable uids', () => {
    const text = changeCalendarToIcal(calendar, 'Changes', new Date('2026-11-20T00:00:00Z'));
    expect(text.endsWith('\r\n')).toBe(true);
    const events = new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.filter((event) => event.summary.startsWith('Change:')).map((event) => [event.uid, event.summary, event.startDate.toJSDate().toISOString()])).toEqual([
      [`${gateway.uid}@holdfast`, 'Change: Upgrade the payment gateway (normal, medium risk)', '2026-11-23T09:00:00.000Z'],
      [`${certificates.uid}@holdfast`, 'Change: Rotate TLS certificates (normal, medium risk)', '2026-11-23T10:30:00.000Z'],
      [`${reindex.uid}@holdfast`, 'Change: Reindex search (normal, medium risk)', '2026-11-23T10:00:00.000Z'],
    ]);
    expect(events.filter((event) => event.summary.startsWith('Freeze:')).map((event) => [event.summary, event.endDate.toJSDate().toISOString()])).toEqual([['Freeze: Black Friday (all services)', '2026-11-30T00:00:00.000Z']]);
    expect(events.filter((event) => event.summary.startsWith('Peak:'))).toHaveLength(5);
    expect(changeCalendarToIcal(changeCalendar(changes, windows, WEEK), 'Changes', new Date('2026-11-20T00:00:00Z'))).toBe(text);
  });
});

describe('a new change is refused with each bad field named, nothing made', () => {
  const references = { services: new Set(['checkout', 'payments', 'search']), runbooks: library(), roster: ROSTER };
  it.each([
    [{ services: ['chekout'] }, /^`services\[0\]`: "chekout" is not a service Holdfast knows/],
    [{ window: { start: '2026-11-23T11:00:00Z', end: '2026-11-23T09:00:00Z', zone: 'UTC' } }, /`window.end`: must be after the start/],
    [{ window: { start: '2026-11-23T09:00:00Z', end: '2026-11-23T11:00:00Z', zone: 'Europe/Gotham' } }, /`window.zone`: "Europe\/Gotham" is not a time zone/],
    [{ plan: { runbookId: 99, revision: 1 } }, /`plan.runbookId`: runbook #99 revision 1 is not in the library; give a runbook id from `holdfast runbooks list`/],
    [{ rollback: { runbookId: 2, revision: 1, section: 'undo' } }, /`rollback.section`: "undo" is not a section of "Kube CPU Overcommit" \(its sections: /],
    [{ owner: 'zed' }, /`owner`: "zed" is not the handle of anyone on the roster/],
    [{ type: 'urgent' }, /`type`: use standard, normal or emergency/],
    [{ risk: 'huge' }, /`risk`: use low, medium or high/],
    [{ title: '  ' }, /`title`: cannot be empty; give the title/],
    [{ services: [] }, /`services`: name at least one service/],
    [
      { tiers: [{ name: 'canary', percent: 25, soakMinutes: 0, gate: { checks: ['errors'] } }, { name: 'more', percent: 10, soakMinutes: 0, gate: { checks: ['errors'] } }] },
      /`tiers\[1\].percent`: tiers overlap: more reaches 10 %, no more than canary before it \(25 %\)/,
    ],
    [{ tiers: [{ name: 'canary', percent: 150 }] }, /`tiers\[0\].percent`: may be at most 100 %/],
  ])('%j', (overrides, message) => {
    expect(() => parseNewChange({ ...plannedChange(), ...overrides }, references)).toThrow(message);
  });

  it('a good one passes with its defaults filled in', () => {
    const { plan: _plan, rollback: _rollback, ...rest } = plannedChange({ approver: null });
    expect(parseNewChange({ ...rest, tiers: [{ name: 'all', percent: 100 }] }, references)).toMatchObject({ plan: null, rollback: null, approver: null, tiers: [{ name: 'all', percent: 100, soakMinutes: 0, gate: { checks: [] } }] });
  });
});
