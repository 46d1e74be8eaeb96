import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/program';
import { openCore } from '../../../src/main/core/core';
import { fixedClock } from '../../../src/main/core/clock';
import { memoryCore, op, opError } from '../../fixtures/core';
import { documentedRoster } from '../../fixtures/roster';
import { APP_ROOT, ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, isTty: false }, APP_ROOT);
  return { status, stdout, stderr };
}

/** The documented roster with its Platform team (Chen's and Eli's schedule) and its override left out. */
const SMALLER = documentedRoster()
  .replace(/ {2}- name: Platform[\s\S]*$/, '')
  .replace(/ {8}overrides:[\s\S]*?note: Dana is away for the holidays\n/, '');

describe('an empty roster document', () => {
  it.each([
    ['an empty file', ''],
    ['a file of comments', '# roster: to be written\n# (nothing yet)\n'],
    ['a lone ---', '---\n'],
    ['an empty mapping', '{}\n'],
  ])('%s is refused as not a roster, and the stored roster stays whole', async (_name, text) => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': documentedRoster(), 'empty.yaml': text });
    await op(core, 'importRoster', { path: path.join(dir, 'roster.yaml') });
    const before = (await op(core, 'exportRoster', {})).yaml;
    const error = await opError(core, 'importRoster', { path: path.join(dir, 'empty.yaml') });
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect(error.message).toBe('empty.yaml has no roster in it (it is empty, or holds only comments), so it was not imported; nothing was changed.');
    expect((await op(core, 'exportRoster', {})).yaml).toBe(before);
  });

  it('is refused by the CLI with exit 1 and the reason, and an explicit empty roster is still taken', async () => {
    const data = tempDir();
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': documentedRoster(), 'empty.yaml': '', 'none.yaml': 'people: []\nteams: []\n' });
    await cli('--data', data, 'roster', 'import', path.join(dir, 'roster.yaml'));
    const empty = await cli('--data', data, 'roster', 'import', path.join(dir, 'empty.yaml'));
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('empty.yaml has no roster in it');
    expect((await cli('--data', data, '--json', 'oncall')).stdout).toContain('Payments primary');
    const none = await cli('--data', data, 'roster', 'import', path.join(dir, 'none.yaml'));
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('Removed (no longer in the file):\n  people: Ana Lima (ana); Bo Andersen (bo); Chen Wei (chen)');
  });
});

describe('an import that removes part of the roster', () => {
  it('takes a backup first, names what it removed, and the backup holds what was removed', async () => {
    const data = tempDir();
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': documentedRoster(), 'smaller.yaml': SMALLER });
    const core = openCore({ dataDir: data, assetsDir: ASSETS_DIR, clock: fixedClock('2026-11-20T12:00:00Z') });
    try {
      const first = await op(core, 'importRoster', { path: path.join(dir, 'roster.yaml') });
      expect(first.backup).toBeNull(); // it removed nothing (the store held no roster)
      expect(fs.existsSync(path.join(data, 'backups'))).toBe(false);

      const report = await op(core, 'importRoster', { path: path.join(dir, 'smaller.yaml') });
      expect(report.removed).toEqual({ people: 0, teams: 1, schedules: 1, overrides: 1, escalationPolicies: 0 });
      expect(report.removedNames).toEqual({
        people: [],
        teams: ['Platform'],
        schedules: ['Platform'],
        overrides: ['bo on Payments primary, 2026-12-24T17:00:00-05:00 to 2026-12-26T09:00:00-05:00'],
        escalationPolicies: [],
      });
      expect(report.backup).toBe(path.join(data, 'backups', 'holdfast-before-roster-import-2026-11-20T12-00-00-000Z.db'));
      const backup = new Database(report.backup ?? '', { readonly: true });
      expect(backup.prepare('SELECT name FROM schedules ORDER BY name').pluck().all()).toEqual(['Payments primary', 'Platform']);
      expect(backup.prepare('SELECT count(*) FROM overrides').pluck().get()).toBe(1);
      backup.close();
      expect((await op(core, 'whoIsOnCall', {})).map((entry) => entry.schedule)).toEqual(['Payments primary']);
    } finally {
      core.close();
    }
  });

  it('a dry run reports what would be removed and changes nothing, and takes no backup', async () => {
    const data = tempDir();
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': documentedRoster(), 'smaller.yaml': SMALLER });
    await cli('--data', data, 'roster', 'import', path.join(dir, 'roster.yaml'));
    const dry = await cli('--data', data, 'roster', 'import', path.join(dir, 'smaller.yaml'), '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toBe(
      'Checked, nothing changed. Importing it would make the roster 5 people, 1 teams, 1 schedules, 0 overrides, 1 escalation policies.\n' +
        'It would remove (no longer in the file):\n  teams: Platform\n  schedules: Platform\n' +
        '  overrides: bo on Payments primary, 2026-12-24T17:00:00-05:00 to 2026-12-26T09:00:00-05:00\n',
    );
    expect(fs.existsSync(path.join(data, 'backups'))).toBe(false);
    expect((await cli('--data', data, 'oncall')).stdout).toContain('Platform / Platform');

    const real = await cli('--data', data, 'roster', 'import', path.join(dir, 'smaller.yaml'));
    expect(real.stdout).toContain('Removed (no longer in the file):\n  teams: Platform\n');
    expect(real.stdout).toMatch(/The store as it was before is kept in .*backups\/holdfast-before-roster-import-.*\.db \(holdfast backup restore FILE puts it back\)\./);
    expect((await cli('--data', data, 'oncall')).stdout).not.toContain('Platform / Platform');
  });
});

describe('a drill scenario import that overwrites a stored scenario', () => {
  const SCENARIO = `---
title: Search goes dark
services: [search]
---

# Search goes dark

## Objectives

- Acknowledge fast.

## Injects

### At 3m: Latency alarm

Search p99 latency jumps.

### Manual: Cache node lost

One cache node stops answering.
`;

  it('takes a backup first and names the injects it removed; the same file again changes nothing and takes none', async () => {
    const data = tempDir();
    const core = openCore({ dataDir: data, assetsDir: ASSETS_DIR, clock: fixedClock('2026-11-20T12:00:00Z') });
    try {
      const first = await op(core, 'importDrillScenarioText', { markdown: SCENARIO, fileName: 'search.md' });
      expect(first.replaced).toBeNull();
      const again = await op(core, 'importDrillScenarioText', { markdown: SCENARIO, fileName: 'search.md' });
      expect(again.replaced).toBeNull();
      expect(fs.existsSync(path.join(data, 'backups'))).toBe(false);

      const shorter = SCENARIO.replace(/### Manual: Cache node lost[\s\S]*$/, '');
      const replaced = await op(core, 'importDrillScenarioText', { markdown: shorter, fileName: 'search.md' });
      expect(replaced.id).toBe(first.id);
      expect(replaced.replaced).toEqual({
        removedInjects: ['Cache node lost'],
        backup: path.join(data, 'backups', 'holdfast-before-drill-import-2026-11-20T12-00-00-000Z.db'),
      });
      const backup = new Database(replaced.replaced?.backup ?? '', { readonly: true });
      expect(backup.prepare('SELECT injects FROM drill_scenarios').pluck().get()).toContain('Cache node lost');
      backup.close();
    } finally {
      core.close();
    }
  });
});
