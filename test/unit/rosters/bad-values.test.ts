import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectBreakGlass } from '../../../src/main/breakglass/collect';
import { breakGlassHtml } from '../../../src/main/breakglass/page';
import { runCli } from '../../../src/main/cli/program';
import { openCore } from '../../../src/main/core/core';
import { fixedClock } from '../../../src/main/core/clock';
import type { ChangeEvent } from '../../../src/shared/events';
import { memoryCore, op, opError } from '../../fixtures/core';
import { documentedRoster } from '../../fixtures/roster';
import { APP_ROOT, ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

afterEach(() => {
  vi.useRealTimers();
});

async function withRoster(yaml = documentedRoster()) {
  const { core, clock } = memoryCore('2026-11-20T12:00:00Z');
  const dir = tempDir();
  writeFiles(dir, { 'roster.yaml': yaml });
  await op(core, 'importRoster', { path: path.join(dir, 'roster.yaml') });
  return { core, clock, dir };
}

/** The 1-based line of the first occurrence of `text` in `source`. */
const lineOf = (source: string, text: string) => source.slice(0, source.indexOf(text)).split('\n').length;

describe('an impossible date or instant in a roster file', () => {
  it.each([
    ['a month 13', 'start: 2026-11-01', 'start: 2026-13-01'],
    ['30 February', 'start: 2026-11-01', 'start: 2026-02-30'],
    ['an override on 30 February', 'start: 2026-12-24T17:00:00-05:00', 'start: 2026-02-30T17:00:00-05:00'],
    ['an override at 25:00', 'end: 2026-12-26T09:00:00-05:00', 'end: 2026-12-26T25:00:00-05:00'],
  ])('%s is refused whole, with its line, and the stored roster stays as it was', async (_name, from, to) => {
    const { core, dir } = await withRoster();
    const before = (await op(core, 'exportRoster', {})).yaml;
    const broken = documentedRoster().replace(from, to);
    expect(broken).not.toBe(documentedRoster());
    writeFiles(dir, { 'broken.yaml': broken });
    const error = await opError(core, 'importRoster', { path: path.join(dir, 'broken.yaml') });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/not imported .*nothing was changed/);
    const value = to.split(': ')[1] ?? '';
    expect(error.details).toEqual([expect.stringContaining(`broken.yaml:${lineOf(broken, to)}: `) as string]);
    expect(error.details?.[0]).toContain(`"${value}" is not`);
    expect(error.details?.[0]).toContain('on the calendar');
    expect((await op(core, 'exportRoster', {})).yaml).toBe(before);
  });

  it('a shift longer than a year is refused with its line', async () => {
    const { core, dir } = await withRoster();
    const broken = documentedRoster().replace('shift: 1 week', 'shift: 99999999 weeks');
    writeFiles(dir, { 'broken.yaml': broken });
    const error = await opError(core, 'importRoster', { path: path.join(dir, 'broken.yaml') });
    expect(error.details).toEqual([expect.stringMatching(new RegExp(`broken.yaml:${lineOf(broken, '99999999')}: .*longer than a year`)) as string]);
  });

  it('an override asked for on 30 February is refused as input, not stored', async () => {
    const { core } = await withRoster();
    const error = await opError(core, 'createOverride', { schedule: 'Platform', person: 'ana', start: '2027-02-30T10:00:00Z', end: '2027-03-02T10:00:00Z' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'start' });
    expect(error.message).toContain('real day and time');
  });
});

