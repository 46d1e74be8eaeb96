import fs from 'node:fs';
import path from 'node:path';
import { HoldfastError } from '../errors';
import { GitError, type Git } from './git';
import { GIT_ATTRIBUTES, LAYOUT } from './layout';

/** Who a commit is by: the responder's name; git wants an address too, made up from the name when there is none. */
export interface Author {
  name: string;
  email?: string;
}

const BRANCH = 'main';
const UPSTREAM = `origin/${BRANCH}`;

const authorArgs = (author: Author): string[] => {
  const email = author.email ?? `${author.name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '') || 'responder'}@holdfast.invalid`;
  return ['-c', `user.name=${author.name}`, '-c', `user.email=${email}`];
};

/** A path a sync brought in, and how it changed. */
export interface PathChange {
  path: string;
  change: 'added' | 'modified' | 'removed';
}

/** One unmerged path of a merge in progress, with the blob ids of its versions (null where a side has none). */
export interface Unmerged {
  path: string;
  base: string | null;
  mine: string | null;
  theirs: string | null;
}

/**
 * The workspace repository: a git working copy in the data folder, holding the
 * team's shared files, with `origin` the team's remote and one branch, `main`.
 */
export class WorkspaceRepo {
  constructor(readonly git: Git) {}

  get dir(): string {
    return this.git.dir;
  }

