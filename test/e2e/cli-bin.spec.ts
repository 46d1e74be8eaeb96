import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, expect, test } from './web-console';

test('the built holdfast bin runs on its own, as npm links it into node_modules/.bin or PATH', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-bin-'));
  try {
    const linked = path.join(folder, 'holdfast');
    fs.symlinkSync(CLI, linked);
    const version = spawnSync(linked, ['--version'], { encoding: 'utf8' });
    expect(version.error).toBeUndefined();
    expect({ status: version.status, stdout: version.stdout, stderr: version.stderr }).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });

    const data = path.join(folder, 'data');
    // A folder with no store: said so, nothing created; `init` makes it.
    const missing = spawnSync(linked, ['runbooks', 'list', '--data', data], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`No Holdfast data in ${data}`);
    expect(fs.existsSync(data)).toBe(false);
    expect(spawnSync(linked, ['init', '--data', data], { encoding: 'utf8' }).status).toBe(0);
    const listed = spawnSync(linked, ['runbooks', 'list', '--data', data, '--json'], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ items: [] });

    const failed = spawnSync(linked, ['--data', data, 'runbooks', 'show', '7'], { encoding: 'utf8' });
    expect({ status: failed.status, stderr: failed.stderr }).toEqual({ status: 1, stderr: 'holdfast: No runbook with id 7.\n' });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
