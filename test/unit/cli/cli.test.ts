import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core/core';
import type { ImportReport, RunbookHit } from '../../../src/shared/runbooks';
import { holdfast } from '../../fixtures/cli';
import { op } from '../../fixtures/core';
import { damageStore } from '../../fixtures/damage';
import { corpusDir, skipWithoutCorpus } from '../../fixtures/corpus';
import { APP_ROOT, ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

function sampleFolder(): string {
  const dir = tempDir();
  writeFiles(dir, {
    'disk.md': '---\ntitle: Disk filling up\ntags: [storage]\nservices: [db]\n---\n# Disk\n\nRun `df -h` and prune old WAL.\n',
    'cpu.md': '# CPU saturation\n\nCheck the top consumers.\n',
  });
  return dir;
}

describe('holdfast CLI', () => {
  it('imports with --json and prints the report shape scripts rely on', async () => {
    const data = tempDir();
    const result = await holdfast('--data', data, 'runbooks', 'import', sampleFolder(), '--json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as ImportReport;
    expect(report).toEqual({ imported: 2, updated: 0, unchanged: 0, failed: [], skipped: [], groups: [] });
  });

  it('accepts the global options before or after the command', async () => {
    const data = tempDir();
    await holdfast('runbooks', 'import', sampleFolder(), '--data', data);
    const before = await holdfast('--json', '--data', data, 'runbooks', 'search', 'wal');
    const after = await holdfast('runbooks', 'search', 'wal', '--data', data, '--json');
    const mixed = await holdfast('--json', 'runbooks', 'search', `--data=${data}`, 'wal');
    expect(before.status).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    expect(mixed.stdout).toBe(before.stdout);
    const hits = JSON.parse(after.stdout) as RunbookHit[];
    expect(hits).toEqual([
      {
        id: expect.any(Number) as number,
        title: 'Disk filling up',
        snippet: expect.stringContaining('<mark>WAL</mark>') as string,
        score: expect.any(Number) as number,
        tags: ['storage'],
        services: ['db'],
        section: { id: 'disk', title: 'Disk' },
        spelling: null,
      },
    ]);
  });

  it('shows a runbook as text and as JSON', async () => {
    const data = tempDir();
    await holdfast('--data', data, 'runbooks', 'import', sampleFolder());
    const [hit] = JSON.parse((await holdfast('--data', data, '--json', 'runbooks', 'search', 'disk')).stdout) as RunbookHit[];
    const text = await holdfast('--data', data, 'runbooks', 'show', String(hit?.id));
    expect(text.stdout).toContain('# Disk filling up');
    expect(text.stdout).toContain('Run `df -h` and prune old WAL.');
    const json = JSON.parse((await holdfast('--data', data, 'runbooks', 'show', String(hit?.id), '--json')).stdout) as {
      title: string;
      tags: string[];
    };
    expect(json).toMatchObject({ title: 'Disk filling up', tags: ['storage'] });
  });

  it('shows a runbook and its history by the stable id written in its exported front matter', async () => {
    const data = tempDir();
    await holdfast('--data', data, 'runbooks', 'import', sampleFolder());
    const exported = tempDir();
    await holdfast('--data', data, 'runbooks', 'export', exported);
    const uid = /^id: (rb_[0-9a-f]+)$/m.exec(fs.readFileSync(path.join(exported, 'disk.md'), 'utf8'))?.[1] ?? '';
    expect(uid).toMatch(/^rb_/);

    const byUid = await holdfast('--data', data, '--json', 'runbooks', 'show', uid);
    expect(byUid.status).toBe(0);
    const runbook = JSON.parse(byUid.stdout) as { id: number; uid: string; title: string };
    expect(runbook).toMatchObject({ uid, title: 'Disk filling up' });
    expect((await holdfast('--data', data, '--json', 'runbooks', 'show', String(runbook.id))).stdout).toBe(byUid.stdout);
    expect((await holdfast('--data', data, 'runbooks', 'show', uid)).stdout).toContain('# Disk filling up');

    const history = await holdfast('--data', data, '--json', 'runbooks', 'history', uid);
    expect(history.status).toBe(0);
    expect(JSON.parse(history.stdout)).toEqual([expect.objectContaining({ number: 1, title: 'Disk filling up' })]);
  });

  it('fails with one line on stderr and a non-zero status', async () => {
    const data = tempDir();
    await holdfast('--data', data, 'init');
    const missing = await holdfast('--data', data, 'runbooks', 'show', '42');
    expect(missing).toEqual({ status: 1, stdout: '', stderr: 'holdfast: No runbook with id 42.\n' });

    const invalid = await holdfast('--data', data, 'runbooks', 'search', 'x', '--limit', '5000');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toBe('holdfast: `limit` is too large: at most 200, not 5000.\n');

    const notANumber = await holdfast('--data', data, 'runbooks', 'search', 'x', '--limit', 'lots');
    expect(notANumber).toEqual({ status: 2, stdout: '', stderr: 'holdfast: --limit must be a whole number, got "lots"\n' });
    const badId = await holdfast('--data', data, 'runbooks', 'show', 'rb_000000000000');
    expect(badId).toEqual({ status: 1, stdout: '', stderr: 'holdfast: No runbook with id rb_000000000000.\n' });

    const unknown = await holdfast('--data', data, 'xyzzy');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toBe("holdfast: unknown command 'xyzzy'\n");
  });

  it('reports files that failed to import and exits 1, having imported the rest', async () => {
    const folder = sampleFolder();
    writeFiles(folder, { 'bad.md': '---\ntitle: [oops\n---\n' });
    const data = tempDir();
    const result = await holdfast('--data', data, '--json', 'runbooks', 'import', folder);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as ImportReport;
    expect(report.imported).toBe(2);
    expect(report.failed).toEqual([{ path: path.join(folder, 'bad.md'), error: expect.stringMatching(/YAML/) as string }]);
    expect(result.stderr).toBe('holdfast: 1 file(s) could not be imported; the rest were.\n');
  });

  it.skipIf(skipWithoutCorpus)('imports the prometheus-operator corpus with zero failures', async () => {
    const result = await holdfast('--data', tempDir(), '--json', 'runbooks', 'import', corpusDir());
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ imported: 108, failed: [] });
  });
});

