import { Cron } from 'croner';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatWindowDuration, parseWindowDuration } from '../../../src/main/changes/duration';
import { parseWindow } from '../../../src/main/changes/validate';
import { compileWindow, describeWindow, forgetRecurrences, windowsInForce, windowsOverlapping } from '../../../src/main/changes/windows';
import { window } from './fixtures';

/*
 * Expected instants are written by hand from the tz database's transitions (not computed by the code under test):
 *   Europe/Berlin 2026:    CET→CEST 2026-03-29 01:00Z (02:00→03:00); CEST→CET 2026-10-25 01:00Z (03:00→02:00)
 *   Europe/London 2026:    GMT→BST 2026-03-29 01:00Z (01:00→02:00); BST→GMT 2026-10-25 01:00Z (02:00→01:00)
 *   America/New_York 2026: EST→EDT 2026-03-08 07:00Z (02:00→03:00); EDT→EST 2026-11-01 06:00Z (02:00→01:00)
 */
const t = (iso: string) => Date.parse(iso);
const spans = (list: { start: number; end: number }[]) => list.map(({ start, end }) => [new Date(start).toISOString(), new Date(end).toISOString()]);

describe('a nightly freeze from 02:00 for 2h (Europe/Berlin) across the clock changes', () => {
  const freeze = compileWindow(window({ kind: 'freeze', name: 'nightly batch', cron: '0 2 * * *', duration: '2h', zone: 'Europe/Berlin' }));

  it('on an ordinary night is 02:00–04:00 local', () => {
    expect(spans(freeze.between(t('2026-03-27T12:00:00Z'), t('2026-03-28T12:00:00Z')))).toEqual([['2026-03-28T01:00:00.000Z', '2026-03-28T03:00:00.000Z']]);
    expect(spans(freeze.between(t('2026-03-29T12:00:00Z'), t('2026-03-30T12:00:00Z')))).toEqual([['2026-03-30T00:00:00.000Z', '2026-03-30T02:00:00.000Z']]);
  });

  it('on the spring-forward night (02:00 never happens) starts when the clocks resume, 03:00 local, and keeps its 2 hours', () => {
    expect(spans(freeze.between(t('2026-03-28T12:00:00Z'), t('2026-03-29T12:00:00Z')))).toEqual([['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000Z']]);
    expect(freeze.at(t('2026-03-29T00:59:59Z'))).toBeNull(); // 01:59:59 CET, before the gap
    expect(freeze.at(t('2026-03-29T01:00:00Z'))).not.toBeNull(); // 03:00 CEST
    expect(freeze.at(t('2026-03-29T02:59:59Z'))).not.toBeNull(); // 04:59:59 CEST
    expect(freeze.at(t('2026-03-29T03:00:00Z'))).toBeNull(); // 05:00 CEST
  });

  it('on the fall-back night (02:00 happens twice) starts once, at the first 02:00', () => {
    expect(spans(freeze.between(t('2026-10-24T12:00:00Z'), t('2026-10-25T12:00:00Z')))).toEqual([['2026-10-25T00:00:00.000Z', '2026-10-25T02:00:00.000Z']]);
  });
});

describe('durations in days are calendar days in the zone', () => {
  it('a weekend freeze from Friday 18:00 for 2d14h ends Monday 08:00 local, across the change to winter time (63 h that weekend)', () => {
    const weekend = compileWindow(window({ kind: 'freeze', cron: '0 18 * * 5', duration: '2d14h', zone: 'Europe/London' }));
    expect(spans(weekend.between(t('2026-10-22T00:00:00Z'), t('2026-10-24T00:00:00Z')))).toEqual([['2026-10-23T17:00:00.000Z', '2026-10-26T08:00:00.000Z']]);
    expect(spans(weekend.between(t('2026-10-29T00:00:00Z'), t('2026-10-31T00:00:00Z')))).toEqual([['2026-10-30T18:00:00.000Z', '2026-11-02T08:00:00.000Z']]);
  });
});

