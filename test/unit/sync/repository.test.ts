import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConflict, syncRepository, syncStatus } from '../../../src/main/sync/cycle';
import { Git, GitError, locateGit } from '../../../src/main/sync/git';
import { WorkspaceRepo } from '../../../src/main/sync/repository';
import { bareRemote, clock, machine, machineDir, read, write } from './helpers';

const RUNBOOK = ['# Disk full', '', '## Diagnosis', '', '- Check df -h', '', '## Mitigation', '', '- Delete old logs', ''].join('\n');

describe('finding git', () => {
  it('says in one line that git is missing from PATH, and that Holdfast keeps working locally', async () => {
    const found = await locateGit(null, process.cwd(), { PATH: '/nonexistent' });
    expect(found.git).toBeNull();
    expect('problem' in found && found.problem).toMatch(/^Git was not found \(no `git` on PATH\): team sync is off and Holdfast keeps working on this machine\. Install git, or set its path in Settings\.$/);
  });

  it('names the path set in Settings when that git does not exist', async () => {
    const found = await locateGit('/opt/nowhere/git', process.cwd());
    expect('problem' in found && found.problem).toContain('the git set in Settings, /opt/nowhere/git, does not exist');
  });

  it('finds the system git on PATH', async () => {
    const found = await locateGit(null, process.cwd());
    expect('version' in found && found.version).toMatch(/^\d+\.\d+/);
  });
});