// A real process through tsx, which can take a while to start on a loaded machine.
describe('a failure with --json', () => {
  /** What a failed command printed on stderr with --json: one line, the API's error. */
  function jsonError(result: { status: number; stdout: string; stderr: string }) {
    expect(result.stderr.endsWith('\n') && result.stderr.split('\n')).toHaveLength(2);
    return JSON.parse(result.stderr) as { ok: false; error: { code: string; message: string; field?: string; details: string[] } };
  }

  it('is one JSON line on stderr with the error code, message and details, stdout empty, exit status as without --json', async () => {
    const data = tempDir();
    const dir = tempDir();
    writeFiles(dir, { 'broken.yaml': 'people:\n  - handle: ana\n    name: Ana\n    time_zone: Nowhere/Special\n' });
    const refused = await holdfast('--data', data, '--json', 'roster', 'import', path.join(dir, 'broken.yaml'));
    expect({ status: refused.status, stdout: refused.stdout }).toEqual({ status: 1, stdout: '' });
    expect(jsonError(refused)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'The roster was not imported (1 problem); nothing was changed.',
        details: ['broken.yaml:4: people[0].time_zone: "Nowhere/Special" is not a time zone the tz database knows (e.g. Europe/London)'],
      },
    });

    // Commands that run more than one step keep the operation's code too (they used to print only the message).
    const range = ['--from', '2026-11-02T00:00:00Z', '--to', '2026-11-04T00:00:00Z'];
    for (const argv of [['oncall', 'shifts', '--schedule', 'Nope', ...range], ['oncall', 'ical', '--schedule', 'Nope']]) {
      const result = await holdfast('--data', data, '--json', ...argv);
      expect(result.status, argv.join(' ')).toBe(1);
      expect(jsonError(result).error, argv.join(' ')).toEqual({ code: 'NOT_FOUND', message: 'No schedule "Nope". Schedules: none yet.', field: 'schedule', details: [] });
    }
    await holdfast('--data', data, 'init');
    for (const argv of [['incident', 'show', '7'], ['postmortem', 'export', '7']]) {
      const result = await holdfast('--data', data, '--json', ...argv);
      expect(result.status, argv.join(' ')).toBe(1);
      expect(jsonError(result).error, argv.join(' ')).toEqual({ code: 'NOT_FOUND', message: 'No incident with id 7.', field: expect.any(String) as string, details: [] });
    }

    // A command line that cannot be used, and one commander refuses, say so the same way.
    const typo = await holdfast('--data', data, '--json', 'incident', 'show', 'abc');
    expect(typo.status).toBe(2);
    expect(jsonError(typo).error).toEqual({ code: 'VALIDATION', message: 'the incident id must be a whole number, got "abc"', details: [] });
    const unknown = await holdfast('--json', 'xyzzy');
    expect(unknown.status).toBe(1);
    expect(jsonError(unknown).error).toEqual({ code: 'VALIDATION', message: "unknown command 'xyzzy'", details: [] });
  });

  it('on a damaged store carries the restore advice in its details', async () => {
    const data = tempDir();
    await holdfast('--data', data, 'incident', 'declare', '--title', 'Disk full', '--severity', 'SEV2');
    const backup = (JSON.parse((await holdfast('--data', data, '--json', 'backup', 'create')).stdout) as { file: string }).file;
    damageStore(path.join(data, 'holdfast.db'), 'truncate');

    const text = await holdfast('--data', data, 'incident', 'show', '1');
    const json = await holdfast('--data', data, '--json', 'incident', 'show', '1');
    expect([text.status, json.status]).toEqual([1, 1]);
    const { error } = jsonError(json);
    expect(error.code).toBe('STORE_UNREADABLE');
    expect(error.details).toContainEqual(`  holdfast --data ${data} backup restore ${backup}`);
    // The same lines as the text says under its message.
    expect(text.stderr).toBe(`holdfast: ${error.message}\n${error.details.map((line) => `  ${line}\n`).join('')}`);
  });
});