  /**
   * Connects `git.dir` to `remote`: an empty remote gets a new repository (with
   * the workspace's .gitattributes) pushed to it; a remote with history is
   * cloned. The folder must be missing or empty. An unreachable remote throws
   * and leaves nothing behind.
   */
  static async connect(git: Git, remote: string, author: Author): Promise<{ repo: WorkspaceRepo; cloned: boolean }> {
    if (fs.existsSync(git.dir) && fs.readdirSync(git.dir).length > 0) {
      throw new HoldfastError('CONFLICT', `The workspace folder ${git.dir} is not empty: this data folder is already connected to a remote. Use holdfast sync status to see which.`);
    }
    const parent = git.in(path.dirname(git.dir));
    fs.mkdirSync(path.dirname(git.dir), { recursive: true });
    const { stdout } = await parent.run(['ls-remote', '--', remote], { doing: `reaching the remote ${remote}` });
    const repo = new WorkspaceRepo(git);
    try {
      if (stdout.trim() !== '') {
        await parent.run(['clone', '--origin', 'origin', '--', remote, git.dir], { doing: `cloning ${remote}` });
        return { repo, cloned: true };
      }
      fs.mkdirSync(git.dir, { recursive: true });
      await git.run(['init', '--initial-branch', BRANCH], { doing: 'creating the workspace repository' });
      await git.run(['remote', 'add', 'origin', remote], { doing: 'naming the remote' });
      fs.writeFileSync(path.join(git.dir, LAYOUT.attributes), GIT_ATTRIBUTES);
      await repo.commitAll('Holdfast workspace', author);
      await git.run(['push', '--set-upstream', 'origin', BRANCH], { doing: `pushing to ${remote}` });
      return { repo, cloned: false };
    } catch (error) {
      fs.rmSync(git.dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The remote's address, or null when the folder is not connected. */
  async remote(): Promise<string | null> {
    const { code, stdout } = await this.git.run(['remote', 'get-url', 'origin'], { allow: [2, 128] });
    return code === 0 ? stdout.trim() : null;
  }

  async head(): Promise<string | null> {
    const { code, stdout } = await this.git.run(['rev-parse', '--verify', '--quiet', 'HEAD'], { allow: [1, 128] });
    return code === 0 ? stdout.trim() : null;
  }

  private async upstream(): Promise<string | null> {
    const { code, stdout } = await this.git.run(['rev-parse', '--verify', '--quiet', UPSTREAM], { allow: [1, 128] });
    return code === 0 ? stdout.trim() : null;
  }

  /** Commits every change in the working copy; false when there was nothing to commit. */
  async commitAll(message: string, author: Author): Promise<boolean> {
    await this.git.run(['add', '--all'], { doing: 'staging the workspace’s changes' });
    const { code } = await this.git.run(['diff', '--cached', '--quiet'], { allow: [1] });
    if (code === 0 && (await this.head()) !== null) return false;
    await this.git.run([...authorArgs(author), 'commit', '--quiet', '--allow-empty', '--no-verify', '-m', message], { doing: 'committing the workspace’s changes' });
    return true;
  }

  /** Fetches the remote's branch. Throws a GitError (kind `unreachable` when offline). */
  async fetch(): Promise<void> {
    await this.git.run(['fetch', '--quiet', 'origin', BRANCH], { doing: 'fetching from the remote' }).catch((error: unknown) => {
      // An empty remote has no branch yet: not an error, there is simply nothing to fetch.
      if (error instanceof GitError && /couldn't find remote ref/i.test(error.reason)) return;
      throw error;
    });
  }

  /** Commits this machine has that the remote has not, and the other way round (as of the last fetch). */
  async aheadBehind(): Promise<{ ahead: number; behind: number }> {
    const head = await this.head();
    const upstream = await this.upstream();
    if (head === null) return { ahead: 0, behind: upstream === null ? 0 : await this.count(upstream) };
    if (upstream === null) return { ahead: await this.count('HEAD'), behind: 0 };
    const { stdout } = await this.git.run(['rev-list', '--left-right', '--count', `HEAD...${UPSTREAM}`]);
    const [ahead, behind] = stdout.trim().split(/\s+/).map(Number);
    return { ahead: ahead ?? 0, behind: behind ?? 0 };
  }

  private async count(ref: string): Promise<number> {
    const { stdout } = await this.git.run(['rev-list', '--count', ref]);
    return Number(stdout.trim());
  }

  /**
   * Merges the fetched branch into this one. A fast-forward or clean merge
   * completes; otherwise the merge stays open with the unmerged paths returned,
   * for the caller to settle each (`settle`) and `completeMerge`.
   */
  async merge(author: Author): Promise<{ merged: 'up-to-date' | 'fast-forward' | 'clean' | 'open'; unmerged: Unmerged[] }> {
    const upstream = await this.upstream();
    if (upstream === null) return { merged: 'up-to-date', unmerged: [] };
    const head = await this.head();
    if (head === null) {
      await this.git.run(['checkout', '--quiet', '-B', BRANCH, UPSTREAM], { doing: 'taking the remote’s workspace' });
      return { merged: 'fast-forward', unmerged: [] };
    }
    if (await this.isAncestor(upstream, 'HEAD')) return { merged: 'up-to-date', unmerged: [] };
    if (await this.isAncestor('HEAD', upstream)) {
      await this.git.run(['merge', '--quiet', '--ff-only', UPSTREAM], { doing: 'taking the remote’s changes' });
      return { merged: 'fast-forward', unmerged: [] };
    }
    const result = await this.git.run([...authorArgs(author), 'merge', '--quiet', '--no-ff', '--no-edit', '--no-verify', '-m', 'Sync: merge the team’s changes', UPSTREAM], {
      allow: [1],
      doing: 'merging the team’s changes',
    });
    if (result.code === 0) return { merged: 'clean', unmerged: [] };
    const unmerged = await this.unmerged();
    if (unmerged.length === 0) throw new GitError('failed', 'merging the team’s changes', result.stderr.trim() || result.stdout.trim());
    return { merged: 'open', unmerged };
  }

  private async isAncestor(ancestor: string, of: string): Promise<boolean> {
    const { code } = await this.git.run(['merge-base', '--is-ancestor', ancestor, of], { allow: [1] });
    return code === 0;
  }

  /** The paths of the open merge that git could not merge, with their versions. */
  async unmerged(): Promise<Unmerged[]> {
    const { stdout } = await this.git.run(['ls-files', '--unmerged', '-z']);
    const byPath = new Map<string, Unmerged>();
    for (const record of stdout.split('\0')) {
      const match = /^\d+ ([0-9a-f]+) ([123])\t(.*)$/s.exec(record);
      if (!match) continue;
      const [, oid = '', stage, file = ''] = match;
      const entry = byPath.get(file) ?? { path: file, base: null, mine: null, theirs: null };
      if (stage === '1') entry.base = oid;
      else if (stage === '2') entry.mine = oid;
      else entry.theirs = oid;
      byPath.set(file, entry);
    }
    return [...byPath.values()];
  }

  /** The text of a blob (a version of a file). */
  async blob(oid: string): Promise<string> {
    const { stdout } = await this.git.run(['cat-file', 'blob', oid], { doing: 'reading a version of a file' });
    return stdout;
  }

  /** A file's text at a commit; null where that commit has no such file. */
  async fileAt(commit: string, file: string): Promise<string | null> {
    const { code, stdout } = await this.git.run(['cat-file', 'blob', `${commit}:${file}`], { allow: [128] });
    return code === 0 ? stdout : null;
  }

  /** Writes the settled content of a path (null removes it) and marks it merged. */
  async settle(file: string, content: string | null): Promise<void> {
    const full = path.join(this.dir, ...file.split('/'));
    if (content === null) {
      fs.rmSync(full, { force: true });
      await this.git.run(['rm', '--quiet', '--cached', '--ignore-unmatch', '--', file]);
      return;
    }
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    await this.git.run(['add', '--', file]);
  }

  async completeMerge(author: Author): Promise<void> {
    await this.git.run([...authorArgs(author), 'commit', '--quiet', '--no-verify', '--no-edit'], { doing: 'finishing the merge' });
  }

  /** What differs between two commits, path by path (`from` null: every path of `to`, added). */
  async changes(from: string | null, to: string): Promise<PathChange[]> {
    if (from === null) {
      const { stdout } = await this.git.run(['ls-tree', '-r', '--name-only', '-z', to]);
      return stdout
        .split('\0')
        .filter((file) => file !== '')
        .map((file) => ({ path: file, change: 'added' as const }));
    }
    const { stdout } = await this.git.run(['diff', '--name-status', '--no-renames', '-z', from, to]);
    const fields = stdout.split('\0');
    const out: PathChange[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const status = fields[i] ?? '';
      const file = fields[i + 1] ?? '';
      out.push({ path: file, change: status.startsWith('A') ? 'added' : status.startsWith('D') ? 'removed' : 'modified' });
    }
    return out;
  }

  /** Pushes the branch: `rejected` when the remote has moved on (fetch, merge and push again). */
  async push(): Promise<'pushed' | 'rejected'> {
    try {
      await this.git.run(['push', '--quiet', '--set-upstream', 'origin', BRANCH], { doing: 'pushing to the remote' });
      return 'pushed';
    } catch (error) {
      if (error instanceof GitError && error.kind === 'rejected') return 'rejected';
      throw error;
    }
  }

  /**
   * Removes the lock files a killed git leaves (`index.lock`, `HEAD.lock`, a
   * branch's `.lock`). Only for a caller that holds the data folder's lock: then
   * no other git of Holdfast runs here, and a lock file is a leftover.
   */
  clearStaleLocks(): void {
    const gitDir = path.join(this.dir, '.git');
    for (const file of ['index.lock', 'HEAD.lock', 'ORIG_HEAD.lock', 'MERGE_HEAD.lock', 'config.lock', 'packed-refs.lock', `refs/heads/${BRANCH}.lock`, `refs/remotes/origin/${BRANCH}.lock`]) {
      fs.rmSync(path.join(gitDir, ...file.split('/')), { force: true });
    }
  }

  /** True while a merge is open (a sync killed mid-merge leaves one; the next sync finishes or aborts it). */
  mergeOpen(): boolean {
    return fs.existsSync(path.join(this.dir, '.git', 'MERGE_HEAD'));
  }

  async abortMerge(): Promise<void> {
    await this.git.run(['merge', '--abort'], { allow: [128], doing: 'abandoning an unfinished merge' });
  }
}
