import fs from 'node:fs';
import path from 'node:path';
import { removedCount } from '../../shared/rosters';
import { toApiError } from '../errors';
import type { OpContext } from '../operations/context';
import { readFrontMatterYaml } from '../runbooks/format/front-matter';
import { importRunbooks } from '../runbooks/import';
import { backupBeforeRemoval } from '../store/backup';
import { writeTransaction } from '../store/transaction';
import { isUid } from './ids';
import { importChanges, importWindows } from './import-changes';
import { planImport, readPlannedIncidents } from './import-plan';
import type { FileProblem } from './incident-files';
import { eventPath, incidentPath, LAYOUT } from './layout';
import type { SyncLedger } from './repo';
import type { PathChange } from './repository';
import { blobId } from './workspace-export';

/** What a sync took into the store, and each file it could not read (with its line), left out. */
export interface WorkspaceImport {
  incidents: number;
  events: number;
  problems: FileProblem[];
  /** Runbooks another machine removed, archived here (never deleted). */
  archived: ArchivedRunbook[];
  /** Which kinds of data changed, for the change events that refresh the screens. */
  changed: { runbooks: boolean; roster: boolean; drills: boolean; slos: boolean; changes: boolean; incidents: number[] };
}

/** A runbook archived because another machine removed its file: where it was, its stable id and title. */
export interface ArchivedRunbook {
  path: string;
  runbook: string;
  title: string;
}

/** A file's text as this machine had it before the sync's merge; null where it had none. */
export type BeforeMerge = (file: string) => Promise<string | null>;

/**
 * Takes into the store what a sync brought into the workspace: runbooks (by
 * their front matter id), the roster, drills, SLOs, and each incident in one
 * transaction (the incident, its new events, and the record of what was taken
 * in), so a kill between two incidents leaves whole ones. Events are inserted
 * only when the store does not hold their uid. A file that cannot be read is a
 * problem with its path and line; nothing it would have changed is changed, and
 * everything else is read. Each file read is recorded in sync_imports.
 */
export async function importFromWorkspace(
  context: OpContext,
  ledger: SyncLedger,
  repoDir: string,
  changes: readonly PathChange[],
  author: string,
  before: BeforeMerge,
): Promise<WorkspaceImport> {
  const plan = planImport(changes);
  const result: WorkspaceImport = {
    incidents: 0,
    events: 0,
    problems: [...plan.problems],
    archived: [],
    changed: { runbooks: false, roster: false, drills: false, slos: false, changes: false, incidents: [] },
  };
  const at = context.clock.now().toISOString();
  const full = (file: string) => path.join(repoDir, ...file.split('/'));
  const relative = (file: string) => path.relative(repoDir, path.resolve(file)).split(path.sep).join('/');
  const record = (files: readonly string[]) =>
    writeTransaction(context.store, () => {
      for (const file of files) if (fs.existsSync(full(file))) ledger.set(file, blobId(fs.readFileSync(full(file))), at);
    });
  const problem = (file: string, error: unknown) => result.problems.push({ path: file, line: lineOf(errorMessage(error)), message: errorMessage(error) });

  const runbooks = plan.read.runbook ?? [];
  if (runbooks.length > 0) {
    const report = await importRunbooks(context.runbooks, [full(LAYOUT.runbooks)], author);
    const failed = new Set(report.failed.map((failure) => relative(failure.path)));
    for (const failure of report.failed) result.problems.push({ path: relative(failure.path), line: lineOf(failure.error), message: failure.error });
    const read = runbooks.filter((file) => !failed.has(file));
    record(read);
    result.changed.runbooks = report.imported + report.updated > 0;
    if (bringBack(context, read.map(full)) > 0) result.changed.runbooks = true;
  }
  for (const file of plan.removed.runbook ?? []) {
    const archived = archiveRemoved(context, file, await before(file));
    if (archived) result.archived.push(archived);
    ledger.remove(file);
  }
  if (result.archived.length > 0) result.changed.runbooks = true;
  if (plan.read.roster) {
    try {
      const rosterPlan = context.rosters.planImport(full(LAYOUT.roster));
      const backup = removedCount(rosterPlan.report) > 0 ? await backupBeforeRemoval(context.store, context.options.dataDir, context.clock.now(), 'sync-roster') : null;
      context.rosters.apply(rosterPlan, backup?.file ?? null);
      record([LAYOUT.roster]);
      result.changed.roster = true;
    } catch (error) {
      problem(LAYOUT.roster, error);
    }
  }
  for (const file of plan.read.drill ?? []) {
    try {
      const name = path.posix.basename(file, '.md');
      context.drills.importScenarioText(fs.readFileSync(full(file), 'utf8'), file, isUid(name) ? name : undefined);
      record([file]);
      result.changed.drills = true;
    } catch (error) {
      problem(file, error);
    }
  }
  const slos = plan.read.slo ?? [];
  if (slos.length > 0) {
    const report = context.slos.importPaths(slos.map(full));
    const failed = new Set(report.failed.map((failure) => relative(failure.path)));
    for (const failure of report.failed) result.problems.push({ path: relative(failure.path), line: lineOf(failure.error), message: failure.error });
    record(slos.filter((file) => !failed.has(file)));
    result.changed.slos = report.imported + report.updated > 0;
  }

  const changedHere = importChanges(context, repoDir, plan, record, result.problems);
  if (plan.read.windows) {
    const text = fs.existsSync(full(LAYOUT.windows)) ? fs.readFileSync(full(LAYOUT.windows), 'utf8') : '';
    const agree = (own: string) => ledger.set(LAYOUT.windows, blobId(own), at);
    if (importWindows(context, text, await before(LAYOUT.windows), result.problems, agree)) changedHere.push(0);
  }
  result.changed.changes = changedHere.length > 0;

  const read = readPlannedIncidents(repoDir, plan);
  result.problems.push(...read.problems);
  for (const incident of read.incidents) {
    try {
      // One transaction per incident: the incident, its new events and the record that they were taken in.
      const imported = writeTransaction(context.store, () => {
        const done = context.incidents.importShared(incident.uid, incident.incident, incident.events);
        record([...(incident.incident ? [incidentPath(incident.uid)] : []), ...incident.events.map((event) => eventPath(incident.uid, event.uid))]);
        return done;
      });
      if (imported.created) result.incidents++;
      result.events += imported.added;
      if (imported.created || imported.added > 0) result.changed.incidents.push(imported.incidentId);
    } catch (error) {
      problem(incidentPath(incident.uid), error);
    }
  }
  return result;
}