describe('the holdfast process', { timeout: 60_000 }, () => {
  const run = promisify(execFile);
  const tsx = path.join(APP_ROOT, 'node_modules', '.bin', 'tsx');
  const entry = path.join(APP_ROOT, 'src', 'main', 'cli', 'main.ts');

  it('exits non-zero with a one-line message, no stack trace, when the store is from a newer Holdfast', async () => {
    const data = tempDir();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(data, 'holdfast.db'));
    db.pragma('user_version = 999');
    db.close();
    const failure = await run(tsx, [entry, 'runbooks', 'list', '--data', data]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure.stderr).toMatch(/^holdfast: This data was written by a newer version of Holdfast/);
  });
});

describe('holdfast roster and oncall', () => {
  it('imports the documented roster and answers oncall --at as the doc says', async () => {
    const { documentedAnswers, documentedRoster } = await import('../../fixtures/roster');
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': documentedRoster() });
    const data = tempDir();
    const imported = await holdfast('--data', data, 'roster', 'import', path.join(dir, 'roster.yaml'));
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^Roster: 5 people, 2 teams, 2 schedules/);

    // Every row of the doc's table of answers, asked the way the doc says.
    const table = documentedAnswers();
    expect(table).toHaveLength(4);
    for (const row of table) {
      const answer = await holdfast('oncall', '--at', row.at, '--json', '--data', data);
      expect(answer.status).toBe(0);
      const entries = JSON.parse(answer.stdout) as { schedule: string; person: { handle: string } | null }[];
      expect(Object.fromEntries(entries.map((entry) => [entry.schedule, entry.person?.handle])), row.at).toEqual(row.onCall);
    }
    const team = await holdfast('--data', data, 'oncall', '--team', 'Payments', '--at', '2026-12-25T12:00:00Z');
    expect(team.stdout).toBe(
      'Payments / Payments primary: Bo Andersen (bo) [override] 2026-12-24T22:00:00Z → 2026-12-26T14:00:00Z; next Dana Okafor (dana) from 2026-12-26T14:00:00Z\n',
    );
    const shifts = await holdfast('--data', data, '--json', 'oncall', 'shifts', '--schedule', 'Platform', '--from', '2026-11-02T00:00:00Z', '--to', '2026-11-03T00:00:00Z');
    expect((JSON.parse(shifts.stdout) as { person: { handle: string } }[]).map((s) => s.person.handle)).toEqual(['chen', 'eli']);
  });

  it('takes a schedule or team by the name oncall prints, by id, or by name in any case', async () => {
    const { documentedRoster } = await import('../../fixtures/roster');
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': documentedRoster() });
    const data = tempDir();
    expect((await holdfast('--data', data, 'roster', 'import', path.join(dir, 'roster.yaml'))).status).toBe(0);
    // The ids are the store's; the CLI never prints them, so ask the store.
    const core = openCore({ dataDir: data, assetsDir: ASSETS_DIR });
    const roster = await op(core, 'getRoster', {}).finally(() => core.close());
    const scheduleId = String(roster.schedules.find((s) => s.name === 'Platform')?.id);
    const teamId = String(roster.teams.find((t) => t.name === 'Payments')?.id);
    const at = ['--at', '2026-12-25T12:00:00Z', '--data', data];

    const byName = await holdfast('oncall', '--schedule', 'Platform', ...at);
    expect(byName.stdout).toMatch(/^Platform \/ Platform: Chen Wei \(chen\)/);
    expect((await holdfast('oncall', '--schedule', scheduleId, ...at)).stdout).toBe(byName.stdout);
    expect((await holdfast('oncall', '--schedule', 'platform', ...at)).stdout).toBe(byName.stdout);
    const team = await holdfast('oncall', '--team', 'Payments', ...at);
    expect(team.stdout).toMatch(/^Payments \/ Payments primary: Bo Andersen/);
    expect((await holdfast('oncall', '--team', teamId, ...at)).stdout).toBe(team.stdout);

    const range = ['--from', '2026-11-02T00:00:00Z', '--to', '2026-11-04T00:00:00Z', '--data', data];
    const shifts = await holdfast('oncall', 'shifts', '--schedule', 'Platform', ...range);
    expect(shifts.stdout.split('\n')).toHaveLength(4);
    expect((await holdfast('oncall', 'shifts', '--schedule', scheduleId, ...range)).stdout).toBe(shifts.stdout);
    const load = await holdfast('oncall', 'load', '--team', 'Payments', ...range);
    expect(load.stdout).toMatch(/Ana Lima/);
    expect((await holdfast('oncall', 'load', '--team', teamId, ...range)).stdout).toBe(load.stdout);
    const ical = await holdfast('oncall', 'ical', '--schedule', scheduleId, '--months', '1', '--data', data);
    expect(ical.stdout).toMatch(/^BEGIN:VCALENDAR/);

    const unknown = await holdfast('oncall', '--schedule', 'Nope', ...at);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('holdfast: No schedule "Nope". Schedules: Payments primary, Platform.\n');
    const both = await holdfast('oncall', '--team', 'Payments', '--schedule', 'Platform', ...at);
    expect(both.status).toBe(1);
    expect(both.stderr).toBe('holdfast: `schedule`: give a team or a schedule, not both.\n');
  });

  it('oncall ical parses with ical.js, and its events are exactly oncall shifts for the same range', async () => {
    const { documentedRoster } = await import('../../fixtures/roster');
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': documentedRoster() });
    const data = tempDir();
    expect((await holdfast('--data', data, 'roster', 'import', path.join(dir, 'roster.yaml'))).status).toBe(0);

    const ical = await holdfast('--data', data, 'oncall', 'ical', '--schedule', 'Payments primary', '--months', '2');
    expect(ical.status).toBe(0);
    const events = new ICAL.Component(ICAL.parse(ical.stdout) as unknown[]).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events.length).toBeGreaterThan(10);
    const fromIcal = events.map((event) => [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString(), event.summary]);

    const iso = (utc: string) => new Date(utc).toISOString();
    const range = ['--from', fromIcal[0]?.[0] ?? '', '--to', fromIcal.at(-1)?.[1] ?? ''];
    const shifts = await holdfast('--data', data, '--json', 'oncall', 'shifts', '--schedule', 'Payments primary', ...range);
    expect(shifts.status).toBe(0);
    const fromShifts = (JSON.parse(shifts.stdout) as { start: string; end: string; person: { name: string } | null }[])
      .filter((shift) => shift.person)
      .map((shift) => [iso(shift.start), iso(shift.end), `On call: ${shift.person?.name ?? ''} (Payments primary)`]);
    expect(fromIcal).toEqual(fromShifts);
  });

  it('imports people from CSV and says how many, or names the line of each bad row', async () => {
    const dir = tempDir();
    const data = tempDir();
    writeFiles(dir, {
      'one.csv': 'Handle, Name ,Time_Zone,Phone,Chat\nzoe,"Zoe, Q",Europe/Berlin,+49 1,@zoe\n',
      'bad.csv': 'handle,name,time_zone\nyan,Yan,Europe/Berlin\n\nxi,Xi,Bad/Zone\n',
    });
    expect(await holdfast('--data', data, 'roster', 'import-people', path.join(dir, 'one.csv'))).toEqual({ status: 0, stdout: 'Imported 1 person.\n', stderr: '' });
    const bad = await holdfast('--data', data, 'roster', 'import-people', path.join(dir, 'bad.csv'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('holdfast: The people were not imported (1 problem); nothing was changed.\n  bad.csv:4: "Bad/Zone" is not a time zone the tz database knows\n');
    const exported = await holdfast('--data', data, 'roster', 'export', '-');
    expect(exported.stdout).toContain('name: Zoe, Q\n    time_zone: Europe/Berlin\n    contacts:\n      - phone: "+49 1"\n      - chat: "@zoe"\n');
    expect(exported.stdout).not.toContain('yan');
  });

  it('refuses a broken roster with each problem on its own line and exit status 1', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': 'people:\n  - handle: ana\n    name: Ana\n    time_zone: Nowhere/Special\n' });
    const result = await holdfast('--data', tempDir(), 'roster', 'import', path.join(dir, 'roster.yaml'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'holdfast: The roster was not imported (1 problem); nothing was changed.\n' +
        '  roster.yaml:4: people[0].time_zone: "Nowhere/Special" is not a time zone the tz database knows (e.g. Europe/London)\n',
    );
  });
});

