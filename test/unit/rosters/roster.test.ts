import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { memoryCore, op, opError } from '../../fixtures/core';
import { documentedAnswers, documentedRoster } from '../../fixtures/roster';
import { tempDir, writeFiles } from '../../fixtures/temp';

async function withDocumentedRoster(now = '2026-11-20T12:00:00Z') {
  const { core, clock } = memoryCore(now);
  const dir = tempDir();
  writeFiles(dir, { 'roster.yaml': documentedRoster() });
  const report = await op(core, 'importRoster', { path: path.join(dir, 'roster.yaml') });
  return { core, clock, dir, report };
}

const onCall = async (core: Parameters<typeof op>[0], at: string) =>
  Object.fromEntries((await op(core, 'whoIsOnCall', { at })).map((entry) => [entry.schedule, entry.person?.handle ?? null]));

describe('the documented roster', () => {
  it('imports, and answers who is on call as docs/roster-format.md says', async () => {
    const { core, report } = await withDocumentedRoster();
    expect(report).toMatchObject({ people: 5, teams: 2, schedules: 2, overrides: 1, escalationPolicies: 1 });
    const table = documentedAnswers();
    expect(table).toHaveLength(4); // every row of the doc's table is read
    for (const row of table) expect(await onCall(core, row.at)).toEqual(row.onCall);
  });

  it('answers in the JSON shape the CLI documents, with who is next', async () => {
    const { core } = await withDocumentedRoster();
    const [entry] = await op(core, 'whoIsOnCall', { schedule: 'Payments primary', at: '2026-12-25T12:00:00Z' });
    expect(entry).toEqual({
      team: 'Payments',
      schedule: 'Payments primary',
      person: { name: 'Bo Andersen', handle: 'bo' },
      start: '2026-12-24T22:00:00Z',
      end: '2026-12-26T14:00:00Z',
      source: 'override',
      next: { person: { name: 'Dana Okafor', handle: 'dana' }, start: '2026-12-26T14:00:00Z' },
    });
  });

  it('exports a file that imports back to the same roster and the same file', async () => {
    const { core, dir } = await withDocumentedRoster();
    const { yaml } = await op(core, 'exportRoster', {});
    fs.writeFileSync(path.join(dir, 'exported.yaml'), yaml);
    const again = await op(core, 'importRoster', { path: path.join(dir, 'exported.yaml') });
    expect(again.removed).toEqual({ people: 0, teams: 0, schedules: 0, overrides: 0, escalationPolicies: 0 });
    expect((await op(core, 'exportRoster', {})).yaml).toBe(yaml);
    expect(await onCall(core, '2026-12-25T12:00:00Z')).toEqual({ 'Payments primary': 'bo', Platform: 'chen' });
  });

  it('builds the Now board: who is on, who is next, and the escalation chain with contacts', async () => {
    const { core } = await withDocumentedRoster();
    const board = await op(core, 'nowBoard', { at: '2026-11-03T03:00:00Z' });
    const payments = board.find((team) => team.team.name === 'Payments');
    expect(payments?.onCall.map((entry) => entry.person?.handle)).toEqual(['ana']);
    expect(payments?.escalation?.steps.map((step) => [step.level, step.waitMinutes, step.people.map((p) => `${p.handle} via ${p.via}`)])).toEqual([
      [1, 15, ['ana via Payments primary']],
      [2, 15, ['dana via directly']],
    ]);
    expect(payments?.escalation?.steps[0]?.people[0]?.contacts[0]).toEqual({ kind: 'phone', value: '+1 555 0100' });
  });
});

describe('a broken roster', () => {
  it('is refused whole, every problem listed with its line, and the store unchanged', async () => {
    const { core, dir } = await withDocumentedRoster();
    const before = await op(core, 'exportRoster', {});
    const broken = documentedRoster()
      .replace('time_zone: Asia/Tokyo', 'time_zone: Asia/Atlantis')
      .replace('members: [chen, eli]', 'members: [chen, zed]')
      .replace('handoff: "10:00"', 'handoff: "10am"')
      .replace('members: [eli]', 'members: []')
      .replace('end: 2026-12-26T09:00:00-05:00', 'end: 2026-12-26T09:00:00-05:00\n          - person: ana\n            start: 2026-12-25T00:00:00Z\n            end: 2026-12-25T06:00:00Z');
    writeFiles(dir, { 'broken.yaml': broken });
    const error = await opError(core, 'importRoster', { path: path.join(dir, 'broken.yaml') });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/not imported .*nothing was changed/);
    const lines = broken.split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    // Every problem at once, in the order they stand in the file: the shape (a zone, a rotation, a handoff)
    // and the references (an override over another, a member nobody has that handle) alike.
    expect(error.details).toEqual([
      `broken.yaml:${lineOf('Asia/Atlantis')}: people[2].time_zone: "Asia/Atlantis" is not a time zone the tz database knows (e.g. Europe/London)`,
      `broken.yaml:${lineOf('members: []')}: teams[0].schedules[0].layers[1].members: a rotation needs at least one member`,
      `broken.yaml:${lineOf('- person: ana')}: teams[0].schedules[0].overrides[1]: overlaps the override of bo (2026-12-24T17:00:00-05:00 to 2026-12-26T09:00:00-05:00); overrides on one schedule cannot overlap`,
      `broken.yaml:${lineOf('zed')}: teams[1].schedules[0].layers[0].members[1]: "zed" is not the handle of anyone under people`,
      `broken.yaml:${lineOf('"10am"')}: teams[1].schedules[0].layers[0].handoff: "10am" is not a time of day; use HH:MM on a 24-hour clock, e.g. "09:00"`,
    ]);
    expect(error.message).toBe('The roster was not imported (5 problems); nothing was changed.');
    expect((await op(core, 'exportRoster', {})).yaml).toBe(before.yaml);
  });

  it('that is not even YAML says where', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'bad.yaml': 'people:\n  - handle: ana\n    name: [unclosed\n' });
    const error = await opError(core, 'importRoster', { path: path.join(dir, 'bad.yaml') });
    expect(error.details?.[0]).toMatch(/^bad\.yaml:\d+: /);
  });
});