/**
 * The runbook whose file another machine removed, archived here: the one its
 * front matter id names (as this machine had the file), when it is still at
 * that path and active. A runbook moved to another file (its id there) is not
 * archived; one that could not be told is left alone.
 */
function archiveRemoved(context: OpContext, file: string, text: string | null): ArchivedRunbook | null {
  const uid = text === null ? null : frontMatterId(text);
  const id = uid === null ? undefined : context.runbooks.findByUid(uid);
  if (id === undefined || uid === null) return null;
  const runbook = context.runbooks.get(id);
  if (runbook.archived || `${LAYOUT.runbooks}/${runbook.relativePath ?? ''}` !== file) return null;
  context.runbooks.setArchived(id, true);
  return { path: file, runbook: uid, title: runbook.title };
}

/**
 * Brings back a runbook archived here whose file came in changed: removed here
 * and changed on another machine, the changed one is kept (the merge lists the
 * conflict), so it is active again rather than removed by this machine's next
 * sync. Returns how many came back.
 */
function bringBack(context: OpContext, files: readonly string[]): number {
  const archived = new Map(context.runbooks.summaries(true).map((summary) => [summary.uid, summary.id]));
  if (archived.size === 0) return 0;
  let back = 0;
  for (const file of files) {
    const uid = frontMatterId(fs.readFileSync(file, 'utf8'));
    const id = uid === null ? undefined : archived.get(uid);
    if (id === undefined) continue;
    context.runbooks.setArchived(id, false);
    back++;
  }
  return back;
}

/** The `id` of a runbook file's front matter (`rb_…`), if it has one. */
function frontMatterId(text: string): string | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return null;
  try {
    const id = readFrontMatterYaml(match[1] ?? '').id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** An error in words, with its further lines (a refused roster's problems, each with its line). */
function errorMessage(error: unknown): string {
  const { message, details } = toApiError(error);
  return [message, ...(details ?? [])].join(' ');
}

/** The line a message names (`… line 12 …`, `file.yaml:12`), if any. */
function lineOf(message: string): number | null {
  const match = /\bline (\d+)|:(\d+)(?::\d+)?\b/.exec(message);
  const line = match?.[1] ?? match?.[2];
  return line === undefined ? null : Number(line);
}
