import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkGitPath } from '../../../src/main/sync/git-path';
import { GIT_PATH } from '../../../src/main/sync/service';
import { holdfast } from '../../fixtures/cli';
import { op, opError } from '../../fixtures/core';
import { tempDir } from '../../fixtures/temp';
import { bareRemote } from './helpers';
import { closeMachines, dataMachine } from './helpers';

afterEach(closeMachines);

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** A file in a fresh folder, with `mode`. */
function file(name: string, text: string, mode: number): string {
  const full = path.join(tempDir('holdfast-gitpath-'), name);
  fs.writeFileSync(full, text, { mode });
  return full;
}

const refusal = async (given: string): Promise<string> => {
  try {
    await checkGitPath(given);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${given} was taken as git`);
};

describe('the path to git set in Settings', () => {
  it('takes the real git, with its version', async () => {
    const found = await checkGitPath(`  ${realGit} `);
    expect(found.path).toBe(realGit);
    expect(found.version).toMatch(/^\d+\.\d+/);
  });

  it('refuses, in words, what is not a git that runs', async () => {
    expect(await refusal('git')).toMatch(/^The path to git must be a full path, such as \/usr\/bin\/git .*; “git” is not\. `which git` \(on Windows, `where git`\) prints where git is\.$/);
    const missing = path.join(tempDir(), 'no-such', 'git');
    expect(await refusal(missing)).toBe(`There is no file at ${missing}: check the path (\`which git\` (on Windows, \`where git\`) prints where git is).`);
    const folder = tempDir();
    expect(await refusal(folder)).toBe(`${folder} is a folder, not a program: give the path of git itself, such as ${path.join(folder, 'git')}.`);
    const notExecutable = file('git', '#!/bin/sh\necho git version 2.0\n', 0o644);
    expect(await refusal(notExecutable)).toMatch(new RegExp(`^${notExecutable} cannot be run as git: it is not allowed to run \\(not executable\\)\\. Give the path of the git program`));
    const echo = file('echo-git', '#!/bin/sh\necho hello from a script\n', 0o755);
    expect(await refusal(echo)).toMatch(new RegExp(`^${echo} runs, but it is not git: asked for its version, it answered “hello from a script”\\.`));
    const failing = file('failing-git', '#!/bin/sh\nexit 3\n', 0o755);
    expect(await refusal(failing)).toMatch(new RegExp(`^${failing} cannot be run as git: it failed \\(exit status 3\\)\\.`));
  });

  it('is set, refused (keeping nothing of that change) and cleared through the settings operation and the CLI', async () => {
    const m = dataMachine('Ana Lima', '2026-11-27T03:00:00.000Z');
    const bad = path.join(tempDir(), 'git');
    const error = await opError(m.core, 'updateSettings', { author: 'Bo Chen', gitPath: bad });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'gitPath' });
    expect(error.message).toContain(`There is no file at ${bad}`);
    // Nothing of the refused change was kept, not even the name that came with it.
    expect(await op(m.core, 'getWorkspace', {})).toMatchObject({ gitPath: null, author: 'Ana Lima' });

    expect((await op(m.core, 'updateSettings', { gitPath: realGit })).gitPath).toBe(realGit);
    expect(m.core.settings.get(GIT_PATH)).toBe(realGit);
    expect((await op(m.core, 'updateSettings', { gitPath: '' })).gitPath).toBeNull();
    expect(m.core.settings.get(GIT_PATH)).toBeUndefined();

    m.core.close();
    const cli = await holdfast('--data', m.dataDir, 'settings', '--git-path', 'git');
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toMatch(/^holdfast: The path to git must be a full path/);
    const set = await holdfast('--data', m.dataDir, 'settings', '--git-path', realGit);
    expect(set.stdout).toContain(`git for team sync: ${realGit}`);
  });

  it('when the git set cannot be found, the sync status says so, pointing to Settings, with the remote it knows', async () => {
    const remote = bareRemote();
    const m = dataMachine('Ana Lima', '2026-11-27T03:00:00.000Z');
    await op(m.core, 'syncInit', { remote });
    // git was uninstalled from where Settings says, after it was set.
    m.core.settings.set(GIT_PATH, '/opt/gone/bin/git');
    const status = await op(m.core, 'syncStatus', {});
    expect(status).toMatchObject({
      remote,
      ahead: 0,
      behind: 0,
      conflicts: [],
      phase: 'no-git',
      problem: 'Git was not found (the git set in Settings, /opt/gone/bin/git, does not exist): team sync is off and Holdfast keeps working on this machine. Install git, or set its path in Settings.',
    });
    expect(status.lastSync).not.toBeNull();
    m.core.close();
    const cli = await holdfast('--data', m.dataDir, 'sync', 'status');
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('Git was not found (the git set in Settings, /opt/gone/bin/git, does not exist)');
    expect(cli.stdout).toContain(`Remote: ${remote}`);
  });
});
