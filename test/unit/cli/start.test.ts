import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdfast } from '../../fixtures/cli';
import { APP_ROOT, tempDir } from '../../fixtures/temp';

/**
 * An alert hook runs `holdfast oncall --json` once per alert: the command reads
 * the rosters' code and nothing of the other domains or of the libraries only
 * they use (Markdown, calendars, CSV, diffs), so it starts in a fraction of the time.
 */
describe('a read command loads only its own domain', () => {
  it('holdfast oncall --json reads the rosters, not the runbooks, incidents, changes, SLOs, drills or sync', async () => {
    const data = tempDir();
    expect((await holdfast('--data', data, 'init')).status).toBe(0);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', path.join(APP_ROOT, 'test/fixtures/module-trace.mjs'), path.join(APP_ROOT, 'src/main/cli/main.ts'), '--data', data, 'oncall', '--json'],
      { encoding: 'utf8', cwd: APP_ROOT, env: { ...process.env, HOLDFAST_MODULE_TRACE_HOOKS: '' } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    const loaded = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('module-loaded '))
      .map((line) => line.slice('module-loaded '.length));
    expect(loaded.some((url) => url.endsWith('/src/main/rosters/service.ts'))).toBe(true);
    const notNeeded = [
      '/src/main/runbooks/library.ts',
      '/src/main/incidents/service.ts',
      '/src/main/changes/',
      '/src/main/slos/',
      '/src/main/drills/',
      '/src/main/postmortems/',
      '/src/main/sync/service.ts',
      '/src/main/breakglass/',
      '/node_modules/micromark',
      '/node_modules/ical.js/',
      '/node_modules/csv-parse/',
      '/node_modules/diff/',
      '/node_modules/cronstrue/',
      '/node_modules/yaml/',
    ];
    expect(loaded.filter((url) => notNeeded.some((part) => url.includes(part)))).toEqual([]);
  });
});
