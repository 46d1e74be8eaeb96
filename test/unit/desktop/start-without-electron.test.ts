import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, tempDir } from '../../fixtures/temp';

describe('npm start where the Electron binary is missing', () => {
  it('prints one clear line pointing to npm run web and exits non-zero', () => {
    // An empty override folder stands in for a machine where Electron could not be downloaded.
    const result = spawnSync(process.execPath, [path.join(APP_ROOT, 'scripts/start.mjs')], {
      cwd: APP_ROOT,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tempDir() },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron binary is not installed.*npm run web/);
  });
});
