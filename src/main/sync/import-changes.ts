import type { ChangeLogEntry } from '../../shared/changes';
import { toApiError } from '../errors';
import type { OpContext } from '../operations/context';
import { writeTransaction } from '../store/transaction';
import { parseChange, parseChangeLog, runbookIdsOf } from './change-files';
import type { ImportPlan } from './import-plan';
import { readWorkspaceFile, type FileProblem } from './incident-files';
import { changeOfPath, changePath } from './layout';
import { parseWindows, windowIds, windowsText } from './window-file';

/**
 * Takes into the store the changes and windows a sync brought in
 * (docs/sync.md): each change in one transaction (its record when it is new
 * here, its new log entries, and the record of the files taken in), and
 * windows.yaml entry by entry. A file or entry that cannot be read is a
 * problem with its line, left out; everything else is read.
 */

/** Marks files as taken in (sync_imports), inside the caller's transaction. */
type Record = (files: readonly string[]) => void;

/** Each change a sync touched, with its new files: its record's (when it changed) and its new log entries'. */
function changesOf(plan: ImportPlan): Map<string, { record: boolean; log: string[] }> {
  const changes = new Map<string, { record: boolean; log: string[] }>();
  const of = (uid: string) => {
    let found = changes.get(uid);
    if (!found) changes.set(uid, (found = { record: false, log: [] }));
    return found;
  };
  for (const file of plan.read.change ?? []) of(changeOfPath(file)?.change ?? '').record = true;
  for (const file of plan.read['change-log'] ?? []) of(changeOfPath(file)?.change ?? '').log.push(file);
  return changes;
}

/** Takes in the changes and log entries of a plan; returns the local ids of the changes that changed here. */
export function importChanges(context: OpContext, repoDir: string, plan: ImportPlan, record: Record, problems: FileProblem[]): number[] {
  const ids = runbookIdsOf(context.runbooks);
  const changed: number[] = [];
  for (const [uid, files] of changesOf(plan)) {
    const file = changePath(uid);
    let parsedRecord = null;
    if (files.record) {
      const text = readWorkspaceFile(repoDir, file, problems);
      const read = text === null ? null : parseChange(text, file, ids);
      if (read && 'problem' in read) problems.push(read.problem);
      parsedRecord = read && 'record' in read ? read.record : null;
      if (!parsedRecord && files.log.length === 0) continue;
    }
    const entries: ChangeLogEntry[] = [];
    const logFiles: string[] = [];
    for (const logFile of files.log) {
      const text = readWorkspaceFile(repoDir, logFile, problems);
      const read = text === null ? null : parseChangeLog(text, logFile, ids);
      if (read && 'problem' in read) problems.push(read.problem);
      else if (read) {
        entries.push(read.entry);
        logFiles.push(logFile);
      }
    }
    try {
      // One transaction per change: its record, its new entries and the record that they were taken in.
      const done = writeTransaction(context.store, () => {
        const imported = context.changes.importShared(uid, parsedRecord, entries);
        record([...(parsedRecord ? [file] : []), ...logFiles]);
        return imported;
      });
      if (done.created || done.added > 0) changed.push(done.id);
    } catch (error) {
      problems.push({ path: files.record ? file : (logFiles[0] ?? file), line: null, message: toApiError(error).message });
    }
  }
  return changed;
}

/**
 * windows.yaml as merged: each window there is added or updated here; a window
 * here that the file no longer holds is removed only when this machine's
 * version before the merge (`before`) held it, i.e. another machine removed it.
 * A window added here since stays (it goes out with the next sync), and so does
 * one whose entry cannot be read. The store agrees with its own text of the
 * windows after (`agree`), so entries it could not read stay in the file until
 * this machine changes its windows. Returns whether anything changed.
 */
export function importWindows(context: OpContext, text: string, before: string | null, problems: FileProblem[], agree: (text: string) => void): boolean {
  const read = parseWindows(text);
  problems.push(...read.problems);
  if (read.windows === null) return false;
  const incoming = new Map(read.windows.map((window) => [window.uid, window]));
  const shared = windowIds(before);
  const keep = new Set(read.unreadable);
  const at = context.clock.now().toISOString();
  return writeTransaction(context.store, () => {
    let changed = false;
    for (const stored of context.changes.sharedWindows()) {
      const coming = incoming.get(stored.uid);
      if (coming) {
        incoming.delete(stored.uid);
        if (windowsText([coming]) === windowsText([stored])) continue;
        context.changes.repo.putWindow(coming, at);
        changed = true;
      } else if (shared.has(stored.uid) && !keep.has(stored.uid)) {
        context.changes.repo.removeWindow(stored.uid);
        changed = true;
      }
    }
    for (const window of incoming.values()) {
      context.changes.repo.putWindow(window, at);
      changed = true;
    }
    agree(windowsText(context.changes.sharedWindows()));
    return changed;
  });
}