describe('overrides', () => {
  it('win over the layers, and an overlapping one is refused with the clash named', async () => {
    const { core } = await withDocumentedRoster();
    expect(await onCall(core, '2026-11-21T12:00:00Z')).toMatchObject({ 'Payments primary': 'bo' });
    const cover = await op(core, 'createOverride', { schedule: 'Payments primary', person: 'chen', start: '2026-11-21T00:00:00Z', end: '2026-11-22T00:00:00Z', note: 'cover me' });
    expect(await onCall(core, '2026-11-21T12:00:00Z')).toMatchObject({ 'Payments primary': 'chen' });

    const clash = await opError(core, 'createOverride', { schedule: 'Payments primary', person: 'ana', start: '2026-11-21T23:00:00Z', end: '2026-11-22T02:00:00Z' });
    expect(clash).toMatchObject({ code: 'CONFLICT', field: 'start' });
    expect(clash.message).toMatch(/chen from 2026-11-21T00:00:00Z to 2026-11-22T00:00:00Z/);

    await op(core, 'deleteOverride', { id: cover.id });
    expect(await onCall(core, '2026-11-21T12:00:00Z')).toMatchObject({ 'Payments primary': 'bo' });
    expect(await opError(core, 'createOverride', { schedule: 'Nope', person: 'ana', start: '2026-11-21T00:00:00Z', end: '2026-11-22T00:00:00Z' })).toMatchObject({ code: 'NOT_FOUND', field: 'schedule' });
    expect(await opError(core, 'createOverride', { schedule: 'Platform', person: 'ana', start: '2026-11-22T00:00:00Z', end: '2026-11-21T00:00:00Z' })).toMatchObject({ code: 'VALIDATION', field: 'end' });
  });
});

