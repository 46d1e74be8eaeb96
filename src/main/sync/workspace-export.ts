import { createHash } from 'node:crypto';
import type { OpContext } from '../operations/context';
import { runbookExportFiles } from '../runbooks/export';
import { writeTransaction } from '../store/transaction';
import { eventText, incidentText, writeWhole } from './incident-files';
import { drillPath, eventPath, incidentPath, LAYOUT } from './layout';
import type { SyncLedger } from './repo';

/** Git's id of a file's content (`git hash-object`): what `sync_imports` records. */
export function blobId(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Writes the store's shared data into the workspace's working copy, in the
 * layout of docs/sync.md: runbooks (the export format), roster.yaml, drills,
 * SLOs, incidents with one file per event. Personal settings are not shared.
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
  for (const [relative, content] of runbookExportFiles(context.runbooks, false)) write(`${LAYOUT.runbooks}/${relative}`, content);
  const roster = context.rosters.roster();
  if (roster.people.length + roster.teams.length > 0 || known.has(LAYOUT.roster)) write(LAYOUT.roster, context.rosters.exportYaml());
  for (const scenario of context.drills.sharedScenarios()) write(drillPath(scenario.uid), scenario.markdown);
  for (const file of context.slos.exportFiles()) write(`${LAYOUT.slos}/${file.relativePath}`, file.text);
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
  });
  return written.length;
}