describe('a store that holds a value no roster file could have put there', () => {
  /** Writes a bad start date straight into the store, as an older Holdfast or a hand edit with sqlite3 might have. */
  function spoilPayments(core: Awaited<ReturnType<typeof withRoster>>['core']) {
    const row = core.store.prepare<[], { layers: string }>("SELECT layers FROM schedules WHERE name = 'Payments primary'").get();
    const layers = JSON.parse(row?.layers ?? '[]') as { startDate: string }[];
    if (layers[0]) layers[0].startDate = '2026-13-01';
    core.store.prepare("UPDATE schedules SET layers = ? WHERE name = 'Payments primary'").run(JSON.stringify(layers));
  }

  it('answers for every other schedule, and says what is wrong with that one and what to do', async () => {
    const { core } = await withRoster();
    spoilPayments(core);
    const entries = await op(core, 'whoIsOnCall', { at: '2026-11-03T15:00:00Z' });
    const payments = entries.find((entry) => entry.schedule === 'Payments primary');
    expect(payments).toMatchObject({ person: null, source: 'unknown', next: null });
    expect(payments?.problem).toBe(
      'Cannot work out who is on call for Payments primary: in the store, layer "Weekly": its start "2026-13-01" is not a date on the calendar. Import a corrected roster file (holdfast roster export writes what is stored now).',
    );
    expect(entries.find((entry) => entry.schedule === 'Platform')).toMatchObject({ person: { handle: 'chen' }, source: 'layer' });

    const board = await op(core, 'nowBoard', { at: '2026-11-03T15:00:00Z' });
    expect(board.find((team) => team.team.name === 'Payments')?.onCall[0]?.problem).toContain('2026-13-01');
    expect(board.find((team) => team.team.name === 'Platform')?.onCall[0]?.person?.handle).toBe('chen');

    const shifts = await opError(core, 'scheduleShifts', { schedule: 'Payments primary', from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z' });
    expect(shifts).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('its start "2026-13-01" is not a date on the calendar') as string });
    expect((await opError(core, 'scheduleIcal', { schedule: 'Payments primary' })).message).toContain('Import a corrected roster file');
    // The roster can still be read and exported, so it can be fixed.
    expect((await op(core, 'exportRoster', {})).yaml).toContain('start: 2026-13-01');
  });

  it('an incident on a service of that team says so on its on-call panel; others name who is on call', async () => {
    const { core } = await withRoster();
    spoilPayments(core);
    const incident = await op(core, 'declareIncident', { title: 'Checkout down', severity: 'SEV2', services: ['checkout', 'edge-proxy'] });
    const suggestions = await op(core, 'suggestResponders', { id: incident.id });
    expect(suggestions.find((s) => s.schedule === 'Payments primary')).toMatchObject({ onCall: null, problem: expect.stringContaining('2026-13-01') as string });
    expect(suggestions.find((s) => s.schedule === 'Platform')?.onCall?.handle).toMatch(/^(chen|eli)$/);
  });

  it('a bad override instant or zone is named too, and the break-glass page still lists everything else', async () => {
    const { core } = await withRoster();
    core.store.prepare("UPDATE overrides SET start_at = '2026-02-30T10:00:00Z'").run();
    core.store.prepare("UPDATE schedules SET time_zone = 'Mars/Olympus' WHERE name = 'Platform'").run();
    const entries = await op(core, 'whoIsOnCall', {});
    expect(entries.map((entry) => entry.problem)).toEqual([
      expect.stringContaining('the override of bo has the start "2026-02-30T10:00:00Z", which is not an instant on the calendar') as string,
      expect.stringContaining('its time zone "Mars/Olympus" is not one the tz database knows') as string,
    ]);
    const html = breakGlassHtml(collectBreakGlass(core));
    expect(html).toContain('Cannot work out who is on call for Platform');
    expect(html).toContain('Ana Lima'); // contacts are still there
  });

  it('a person whose stored zone is unknown gets a clear error from the load report, and on-call answers are unaffected', async () => {
    const { core } = await withRoster();
    core.store.prepare("UPDATE people SET time_zone = 'Asia/Atlantis' WHERE handle = 'chen'").run();
    const error = await opError(core, 'loadReport', { from: '2026-11-01T00:00:00Z', to: '2026-11-15T00:00:00Z' });
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.message).toContain('their stored time zone "Asia/Atlantis" is not one the tz database knows');
    expect((await op(core, 'whoIsOnCall', { at: '2026-11-03T15:00:00Z' })).map((entry) => entry.person?.handle)).toEqual(['eli', 'chen']);
  });

  it('the CLI answers oncall and writes the break-glass file, naming the bad schedule, with no stack trace', async () => {
    const data = tempDir();
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': documentedRoster() });
    const cli = async (...argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, isTty: false }, APP_ROOT);
      return { status, stdout, stderr };
    };
    expect((await cli('--data', data, 'roster', 'import', path.join(dir, 'roster.yaml'))).status).toBe(0);
    const core = openCore({ dataDir: data, assetsDir: ASSETS_DIR, clock: fixedClock('2026-11-20T12:00:00Z') });
    core.store.prepare("UPDATE schedules SET layers = replace(layers, '2026-11-02', '2026-02-30') WHERE name = 'Payments primary'").run();
    core.close();

    const oncall = await cli('--data', data, 'oncall', '--at', '2026-11-03T15:00:00Z');
    expect(oncall.status).toBe(0);
    expect(oncall.stdout).toContain('Payments / Payments primary: unknown. Cannot work out who is on call for Payments primary');
    expect(oncall.stdout).toContain('Platform / Platform: Chen Wei (chen)');
    const out = tempDir();
    const exported = await cli('--data', data, 'export', 'breakglass', out);
    expect(exported).toMatchObject({ status: 0, stderr: '' });
    expect(fs.readFileSync(path.join(out, 'holdfast-breakglass.html'), 'utf8')).toContain('2026-02-30');
    const shifts = await cli('--data', data, 'oncall', 'shifts', '--schedule', 'Payments primary', '--from', '2026-11-01T00:00:00Z', '--to', '2026-11-02T00:00:00Z');
    expect(shifts.status).toBe(1);
    expect(shifts.stderr).toContain('its start "2026-02-30" is not a date on the calendar');
    expect(shifts.stderr).not.toMatch(/RangeError|\n\s+at /);
  });
});

describe('the break-glass file kept in a folder', () => {
  it('a background rewrite that fails is announced, and the status says it failed instead of "kept up to date"', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    await op(core, 'loadDemoWorkspace', {});
    const dir = path.join(tempDir(), 'usb');
    await op(core, 'updateSettings', { breakGlassPath: dir });
    const events: ChangeEvent['type'][] = [];
    core.events.subscribe((event) => events.push(event.type));

    // The stick is pulled and something else takes its name: the next rewrite cannot happen.
    fs.rmSync(dir, { recursive: true });
    fs.writeFileSync(dir, 'not a folder');
    vi.useFakeTimers();
    clock.advance(60_000);
    await op(core, 'saveRunbook', { metadata: { title: 'Changed after the stick was pulled' }, body: 'x\n' });
    vi.advanceTimersByTime(2000);

    expect(events).toContain('breakglass.changed');
    const status = (await op(core, 'getWorkspace', {})).breakGlass;
    expect(status.writtenAt).toBe('2026-11-27T03:00:00.000Z');
    expect(status.error).toContain(`Cannot write the break-glass file into ${dir}`);
  });
});