describe('the iCal export', () => {
  it('parses with ical.js, and its events are the final shifts of the same range', async () => {
    const { core } = await withDocumentedRoster('2026-11-20T12:00:00Z');
    const { ics } = await op(core, 'scheduleIcal', { schedule: 'Payments primary', months: 1 });
    const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const fromIcal = events.map((event) => [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString(), event.summary]);

    const last = events.at(-1)?.endDate.toJSDate().toISOString() ?? '';
    const timeline = await op(core, 'scheduleShifts', { schedule: 'Payments primary', from: '2026-11-16T14:00:00Z', to: last });
    const fromShifts = timeline.final
      .filter((shift) => shift.person && Date.parse(shift.end) > Date.parse('2026-11-20T12:00:00Z'))
      .map((shift) => [new Date(shift.start).toISOString(), new Date(shift.end).toISOString(), `On call: ${shift.person?.name ?? ''} (Payments primary)`]);
    expect(fromIcal).toEqual(fromShifts);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
  });

  it('keeps each shift’s UID from one fetch to the next, so subscriptions update instead of duplicating', async () => {
    const { core, clock } = await withDocumentedRoster('2026-11-20T12:00:00Z');
    const uids = async () =>
      new ICAL.Component(ICAL.parse((await op(core, 'scheduleIcal', { schedule: 'Platform', person: 'chen', months: 1 })).ics) as unknown[])
        .getAllSubcomponents('vevent')
        .map((component) => `${String(component.getFirstPropertyValue('uid'))}@${String(component.getFirstPropertyValue('dtstart'))}`);
    const first = await uids();
    clock.advance(3 * 3_600_000);
    const later = await uids();
    expect(later.slice(0, 5)).toEqual(first.slice(0, 5));
  });

  it('gives the same event for the same UID on every export: the last one ends at a handoff, not at the moment of export', async () => {
    // Platform, and a one-person layer whose shifts all go to the same person (each shift is still its own event).
    const roster = documentedRoster().replace('members: [chen, eli]', 'members: [chen]');
    for (const yaml of [documentedRoster(), roster]) {
      const { core, clock } = memoryCore('2026-11-20T12:34:56Z');
      const dir = tempDir();
      writeFiles(dir, { 'roster.yaml': yaml });
      await op(core, 'importRoster', { path: path.join(dir, 'roster.yaml') });
      const events = async () =>
        new Map(
          new ICAL.Component(ICAL.parse((await op(core, 'scheduleIcal', { schedule: 'Platform', months: 1 })).ics) as unknown[])
            .getAllSubcomponents('vevent')
            .map((component) => {
              const event = new ICAL.Event(component);
              return [event.uid, `${event.startDate.toString()} → ${event.endDate.toString()} ${event.summary}`] as const;
            }),
        );
      const first = await events();
      clock.advance(5 * 3_600_000 + 17_000); // a later fetch, at another second of another hour
      const later = await events();
      const shared = [...first.keys()].filter((uid) => later.has(uid));
      expect(shared.length).toBeGreaterThan(25);
      for (const uid of shared) expect(later.get(uid)).toBe(first.get(uid));
      // Every end is a 10:00 London handoff, the last one too.
      for (const event of [...first.values(), ...later.values()]) expect(event).toMatch(/→ \d{4}-\d{2}-\d{2}T10:00:00Z /);
    }
  });

  it('ends every line with CRLF, the last one too, and refuses a person nobody is', async () => {
    const { core } = await withDocumentedRoster('2026-11-20T12:00:00Z');
    const { ics } = await op(core, 'scheduleIcal', { schedule: 'Platform', months: 1 });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(await opError(core, 'scheduleIcal', { schedule: 'Platform', person: 'zed' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'person',
      message: 'Nobody has the handle "zed".',
    });
  });
});

describe('the load report', () => {
  it('splits each person’s hours into business, off and sleep hours in their own zone, counting overrides', async () => {
    const { core } = await withDocumentedRoster();
    // One Saturday in New York: dana has the whole day (weekly layer), nobody else on Payments.
    const rows = await op(core, 'loadReport', { team: 'Payments', from: '2026-11-14T05:00:00Z', to: '2026-11-15T05:00:00Z' });
    expect(rows).toEqual([{ person: { name: 'Dana Okafor', handle: 'dana' }, businessHours: 0, offHours: 15, sleepHours: 9, totalHours: 24 }]);

    const christmas = await op(core, 'loadReport', { team: 'Payments', from: '2026-12-24T22:00:00Z', to: '2026-12-26T14:00:00Z' });
    // bo covers the override, in London time Thu 24 Dec 22:00 → Sat 26 Dec 14:00: sleep 2+7+2+7, business Fri 09–17,
    // off Fri 07–09 and 17–22 and Sat 07–14.
    expect(christmas).toEqual([{ person: { name: 'Bo Andersen', handle: 'bo' }, businessHours: 8, offHours: 14, sleepHours: 18, totalHours: 40 }]);
  });
});

describe('people from CSV', () => {
  it('adds and updates people, and refuses a file with bad rows, listing each', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, {
      'people.csv': 'handle,name,time_zone,phone,email\nana,Ana Lima,America/New_York,+1 555 0100,ana@example.com\nbo,Bo,Europe/London,,\n',
      'bad.csv': 'handle,name,time_zone\nana,Ana,Mars/Olympus\n,Nameless,UTC\n',
    });
    expect(await op(core, 'importPeopleCsv', { path: path.join(dir, 'people.csv') })).toEqual({ people: 2 });
    const roster = await op(core, 'getRoster', {});
    expect(roster.people.map((p) => [p.handle, p.contacts.map((c) => c.kind)])).toEqual([
      ['ana', ['phone', 'email']],
      ['bo', []],
    ]);
    const error = await opError(core, 'importPeopleCsv', { path: path.join(dir, 'bad.csv') });
    expect(error.details).toEqual(['bad.csv:2: "Mars/Olympus" is not a time zone the tz database knows', 'bad.csv:3: handle is empty']);
  });

  it('names the line a bad row is on when blank lines and a quoted value over two lines come before it', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    const lines = [
      'handle,name,time_zone,phone', // 1
      'ana,Ana Lima,America/New_York,+1 555 0100', // 2
      '', // 3
      'bo,"Bo Andersen', // 4
      '(nights)",Europe/London,', // 5
      '', // 6
      'chen,Chen Wei,Asia/Atlantis,', // 7
    ];
    writeFiles(dir, { 'people.csv': `${lines.join('\r\n')}\r\n` });
    const error = await opError(core, 'importPeopleCsv', { path: path.join(dir, 'people.csv') });
    expect(error.details).toEqual(['people.csv:7: "Asia/Atlantis" is not a time zone the tz database knows']);
    expect((await op(core, 'getRoster', {})).people).toEqual([]);
  });
});
