import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OpContext } from '../operations/context';
import { runbookExportFiles } from '../runbooks/export';
import { writeTransaction } from '../store/transaction';
import { eventText, incidentText, writeWhole } from './incident-files';
import { changeLogText, changeText, runbookIdsOf } from './change-files';
import { changeLogPath, changePath, drillPath, eventPath, GIT_ATTRIBUTES, incidentPath, LAYOUT } from './layout';
import { windowsText } from './window-file';
import type { SyncLedger } from './repo';

/** Git's id of a file's content (`git hash-object`): what `sync_imports` records. */
export function blobId(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Writes the store's shared data into the workspace's working copy, in the
 * layout of docs/sync.md: runbooks (the export format; the file of a runbook
 * archived here is removed), roster.yaml, drills, SLOs, changes with one file
 * per log entry, windows.yaml, incidents with one file per event. Personal
 * settings are not shared.
 * A file is written only where the store's text differs from the version the
 * store last agreed with (sync_imports), so a teammate's version this store
 * could not read stays as it came until someone fixes it. Returns how many
 * files it wrote.
 */
export function exportToWorkspace(context: OpContext, ledger: SyncLedger, repoDir: string): number {
  const known = ledger.all();
  const at = context.clock.now().toISOString();
  const written: [string, string][] = [];
  const write = (file: string, content: string | Buffer) => {
    const blob = blobId(content);
    if (known.get(file) === blob) return;
    writeWhole(repoDir, file, content);
    written.push([file, blob]);
  };
  write(LAYOUT.attributes, GIT_ATTRIBUTES);
  const runbooks = new Set<string>();
  for (const [relative, content] of runbookExportFiles(context.runbooks, false)) {
    runbooks.add(`${LAYOUT.runbooks}/${relative}`);
    write(`${LAYOUT.runbooks}/${relative}`, content);
  }
  const removed = removeGoneRunbooks(repoDir, known, runbooks);
  const roster = context.rosters.roster();
  if (roster.people.length + roster.teams.length > 0 || known.has(LAYOUT.roster)) write(LAYOUT.roster, context.rosters.exportYaml());
  for (const scenario of context.drills.sharedScenarios()) write(drillPath(scenario.uid), scenario.markdown);
  for (const file of context.slos.exportFiles()) write(`${LAYOUT.slos}/${file.relativePath}`, file.text);
  const ids = runbookIdsOf(context.runbooks);
  // A change's record and its log entries are written once: one already shared is not written again.
  for (const { id: _id, log, ...record } of context.changes.sharedChanges()) {
    if (!known.has(changePath(record.uid))) write(changePath(record.uid), changeText(record, ids));
    for (const entry of log) if (!known.has(changeLogPath(record.uid, entry.uid))) write(changeLogPath(record.uid, entry.uid), changeLogText(entry, ids));
  }
  const windows = context.changes.sharedWindows();
  if (windows.length > 0 || known.has(LAYOUT.windows)) write(LAYOUT.windows, windowsText(windows));
  for (const { incident, events } of context.incidents.sharedIncidents()) {
    write(incidentPath(incident.uid), incidentText(incident));
    // Events are written once and never changed: one already shared is not read again.
    for (const event of events) {
      const file = eventPath(incident.uid, event.uid);
      if (!known.has(file)) write(file, eventText(event));
    }
  }
  writeTransaction(context.store, () => {
    for (const [file, blob] of written) ledger.set(file, blob, at);
    for (const file of removed) ledger.remove(file);
  });
  return written.length + removed.length;
}

/**
 * Removes from the working copy the runbook files (and their images) the store
 * no longer writes: a runbook archived here, or one whose file moved. Only a
 * file the store agrees with as it stands (its blob the one sync_imports
 * records) is removed, so a teammate's version this store could not read is
 * never removed. The next sync shares the removal; the other machines archive
 * the runbook (workspace-import.ts).
 */
function removeGoneRunbooks(repoDir: string, known: ReadonlyMap<string, string>, written: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const [file, blob] of known) {
    if (!file.startsWith(`${LAYOUT.runbooks}/`) || written.has(file)) continue;
    const full = path.join(repoDir, ...file.split('/'));
    let content: Buffer;
    try {
      content = fs.readFileSync(full);
    } catch {
      continue;
    }
    if (blobId(content) !== blob) continue;
    fs.rmSync(full);
    removed.push(file);
  }
  return removed;
}