describe('holdfast incident and postmortem, as alert hooks and scripts use them', () => {
  it('declares and prints the id, logs, changes status, lists and shows the whole timeline as JSON', async () => {
    const data = tempDir();
    await holdfast('--data', data, 'settings', '--author', 'Ana Lima');
    const declared = await holdfast('--data', data, 'incident', 'declare', '--title', 'Checkout 502s', '--severity', 'SEV2', '--service', 'checkout', '--service', 'payments-api');
    expect(declared).toEqual({ status: 0, stdout: '1\n', stderr: '' });
    const asJson = await holdfast('--data', data, 'incident', 'declare', '--title', 'Search slow', '--severity', 'SEV4', '--json');
    expect(JSON.parse(asJson.stdout)).toMatchObject({ id: 2, title: 'Search slow', severity: 'SEV4', status: 'investigating' });

    expect((await holdfast('--data', data, 'incident', 'log', '1', 'Rolled', 'back', 'to', 'v41')).status).toBe(0);
    const unsummarised = await holdfast('--data', data, 'incident', 'status', '1', 'resolved');
    expect(unsummarised.status).toBe(1);
    expect(unsummarised.stderr).toMatch(/^holdfast: Resolving needs a resolution summary/);
    expect(await holdfast('--data', data, 'incident', 'status', '1', 'resolved', '--summary', 'The rollback fixed it.')).toMatchObject({
      status: 0,
      stdout: 'Status investigating → resolved\n',
    });

    const open = JSON.parse((await holdfast('--data', data, 'incident', 'list', '--open', '--json')).stdout) as { id: number }[];
    expect(open.map((incident) => incident.id)).toEqual([2]);
    const shown = JSON.parse((await holdfast('--data', data, 'incident', 'show', '1', '--json')).stdout) as {
      id: number;
      timeline: { id: number; at: string; type: string; actor: string; text: string }[];
    };
    expect(shown.id).toBe(1);
    expect(shown.timeline.map(({ type, actor, text }) => ({ type, actor, text }))).toEqual([
      { type: 'declared', actor: 'Ana Lima', text: 'Declared SEV2: Checkout 502s' },
      { type: 'note', actor: 'Ana Lima', text: 'Rolled back to v41' },
      // Nobody acknowledged before: the first status change does, as its own event.
      { type: 'acknowledged', actor: 'Ana Lima', text: 'Acknowledged (by changing the status to resolved)' },
      { type: 'status_changed', actor: 'Ana Lima', text: 'Status investigating → resolved\nThe rollback fixed it.' },
    ]);
    for (const event of shown.timeline) expect(event).toMatchObject({ id: expect.any(Number) as number, at: expect.stringMatching(/Z$/) as string });

    const out = path.join(tempDir(), 'pm.html');
    expect(await holdfast('--data', data, 'postmortem', 'export', '1', '--format', 'html', '--out', out)).toEqual({ status: 0, stdout: `Wrote ${out}.\n`, stderr: '' });
    const markdown = await holdfast('--data', data, 'postmortem', 'export', '1');
    expect(markdown.stdout).toMatch(/^# Post-mortem: Checkout 502s\n/);
    expect(markdown.stdout).toContain('## Summary\n\nThe rollback fixed it.');
  });

  it('refuses an id that is not a whole number, saying what it got', async () => {
    const data = tempDir();
    await holdfast('--data', data, 'init');
    for (const argv of [['incident', 'show', 'abc'], ['incident', 'log', '1x', 'note'], ['postmortem', 'export', 'latest']]) {
      const result = await holdfast('--data', data, ...argv);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`holdfast: the incident id must be a whole number, got "${argv[2]}"\n`);
    }
    expect(await holdfast('--data', data, 'incident', 'show', '7')).toMatchObject({ status: 1, stderr: 'holdfast: No incident with id 7.\n' });
  });
});
