import type { EventFile, IncidentFile, SyncKind } from '../../shared/sync';
import { readEventFiles, readIncidentFile, type FileProblem } from './incident-files';
import { classifyPath, incidentOfPath, incidentPath } from './layout';
import type { PathChange } from './repository';

/**
 * What the store has to take in after a sync, from the paths it brought in:
 * files to read per kind, and per incident its changed incident.yaml and its
 * new events. Nothing the team removed from the repository is removed from
 * the store by this plan without a person: a removed event is a problem (events
 * are never removed, nor changes or their log entries), a removed runbook is
 * listed for the importer to archive.
 */
export interface ImportPlan {
  /** Files to read, by kind (`runbook`, `roster`, `drill`, …), in path order. */
  read: Partial<Record<SyncKind, string[]>>;
  /** Files the other machine removed, by kind. */
  removed: Partial<Record<SyncKind, string[]>>;
  incidents: { uid: string; incidentChanged: boolean; newEvents: string[] }[];
  problems: FileProblem[];
}

export function planImport(changes: readonly PathChange[]): ImportPlan {
  const plan: ImportPlan = { read: {}, removed: {}, incidents: [], problems: [] };
  const incidents = new Map<string, ImportPlan['incidents'][number]>();
  const incidentOf = (uid: string) => {
    let found = incidents.get(uid);
    if (!found) incidents.set(uid, (found = { uid, incidentChanged: false, newEvents: [] }));
    return found;
  };
  for (const { path: file, change } of [...changes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const kind = classifyPath(file);
    if (kind === 'other') continue;
    if (kind === 'event') {
      if (change === 'removed') plan.problems.push({ path: file, line: null, message: 'was removed from the repository; timeline events are never removed, so this machine keeps it' });
      else if (change === 'modified') plan.problems.push({ path: file, line: null, message: 'was changed in the repository; timeline events are never changed, so this machine keeps the event as first written' });
      else incidentOf(incidentOfPath(file)?.incident ?? '').newEvents.push(file);
      continue;
    }
    if (kind === 'change' || kind === 'change-log') {
      // A change's record and its log entries are written once and never changed or removed: a changed file is not taken in.
      const what = kind === 'change' ? 'a planned change is never changed or removed (its log says what happened to it)' : 'change log entries are never changed or removed';
      if (change === 'removed') plan.problems.push({ path: file, line: null, message: `was removed from the repository; ${what}, so this machine keeps it` });
      else if (change === 'modified') plan.problems.push({ path: file, line: null, message: `was changed in the repository; ${what}, so this machine keeps it as first written` });
      else plan.read[kind] = [...(plan.read[kind] ?? []), file];
      continue;
    }
    if (kind === 'incident') {
      if (change === 'removed') plan.problems.push({ path: file, line: null, message: 'was removed from the repository; incidents are never removed, so this machine keeps it' });
      else incidentOf(incidentOfPath(file)?.incident ?? '').incidentChanged = true;
      continue;
    }
    (change === 'removed' ? plan.removed : plan.read)[kind] = [...((change === 'removed' ? plan.removed : plan.read)[kind] ?? []), file];
  }
  plan.incidents = [...incidents.values()];
  return plan;
}

export interface IncidentImport {
  uid: string;
  /** The incident's file when it changed (or is new) and reads; null when unchanged or unreadable. */
  incident: IncidentFile | null;
  events: EventFile[];
}

/**
 * Reads what a plan says to take in for incidents: each changed incident.yaml
 * and each new event. A file that cannot be read is a problem, with its line,
 * and is left out; everything else is read.
 */
export function readPlannedIncidents(repoDir: string, plan: ImportPlan): { incidents: IncidentImport[]; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const incidents = plan.incidents.map(({ uid, incidentChanged, newEvents }) => ({
    uid,
    incident: incidentChanged ? readIncidentFile(repoDir, incidentPath(uid), problems) : null,
    events: readEventFiles(repoDir, newEvents, problems),
  }));
  return { incidents, problems };
}
