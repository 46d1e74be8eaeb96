import fs from 'node:fs';
import path from 'node:path';
import type { ResolveChoice, SyncConflict, SyncStatus } from '../../shared/sync';
import { HoldfastError } from '../errors';
import type { OpContext } from '../operations/context';
import { resolveConflict, syncRepository, syncStatus } from './cycle';
import { locateGit } from './git';
import { countByKind } from './layout';
import type { FileProblem } from './incident-files';
import { SyncLedger } from './repo';
import { WorkspaceRepo, type Author } from './repository';
import type { SyncPhase } from './scheduler';
import { readState } from './state';
import { exportToWorkspace } from './workspace-export';
import { importFromWorkspace, type ArchivedRunbook, type BeforeMerge, type WorkspaceImport } from './workspace-import';

/**
 * Team sync wired to the store (docs/sync.md): the workspace repository lives
 * in the data folder's `workspace` folder; a sync writes the store's shared
 * data into it, runs the git cycle (commit, fetch, merge, push) and takes in
 * what came. One sync of a data folder at a time, across processes too.
 */

/** The settings key of the git to run (a path), when it is not `git` on PATH. */
export const GIT_PATH = 'sync.gitPath';

/** The workspace repository's folder, absolute (git runs in more than one folder, so a relative `--data` would be read twice over). */
export const workspaceDir = (dataDir: string): string => path.resolve(dataDir, 'workspace');

/** What `holdfast sync` answers: the report of docs/sync.md, the files it could not read, and what to refresh. */
export interface SyncOutcome {
  pulled: Record<string, number>;
  pushed: number;
  conflicts: SyncConflict[];
  /** Files of the workspace that could not be read, with their line: left out, the rest taken in. */
  problems: FileProblem[];
  /** Runbooks another machine removed, archived here. */
  archived: ArchivedRunbook[];
  /** Which screens' data changed (for change events; not printed). */
  refresh: WorkspaceImport['changed'];
}

const author = (context: OpContext): Author => ({ name: context.settings.author() });

/** The git to run in `dir` (found from the data folder, which exists even before the workspace does). */
async function gitFor(context: OpContext, dir: string) {
  const found = await locateGit(context.settings.get(GIT_PATH) ?? null, path.resolve(context.options.dataDir));
  if (!found.git) throw new HoldfastError('IO', found.problem);
  return found.git.in(dir);
}

/** Whether the data folder is connected to a team remote (`holdfast sync init`). */
export const isConnected = (dataDir: string): boolean => fs.existsSync(path.join(workspaceDir(dataDir), '.git'));

function requireConnected(dataDir: string): string {
  const dir = workspaceDir(dataDir);
  if (!fs.existsSync(path.join(dir, '.git'))) {
    throw new HoldfastError('VALIDATION', 'This data folder is not connected to a team remote: run `holdfast sync init REMOTE` first (docs/sync.md).');
  }
  return dir;
}

/** Connects the data folder to `remote`: an empty remote gets this folder's shared data; one with a workspace is cloned and taken in. */
export async function initSync(context: OpContext, given: string): Promise<SyncOutcome & { remote: string; cloned: boolean }> {
  const dir = workspaceDir(context.options.dataDir);
  const remote = localRemote(given);
  const git = await gitFor(context, dir);
  return withSyncLock(context.options.dataDir, 'sync-init', async () => {
    const { repo, cloned } = await WorkspaceRepo.connect(git, remote, author(context));
    const ledger = new SyncLedger(context.store);
    let taken: WorkspaceImport | null = null;
    let cloneFiles: string[] = [];
    if (cloned) {
      const head = await repo.head();
      const files = head ? await repo.changes(null, head) : [];
      cloneFiles = files.map((file) => file.path);
      taken = await importFromWorkspace(context, ledger, dir, files, author(context).name, beforeIn(repo, null));
    }
    const outcome = await cycle(context, repo, ledger);
    if (taken) {
      // What the clone brought is what this sync pulled.
      outcome.pulled = countByKind(cloneFiles);
      outcome.problems.unshift(...taken.problems);
      outcome.archived.unshift(...taken.archived);
      outcome.refresh = taken.changed;
    }
    return { remote, cloned, ...outcome };
  });
}

/**
 * A remote given as a path that exists here (`./team.git`, `../shared/holdfast.git`)
 * made absolute, as the person meant it from where they typed it: git would read it
 * from the workspace's folder. Addresses (`git@host:…`, `https://…`) stay as given.
 */
function localRemote(remote: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remote) || /^[^/\\]+@[^/\\]+:/.test(remote)) return remote;
  return fs.existsSync(remote) ? path.resolve(remote) : remote;
}

/** One sync now: the store's changes out, the team's in. */
export async function runSync(context: OpContext): Promise<SyncOutcome> {
  const dir = requireConnected(context.options.dataDir);
  const repo = new WorkspaceRepo(await gitFor(context, dir));
  return withSyncLock(context.options.dataDir, 'sync', () => cycle(context, repo, new SyncLedger(context.store)));
}

