import type { ResolveChoice, SyncReport, SyncStatus } from '../../shared/sync';
import { HoldfastError } from '../errors';
import { countByKind } from './layout';
import { settle, type Settled } from './merge-drivers';
import { readState, withConflicts, writeState, type OpenConflict } from './state';
import type { Author, PathChange, WorkspaceRepo } from './repository';

/** A push the remote rejects (someone pushed first) is retried after merging their work, this many times. */
const PUSH_ATTEMPTS = 4;

/**
 * One sync of the workspace repository: commit what this machine changed,
 * fetch, merge (each path both sides changed settled by its kind's rule), push.
 * The caller writes the store's changes into the working copy first and imports
 * the pulled paths after (`changes`, against `before`: this machine's commit
 * before the merge). A remote that cannot be reached throws a GitError and
 * leaves everything committed locally for the next sync. The caller holds the
 * data folder's lock (one Holdfast per folder), so leftovers of a killed sync
 * can be cleared.
 */
export async function syncRepository(repo: WorkspaceRepo, author: Author, now: () => Date): Promise<SyncReport & { changes: PathChange[]; before: string | null }> {
  // What a killed sync left: git's lock files, and maybe an open merge, whose sides are both still committed.
  repo.clearStaleLocks();
  if (repo.mergeOpen()) await repo.abortMerge();
  await repo.commitAll(`Changes by ${author.name}`, author);
  const mine = await repo.head();
  const found: OpenConflict[] = [];
  let pushed = 0;
  for (let attempt = 1; ; attempt++) {
    await repo.fetch();
    const { unmerged } = await repo.merge(author);
    for (const entry of unmerged) {
      const versions = { path: entry.path, base: await text(repo, entry.base), mine: await text(repo, entry.mine), theirs: await text(repo, entry.theirs) };
      const settled: Settled = settle(versions);
      await repo.settle(entry.path, settled.content);
      if (settled.conflicts.length > 0) found.push({ ...entry, conflicts: settled.conflicts });
    }
    if (unmerged.length > 0) await repo.completeMerge(author);
    const { ahead } = await repo.aheadBehind();
    if (ahead === 0) break;
    if ((await repo.push()) === 'pushed') {
      pushed = ahead;
      break;
    }
    if (attempt === PUSH_ATTEMPTS) {
      throw new HoldfastError('CONFLICT', `The remote kept moving while this machine synced (${PUSH_ATTEMPTS} tries): your work is committed here; sync again in a moment.`);
    }
  }
  const state = readState(repo.dir);
  const open = withConflicts(state, found);
  writeState(repo.dir, { lastSync: now().toISOString(), open });
  // What came in: the merged result against this machine's own last commit.
  const merged = await repo.head();
  const changes = merged === null || merged === mine ? [] : await repo.changes(mine, merged);
  return { pulled: countByKind(changes.map((change) => change.path)), pushed, conflicts: found.flatMap((record) => record.conflicts), changes, before: mine };
}

const text = (repo: WorkspaceRepo, oid: string | null): Promise<string | null> => (oid === null ? Promise.resolve(null) : repo.blob(oid));

/** Where the workspace stands, from the last fetch (no network). */
export async function syncStatus(repo: WorkspaceRepo): Promise<SyncStatus> {
  const state = readState(repo.dir);
  const { ahead, behind } = await repo.aheadBehind();
  return { remote: await repo.remote(), lastSync: state.lastSync, ahead, behind, conflicts: state.open.flatMap((record) => record.conflicts) };
}

/**
 * Settles an open conflict: this machine's version, the other's, or a text a
 * person wrote. For files merged per entry, `theirs` takes the other side's
 * value for the conflicting entries only; what merged cleanly stays.
 * Commits the choice, so the next sync shares it.
 */
export async function resolveConflict(repo: WorkspaceRepo, file: string, choice: ResolveChoice, author: Author): Promise<void> {
  const state = readState(repo.dir);
  const record = state.open.find((candidate) => candidate.path === file);
  if (!record) {
    const open = state.open.map((candidate) => candidate.path);
    throw new HoldfastError('NOT_FOUND', `${file} has no conflict to resolve.${open.length > 0 ? ` Open conflicts: ${open.join(', ')}.` : ' There are no open conflicts.'}`, 'path');
  }
  await repo.settle(file, await chosen(repo, record, choice));
  await repo.commitAll(`Resolve the conflict in ${file} (${choice.take === 'content' ? 'edited' : choice.take})`, author);
  writeState(repo.dir, { ...state, open: state.open.filter((candidate) => candidate !== record) });
}

async function chosen(repo: WorkspaceRepo, record: OpenConflict, choice: ResolveChoice): Promise<string | null> {
  if (choice.take === 'content') return choice.content;
  const [base, mine, theirs] = [await text(repo, record.base), await text(repo, record.mine), await text(repo, record.theirs)];
  const perEntry = record.conflicts.some((conflict) => conflict.kind === 'entry' || conflict.kind === 'field');
  if (choice.take === 'mine') return perEntry && mine !== null && theirs !== null ? settle({ path: record.path, base, mine, theirs }, true).content : mine;
  // Swapping the sides makes the other machine's value the one kept for every conflicting entry.
  return perEntry && mine !== null && theirs !== null ? settle({ path: record.path, base, mine: theirs, theirs: mine }, true).content : theirs;
}