describe('connecting a workspace to a remote', () => {
  it('refuses an unreachable remote with git’s reason and what to do, and leaves nothing behind', async () => {
    const dir = machineDir('a');
    const missing = path.join(path.dirname(dir), 'no-such-remote.git');
    const error = await WorkspaceRepo.connect(new Git('git', dir), missing, { name: 'Ana' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('unreachable');
    expect((error as Error).message).toMatch(/^Git failed reaching the remote .*no-such-remote\.git: .*does not appear to be a git repository.*Check the remote address/);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('initialises an empty remote, and clones one that has a workspace', async () => {
    const remote = bareRemote();
    const a = await machine('a', remote);
    expect(read(a, '.gitattributes')).toContain('roster.yaml -merge');
    const { cloned, repo: b } = await WorkspaceRepo.connect(new Git('git', machineDir('b')), remote, { name: 'Bo' });
    expect(cloned).toBe(true);
    expect(read(b, '.gitattributes')).toBe(read(a, '.gitattributes'));
    expect(await b.remote()).toBe(remote);
  });
});

describe('syncing two machines through one remote', () => {
  it('brings what A shared to B, counted by kind', async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    write(a, 'runbooks/storage/disk-full.md', RUNBOOK);
    write(a, 'roster.yaml', 'people:\n  - handle: ana\n    name: Ana Lima\n');
    const first = await syncRepository(a, { name: 'Ana' }, clock);
    expect(first.pushed).toBe(1);
    const second = await syncRepository(b, { name: 'Bo' }, clock);
    expect(second.pulled).toMatchObject({ runbooks: 1, roster: 1, events: 0 });
    expect(read(b, 'runbooks/storage/disk-full.md')).toBe(RUNBOOK);
    expect(await syncStatus(b)).toEqual({ remote, lastSync: '2026-11-27T03:00:00.000Z', ahead: 0, behind: 0, conflicts: [] });
  });

  it('merges edits to different sections of one runbook on their own', async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    write(a, 'runbooks/disk-full.md', RUNBOOK);
    await syncRepository(a, { name: 'Ana' }, clock);
    await syncRepository(b, { name: 'Bo' }, clock);
    write(a, 'runbooks/disk-full.md', RUNBOOK.replace('- Check df -h', '- Check df -h and du -sh /var/log/*'));
    write(b, 'runbooks/disk-full.md', RUNBOOK.replace('- Delete old logs', '- Delete old logs\n- Rotate the journal'));
    await syncRepository(a, { name: 'Ana' }, clock);
    const report = await syncRepository(b, { name: 'Bo' }, clock);
    expect(report.conflicts).toEqual([]);
    await syncRepository(a, { name: 'Ana' }, clock);
    for (const repo of [a, b]) {
      expect(read(repo, 'runbooks/disk-full.md')).toContain('du -sh /var/log/*');
      expect(read(repo, 'runbooks/disk-full.md')).toContain('- Rotate the journal');
    }
  });

  it('keeps both versions of a line changed on both machines until `resolve` settles it, losing nothing', async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    write(a, 'runbooks/disk-full.md', RUNBOOK);
    await syncRepository(a, { name: 'Ana' }, clock);
    await syncRepository(b, { name: 'Bo' }, clock);
    const mine = RUNBOOK.replace('- Delete old logs', '- Delete logs older than 7 days');
    const theirs = RUNBOOK.replace('- Delete old logs', '- Move old logs to cold storage');
    write(a, 'runbooks/disk-full.md', theirs);
    await syncRepository(a, { name: 'Ana' }, clock);
    write(b, 'runbooks/disk-full.md', mine);
    const report = await syncRepository(b, { name: 'Bo' }, clock);
    expect(report.conflicts.map(({ path: file, kind }) => ({ file, kind }))).toEqual([{ file: 'runbooks/disk-full.md', kind: 'runbook' }]);
    expect(report.conflicts[0]?.detail).toContain('Changed on both machines in the same place');
    expect(read(b, 'runbooks/disk-full.md')).toBe(mine);
    expect((await syncStatus(b)).conflicts).toHaveLength(1);

    await expect(resolveConflict(b, 'runbooks/other.md', { take: 'theirs' }, { name: 'Bo' })).rejects.toThrow('runbooks/other.md has no conflict to resolve. Open conflicts: runbooks/disk-full.md.');
    const merged = `${mine}- Or move them to cold storage\n`;
    await resolveConflict(b, 'runbooks/disk-full.md', { take: 'content', content: merged }, { name: 'Bo' });
    expect((await syncStatus(b)).conflicts).toEqual([]);
    await syncRepository(b, { name: 'Bo' }, clock);
    await syncRepository(a, { name: 'Ana' }, clock);
    expect(read(a, 'runbooks/disk-full.md')).toBe(merged);
  });

  it('settles a conflict with the other machine’s version', async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    write(a, 'runbooks/x.md', '# X\n\nline\n');
    await syncRepository(a, { name: 'Ana' }, clock);
    await syncRepository(b, { name: 'Bo' }, clock);
    write(a, 'runbooks/x.md', '# X\n\nana\n');
    write(b, 'runbooks/x.md', '# X\n\nbo\n');
    await syncRepository(a, { name: 'Ana' }, clock);
    await syncRepository(b, { name: 'Bo' }, clock);
    await resolveConflict(b, 'runbooks/x.md', { take: 'theirs' }, { name: 'Bo' });
    expect(read(b, 'runbooks/x.md')).toBe('# X\n\nana\n');
  });

  it('reports a remote that refuses a push, and keeps the work committed here', async () => {
    const remote = bareRemote();
    const a = await machine('a', remote);
    const hook = path.join(remote, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, '#!/bin/sh\necho "pushes are frozen" >&2\nexit 1\n', { mode: 0o755 });
    write(a, 'runbooks/x.md', '# X\n');
    const error = await syncRepository(a, { name: 'Ana' }, clock).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('refused');
    expect((error as Error).message).toMatch(/^Git failed pushing to the remote: .*Check your access to the remote/);
    expect((await syncStatus(a)).ahead).toBe(1);
  });

  it('retries a push the remote rejected because another machine pushed first', async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    write(b, 'runbooks/b.md', '# B\n');
    await syncRepository(b, { name: 'Bo' }, clock);
    // A fetched before B pushed: its push is rejected once, then it merges and pushes.
    write(a, 'runbooks/a.md', '# A\n');
    await a.commitAll('A', { name: 'Ana' });
    expect(await a.push()).toBe('rejected');
    const report = await syncRepository(a, { name: 'Ana' }, clock);
    expect(report.pulled.runbooks).toBe(1);
    expect(report.pushed).toBe(2);
  });
});

describe('remote addresses that would run a command', () => {
  it('refuses an ext:: remote instead of running it, even where the user’s git config allows them', async () => {
    const dir = machineDir('a');
    const marker = path.join(path.dirname(dir), 'ran');
    const config = path.join(path.dirname(dir), 'gitconfig');
    fs.writeFileSync(config, '[protocol "ext"]\n\tallow = always\n');
    const git = new Git('git', dir, { ...process.env, GIT_CONFIG_GLOBAL: config });
    const error = await WorkspaceRepo.connect(git, `ext::sh -c touch% ${marker}`, { name: 'Ana' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitError);
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