async function cycle(context: OpContext, repo: WorkspaceRepo, ledger: SyncLedger): Promise<SyncOutcome> {
  // What a killed sync left goes before the store writes into the working copy (an open merge is abandoned: both its sides are committed).
  repo.clearStaleLocks();
  if (repo.mergeOpen()) await repo.abortMerge();
  exportToWorkspace(context, ledger, repo.dir);
  const report = await syncRepository(repo, author(context), () => context.clock.now());
  const taken = await importFromWorkspace(context, ledger, repo.dir, report.changes, author(context).name, beforeIn(repo, report.before));
  return { pulled: report.pulled, pushed: report.pushed, conflicts: report.conflicts, problems: taken.problems, archived: taken.archived, refresh: taken.changed };
}

/** Reads a file as it was at this machine's commit before a merge (none: nothing was there). */
const beforeIn =
  (repo: WorkspaceRepo, commit: string | null): BeforeMerge =>
  (file) =>
    commit === null ? Promise.resolve(null) : repo.fileAt(commit, file);

/** Where the workspace stands when git cannot be run: what the repository's files say, and why (phase `no-git`). */
export type SyncStatusWithoutGit = SyncStatus & { phase: 'no-git'; problem: string };

/** What the console's sync indicator reads: the status, and while the app runs what its background sync is doing, or that there is no git. */
export type SyncStatusNow = SyncStatus & { phase?: SyncPhase | 'no-git'; problem?: string | null };

/**
 * Where the workspace stands, from the last fetch (no network); a folder not
 * connected answers remote null. Without a git to run, it says so (phase
 * `no-git`, the reason pointing to Settings) with what it knows without git.
 */
export async function statusOfSync(context: OpContext): Promise<SyncStatus | SyncStatusWithoutGit> {
  const dir = workspaceDir(context.options.dataDir);
  if (!fs.existsSync(path.join(dir, '.git'))) return { remote: null, lastSync: null, ahead: 0, behind: 0, conflicts: [] };
  const found = await locateGit(context.settings.get(GIT_PATH) ?? null, context.options.dataDir);
  if (!found.git) {
    const state = readState(dir);
    return { remote: remoteInConfig(dir), lastSync: state.lastSync, ahead: 0, behind: 0, conflicts: state.open.flatMap((record) => record.conflicts), phase: 'no-git', problem: found.problem };
  }
  return syncStatus(new WorkspaceRepo(found.git.in(dir)));
}

/** The remote's address as the repository's config holds it (read without git); a placeholder when it cannot be read. */
function remoteInConfig(dir: string): string {
  try {
    const config = fs.readFileSync(path.join(dir, '.git', 'config'), 'utf8');
    return /\[remote "origin"\][^[]*?^\s*url\s*=\s*(.+)$/m.exec(config)?.[1]?.trim() ?? 'the team remote';
  } catch {
    return 'the team remote';
  }
}

/** The open conflicts' paths with the versions that met, for the conflict view. */
export async function conflictVersions(context: OpContext, file: string): Promise<{ path: string; base: string | null; mine: string | null; theirs: string | null; conflicts: SyncConflict[] }> {
  const dir = requireConnected(context.options.dataDir);
  const record = readState(dir).open.find((candidate) => candidate.path === file);
  if (!record) throw new HoldfastError('NOT_FOUND', `${file} has no open conflict.`, 'path');
  const repo = new WorkspaceRepo(await gitFor(context, dir));
  const text = (oid: string | null) => (oid === null ? Promise.resolve(null) : repo.blob(oid));
  return { path: file, base: await text(record.base), mine: await text(record.mine), theirs: await text(record.theirs), conflicts: record.conflicts };
}

/** Settles an open conflict (mine, theirs or a text), commits the choice, and takes the settled file into the store. */
export async function resolveSync(
  context: OpContext,
  file: string,
  choice: ResolveChoice,
): Promise<{ path: string; problems: FileProblem[]; archived: ArchivedRunbook[]; refresh: WorkspaceImport['changed'] }> {
  const dir = requireConnected(context.options.dataDir);
  const repo = new WorkspaceRepo(await gitFor(context, dir));
  return withSyncLock(context.options.dataDir, 'sync-resolve', async () => {
    const settledFrom = await repo.head();
    await resolveConflict(repo, file, choice, author(context));
    const present = fs.existsSync(path.join(dir, ...file.split('/')));
    const changes = [{ path: file, change: present ? ('modified' as const) : ('removed' as const) }];
    const taken = await importFromWorkspace(context, new SyncLedger(context.store), dir, changes, author(context).name, beforeIn(repo, settledFrom));
    return { path: file, problems: taken.problems, archived: taken.archived, refresh: taken.changed };
  });
}

/**
 * Runs `work` holding the data folder's sync lock (a file in `folder` with this
 * process's id): one sync at a time, whether from the app's background sync or
 * the command line. A lock whose process is gone is a leftover and is taken over.
 */
async function withSyncLock<T>(folder: string, what: string, work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, '.holdfast-sync.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid} ${what}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8').split(' ')[0]);
      if (attempt > 0 || alive(pid)) throw lockError(file);
      fs.rmSync(file, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const lockError = (file: string) =>
  new HoldfastError('CONFLICT', `A sync of this data folder is already running (${file}): your changes are kept and go with the next sync; try again in a moment.`);