describe('a cron with a list or a step in its hours (croner’s interval jobs)', () => {
  const halfHourly = compileWindow(window({ kind: 'peak', cron: '0,30 1,2 * * *', duration: '15m', zone: 'America/New_York' }));
  it('fires on neither time in the skipped hour', () => {
    expect(spans(halfHourly.between(t('2026-03-08T05:00:00Z'), t('2026-03-08T12:00:00Z')))).toEqual([
      ['2026-03-08T06:00:00.000Z', '2026-03-08T06:15:00.000Z'],
      ['2026-03-08T06:30:00.000Z', '2026-03-08T06:45:00.000Z'],
    ]);
  });
  it('fires on both 01:00s and both 01:30s of the repeated hour', () => {
    expect(spans(halfHourly.between(t('2026-11-01T04:00:00Z'), t('2026-11-01T06:59:00Z'))).map(([start]) => start)).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T06:30:00.000Z',
    ]);
  });
});

describe('windows in force at an instant, and overlapping a range', () => {
  const blackFriday = window({ kind: 'freeze', name: 'Black Friday', from: '2026-11-27T00:00:00Z', to: '2026-11-30T00:00:00Z' });
  const lunch = window({ kind: 'peak', name: 'Lunch', services: ['checkout', 'search'], cron: '30 11 * * 1-5', duration: '3h', zone: 'Europe/London' });
  const windows = [blackFriday, lunch];

  it('a one-off window holds its start and not its end', () => {
    expect(windowsInForce(windows, t('2026-11-27T00:00:00Z')).map(({ window: w }) => w.name)).toEqual(['Black Friday']);
    expect(windowsInForce(windows, t('2026-11-30T00:00:00Z'))).toEqual([]);
  });

  it('a recurring window on weekdays only', () => {
    expect(windowsInForce(windows, t('2026-11-27T12:00:00Z')).map(({ window: w }) => w.name)).toEqual(['Black Friday', 'Lunch']); // a Friday
    expect(windowsInForce(windows, t('2026-11-28T12:00:00Z')).map(({ window: w }) => w.name)).toEqual(['Black Friday']); // a Saturday
  });

  it('overlapping a range, only on the services asked about', () => {
    const from = t('2026-11-23T14:00:00Z');
    const to = t('2026-11-23T15:00:00Z');
    expect(windowsOverlapping(windows, from, to, ['checkout']).map(({ window: w, occurrence }) => [w.name, new Date(occurrence.start).toISOString()])).toEqual([['Lunch', '2026-11-23T11:30:00.000Z']]);
    expect(windowsOverlapping(windows, from, to, ['payments'])).toEqual([]);
    expect(windowsOverlapping(windows, t('2026-11-23T14:30:00Z'), to, ['checkout'])).toEqual([]);
  });

  it('answers the same whatever was asked before (its cache of runs agrees with croner asked afresh)', () => {
    const crons = ['0 2 * * *', '30 1 * * 0', '0 18 * * 5', '15 */6 * * *', '0 9 1 * *'];
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'UTC'];
    const durations = ['45m', '2h', '1d', '2d14h'];
    const base = t('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.constantFrom(...crons), fc.constantFrom(...zones), fc.constantFrom(...durations), fc.array(fc.integer({ min: 0, max: 365 * 24 * 60 }), { minLength: 1, maxLength: 12 }), (cron, zone, duration, minutes) => {
        const w = window({ kind: 'freeze', cron, duration, zone });
        const warm = compileWindow(w);
        const answers = minutes.map((m) => warm.at(base + m * 60_000));
        const ranges = minutes.map((m) => warm.between(base + m * 60_000, base + m * 60_000 + 3 * 86_400_000));
        forgetRecurrences();
        const fresh = minutes.map((m) => compileWindow(w).at(base + m * 60_000));
        forgetRecurrences();
        const freshRanges = minutes.map((m) => compileWindow(w).between(base + m * 60_000, base + m * 60_000 + 3 * 86_400_000));
        expect(answers).toEqual(fresh);
        expect(ranges).toEqual(freshRanges);
        minutes.forEach((m, i) => {
          const at = base + m * 60_000;
          const first = ranges[i]?.[0];
          expect(answers[i] !== null).toBe(first !== undefined && first.start <= at && at < first.end);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('recurring windows ask croner once per day of runs', () => {
  /** The occurrences as croner itself answers, asked afresh from the range's own instants (no cache). */
  function croner(cron: string, zone: string, hours: number, from: number, to: number) {
    const runs = new Cron(cron, { mode: '5-part', timezone: zone });
    const out: { start: number; end: number }[] = [];
    let run = runs.nextRun(new Date(from - hours * 3_600_000 - 1))?.getTime() ?? null;
    while (run !== null && run < to) {
      if (run + hours * 3_600_000 > from) out.push({ start: run, end: run + hours * 3_600_000 });
      run = runs.nextRun(new Date(run))?.getTime() ?? null;
    }
    return out;
  }

  it('answers as croner does across both clock changes, from any instant', () => {
    const cases = [
      ['0 2 * * *', 'Europe/Berlin', '2026-03-28T12:00:00Z'],
      ['30 2 * * *', 'Europe/Berlin', '2026-03-28T12:00:00Z'],
      ['30 1 * * *', 'Europe/London', '2026-10-24T12:00:00Z'],
      ['30 1,13 * * *', 'America/New_York', '2026-10-31T12:00:00Z'],
      ['15 */6 * * *', 'America/New_York', '2026-03-07T12:00:00Z'],
      ['0 18 * * 5', 'Australia/Lord_Howe', '2026-04-01T00:00:00Z'],
      ['15 */6 * * *', 'UTC', '2026-03-28T12:00:00Z'],
      ['0 0 29 2 *', 'Etc/UTC', '2028-02-28T00:00:00Z'],
    ] as const;
    for (const [cron, zone, around] of cases) {
      const w = compileWindow(window({ kind: 'freeze', cron, duration: '3h', zone }));
      for (let minutes = 0; minutes < 3 * 24 * 60; minutes += 37) {
        const from = t(around) + minutes * 60_000;
        expect(spans(w.between(from, from + 5 * 3_600_000)), `${cron} ${zone} from ${new Date(from).toISOString()}`).toEqual(spans(croner(cron, zone, 3, from, from + 5 * 3_600_000)));
      }
    }
  });

  it('reads a day with no clock change near at the zone’s fixed offset, and only the days around a clock change in the zone', () => {
    forgetRecurrences();
    const nightly = window({ kind: 'freeze', cron: '0 2 * * *', duration: '2h', zone: 'Europe/Berlin', services: 'all' });
    const asked = vi.spyOn(Cron.prototype, 'nextRun');
    const zonesAsked = () => asked.mock.contexts.map((cron) => (cron as Cron).options.timezone ?? null);
    try {
      // An ordinary November night: croner in the zone costs 0.2–1 ms a question (through Intl); at a fixed offset, a tenth of it.
      expect(spans(windowsOverlapping([nightly], t('2026-11-10T00:30:00Z'), t('2026-11-10T02:00:00Z'), ['checkout']).map(({ occurrence }) => occurrence))).toEqual([['2026-11-10T01:00:00.000Z', '2026-11-10T03:00:00.000Z']]);
      expect(zonesAsked().length).toBeGreaterThan(0);
      expect(zonesAsked().every((zone) => zone === null)).toBe(true);
      asked.mockClear();
      // The spring-forward night is read in the zone: 02:00 never happens, the freeze starts at 03:00 local (01:00 UTC).
      expect(spans(windowsOverlapping([nightly], t('2026-03-29T00:30:00Z'), t('2026-03-29T02:00:00Z'), ['checkout']).map(({ occurrence }) => occurrence))).toEqual([['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000Z']]);
      expect(zonesAsked()).toContain('Europe/Berlin');
    } finally {
      asked.mockRestore();
    }
  });

  it('a whole year of runs agrees with croner asked in the zone, in zones with half-hour, 30-minute-shift and no clock changes', () => {
    const year = [t('2026-01-01T00:00:00Z'), t('2027-01-01T00:00:00Z')] as const;
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham']) {
      for (const cron of ['0 2 * * *', '30 1 * * 0', '45 23 * * 5']) {
        forgetRecurrences();
        const w = compileWindow(window({ kind: 'freeze', cron, duration: '1h', zone }));
        expect(spans(w.between(...year)), `${cron} ${zone}`).toEqual(spans(croner(cron, zone, 1, ...year)));
      }
    }
  });

  it('a check from another instant of a day already read asks croner nothing', () => {
    forgetRecurrences();
    const nightly = window({ kind: 'freeze', cron: '0 2 * * *', duration: '2h', zone: 'Europe/Berlin', services: 'all' });
    const lunch = window({ kind: 'peak', cron: '30 11 * * 1-5', duration: '90m', zone: 'America/New_York', services: 'all' });
    const asked = vi.spyOn(Cron.prototype, 'nextRun');
    try {
      windowsOverlapping([nightly, lunch], t('2026-11-10T06:00:00Z'), t('2026-11-10T09:00:00Z'), ['checkout']);
      const first = asked.mock.calls.length;
      expect(first).toBeGreaterThan(0);
      for (let hour = 0; hour < 24; hour += 1) {
        const from = t('2026-11-10T00:00:00Z') + hour * 3_600_000 + 17 * 60_000;
        windowsOverlapping([nightly, lunch], from, from + 3_600_000, ['checkout']);
      }
      expect(asked.mock.calls.length - first).toBeLessThanOrEqual(4); // the next day's runs, once each
    } finally {
      asked.mockRestore();
    }
  });
});

describe('windows over services, and windows sharing a schedule', () => {
  it('windows of one cron and zone share croner’s answers whatever their durations', () => {
    forgetRecurrences();
    const durations = ['1h', '2h', '3h', '90m', '1d'];
    const windows = durations.map((duration, i) => window({ kind: 'freeze', name: `nightly ${i}`, cron: '0 2 * * *', duration, zone: 'Europe/Berlin', services: 'all' }));
    const asked = vi.spyOn(Cron.prototype, 'nextRun');
    try {
      const found = windowsOverlapping(windows, t('2026-11-10T00:30:00Z'), t('2026-11-10T02:00:00Z'), ['checkout']);
      expect(found.map(({ window: w }) => w.name)).toEqual(['nightly 0', 'nightly 1', 'nightly 2', 'nightly 3', 'nightly 4']);
      expect(asked.mock.calls.length).toBeLessThanOrEqual(5); // the three days they reach back over, each once (15 questions when each window asked alone)
    } finally {
      asked.mockRestore();
    }
  });

  it('keeps the windows’ order, with those over all services, and none twice', () => {
    const a = window({ kind: 'freeze', name: 'a', services: ['search', 'checkout'], from: '2026-11-10T00:00:00Z', to: '2026-11-11T00:00:00Z' });
    const b = window({ kind: 'peak', name: 'b', services: 'all', from: '2026-11-10T00:00:00Z', to: '2026-11-11T00:00:00Z' });
    const c = window({ kind: 'peak', name: 'c', services: ['payments'], from: '2026-11-10T00:00:00Z', to: '2026-11-11T00:00:00Z' });
    const d = window({ kind: 'peak', name: 'd', services: ['checkout'], from: '2026-11-10T00:00:00Z', to: '2026-11-11T00:00:00Z' });
    const names = (services: string[]) => windowsOverlapping([a, b, c, d], t('2026-11-10T06:00:00Z'), t('2026-11-10T07:00:00Z'), services).map(({ window: w }) => w.name);
    expect(names(['checkout', 'search'])).toEqual(['a', 'b', 'd']);
    expect(names(['payments'])).toEqual(['b', 'c']);
    expect(names(['nothing'])).toEqual(['b']);
  });
});

describe('a window’s schedule in words', () => {
  it('recurring: cronstrue’s words, the duration and the zone', () => {
    expect(describeWindow(window({ kind: 'freeze', cron: '0 18 * * 5', duration: '2d14h', zone: 'Europe/London' }))).toBe('At 18:00, only on Friday, for 2 days 14 hours (Europe/London)');
    expect(describeWindow(window({ kind: 'peak', cron: '30 11 * * 1-5', duration: '90m', zone: 'UTC' }))).toBe('At 11:30, Monday through Friday, for 90 minutes (UTC)');
  });
  it('one-off: from and to on the zone’s wall clock', () => {
    expect(describeWindow(window({ kind: 'freeze', from: '2026-11-27T00:00:00Z', to: '2026-11-30T00:00:00Z', zone: 'America/New_York' }))).toBe('Thu 26 Nov 2026 19:00 to Sun 29 Nov 2026 19:00 (America/New_York)');
  });
});

describe('window durations', () => {
  it.each([
    ['2h', { days: 0, ms: 7_200_000 }, '2 hours'],
    ['90m', { days: 0, ms: 5_400_000 }, '90 minutes'],
    ['1d', { days: 1, ms: 0 }, '1 day'],
    ['1d12h', { days: 1, ms: 43_200_000 }, '1 day 12 hours'],
    ['2 weeks', { days: 14, ms: 0 }, '14 days'],
    ['1h30m', { days: 0, ms: 5_400_000 }, '90 minutes'],
  ])('%s', (text, parsed, words) => {
    expect(parseWindowDuration(text)).toEqual(parsed);
    expect(formatWindowDuration(parsed)).toBe(words);
  });
  it.each([
    ['2 parsecs', /"2 parsecs" is not a duration; write it as e.g. 2h, 90m, 1d or 1d12h/],
    ['', /is not a duration/],
    ['0h', /lasts no time at all/],
    ['400d', /longer than a year/],
    ['1d fortnight', /is not a duration/],
  ])('refuses %j', (text, message) => {
    expect(parseWindowDuration(text)).toEqual({ problem: expect.stringMatching(message) as unknown });
  });
});

describe('a bad window is refused with the field named, in words', () => {
  const base = { name: 'Freeze', kind: 'freeze' };
  it.each([
    [{ ...base, cron: '0 25 * * *', duration: '2h', zone: 'UTC' }, /^`cron`: "0 25 \* \* \*" is not a cron expression \(Invalid value for hour: 25\); use five fields/],
    [{ ...base, cron: '0 0 2 * * *', duration: '2h', zone: 'UTC' }, /`cron`: "0 0 2 \* \* \*" is not a cron expression \(mode '5-part' requires exactly 5 parts/],
    [{ ...base, cron: 'every friday', duration: '2h', zone: 'UTC' }, /`cron`: "every friday" is not a cron expression/],
    [{ ...base, cron: '0 2 31 2 *', duration: '2h', zone: 'UTC' }, /`cron`: "0 2 31 2 \*" never happens: no date matches it/],
    [{ ...base, cron: '*/5 * * * *', duration: '2h', zone: 'UTC' }, /`cron`: "\*\/5 \* \* \* \*" fires every 5 minutes; a window may recur at most every 15 minutes/],
    [{ ...base, cron: '0 2 * * *', duration: '2h', zone: 'Mars/Olympus_Mons' }, /`zone`: "Mars\/Olympus_Mons" is not a time zone the tz database knows/],
    [{ ...base, cron: '0 2 * * *', duration: 'two hours', zone: 'UTC' }, /`duration`: "two hours" is not a duration/],
    [{ ...base, cron: '0 2 * * *' }, /`duration`: required with cron: how long each occurrence lasts, e\.g\. 2h, 90m or 1d; `zone`: required with cron/],
    [{ ...base, cron: '0 2 * * *', duration: '2h', zone: 'UTC', from: '2026-11-27T00:00:00Z' }, /give either from and to \(one-off\) or cron, duration and zone \(recurring\), not both/],
    [{ ...base, from: '2026-11-27T00:00:00Z', to: '2026-11-26T00:00:00Z' }, /`to`: must be after from/],
    [{ ...base, from: '2026-02-30T00:00:00Z', to: '2026-03-02T00:00:00Z' }, /`from`: use an ISO-8601 instant with a zone that names a real day and time/],
    [{ ...base }, /`from`: give from and to \(one-off\), or cron, duration and zone \(recurring\)/],
    [{ ...base, kind: 'blackout', from: '2026-11-27T00:00:00Z', to: '2026-11-28T00:00:00Z' }, /`kind`: use freeze or peak/],
  ])('%j', (input, message) => {
    expect(() => parseWindow(input)).toThrow(message);
  });

  it('a good one passes as given', () => {
    expect(parseWindow({ ...base, cron: '0 18 * * 5', duration: '2d14h', zone: 'Europe/London', services: ['checkout'] })).toEqual({
      ...base,
      cron: '0 18 * * 5',
      duration: '2d14h',
      zone: 'Europe/London',
      services: ['checkout'],
      reason: '',
    });
  });
});
