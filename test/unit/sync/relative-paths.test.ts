import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdfast } from '../../fixtures/cli';
import { tempDir } from '../../fixtures/temp';

const started = process.cwd();
afterEach(() => process.chdir(started));

describe('sync from the command line with relative paths', () => {
  it('reads `--data DIR` and a remote path from where the command was typed', { timeout: 60_000 }, async () => {
    const here = tempDir('holdfast-relative-');
    process.chdir(here);
    execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', 'team.git']);
    for (const folder of ['ana', 'bo']) expect((await holdfast('--data', folder, 'init')).status).toBe(0);
    expect(await holdfast('--data', 'ana', 'demo', 'load')).toMatchObject({ status: 0 });

    const first = await holdfast('--data', 'ana', 'sync', 'init', './team.git', '--json');
    expect(first.stderr).toBe('');
    const second = await holdfast('--data', 'bo', 'sync', 'init', './team.git', '--json');
    expect(second.stderr).toBe('');
    expect(JSON.parse(second.stdout)).toMatchObject({ pulled: { runbooks: 6 }, problems: [] });
    expect(fs.existsSync(path.join(here, 'bo', 'workspace', '.git'))).toBe(true);
    expect(fs.existsSync(path.join(here, 'bo', 'bo'))).toBe(false);
    const status = await holdfast('--data', 'bo', 'sync', 'status', '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({ remote: fs.realpathSync(path.join(here, 'team.git')) });
  });
});
