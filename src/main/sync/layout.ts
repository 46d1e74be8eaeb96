import type { PulledCounts, SyncKind } from '../../shared/sync';
import { isUid } from './ids';

/**
 * The shared workspace's layout (docs/sync.md): one readable file per thing a
 * team shares, named so that two machines never write the same file for two
 * different things. Paths are POSIX, relative to the repository's top.
 */
export const LAYOUT = {
  runbooks: 'runbooks',
  roster: 'roster.yaml',
  drills: 'drills',
  slos: 'slos',
  changes: 'changes',
  windows: 'windows.yaml',
  incidents: 'incidents',
  attributes: '.gitattributes',
} as const;

export const incidentDir = (incidentUid: string): string => `${LAYOUT.incidents}/${incidentUid}`;
export const incidentPath = (incidentUid: string): string => `${incidentDir(incidentUid)}/incident.yaml`;
export const eventsDir = (incidentUid: string): string => `${incidentDir(incidentUid)}/events`;
export const eventPath = (incidentUid: string, eventUid: string): string => `${eventsDir(incidentUid)}/${eventUid}.json`;
export const drillPath = (drillUid: string): string => `${LAYOUT.drills}/${drillUid}.md`;
export const changeDir = (changeUid: string): string => `${LAYOUT.changes}/${changeUid}`;
export const changePath = (changeUid: string): string => `${changeDir(changeUid)}/change.yaml`;
export const changeLogPath = (changeUid: string, entryUid: string): string => `${changeDir(changeUid)}/log/${entryUid}.json`;

const INCIDENT = /^incidents\/([^/]+)\/incident\.yaml$/;
const EVENT = /^incidents\/([^/]+)\/events\/([^/]+)\.json$/;
const CHANGE = /^changes\/([^/]+)\/change\.yaml$/;
const CHANGE_LOG = /^changes\/([^/]+)\/log\/([^/]+)\.json$/;

/** What a path of the workspace holds; `other` for anything Holdfast does not read. */
export function classifyPath(path: string): SyncKind {
  if (path === LAYOUT.roster) return 'roster';
  if (path === LAYOUT.windows) return 'windows';
  if (path.startsWith(`${LAYOUT.runbooks}/`) && path.endsWith('.md')) return 'runbook';
  if (/^drills\/[^/]+\.md$/.test(path)) return 'drill';
  if (/^slos\/.+\.ya?ml$/.test(path)) return 'slo';
  const change = CHANGE.exec(path);
  if (change && isUid(change[1] ?? '')) return 'change';
  const entry = CHANGE_LOG.exec(path);
  if (entry && isUid(entry[1] ?? '') && isUid(entry[2] ?? '')) return 'change-log';
  const incident = INCIDENT.exec(path);
  if (incident && isUid(incident[1] ?? '')) return 'incident';
  const event = EVENT.exec(path);
  if (event && isUid(event[1] ?? '') && isUid(event[2] ?? '')) return 'event';
  return 'other';
}

/** The change and log entry uids a path names (null for paths that are not a change's). */
export function changeOfPath(path: string): { change: string; entry: string | null } | null {
  const entry = CHANGE_LOG.exec(path);
  if (entry) return { change: entry[1] ?? '', entry: entry[2] ?? '' };
  const change = CHANGE.exec(path);
  return change ? { change: change[1] ?? '', entry: null } : null;
}

/** The incident and event uids a path names (null for paths that are not an incident's). */
export function incidentOfPath(path: string): { incident: string; event: string | null } | null {
  const event = EVENT.exec(path);
  if (event) return { incident: event[1] ?? '', event: event[2] ?? '' };
  const incident = INCIDENT.exec(path);
  return incident ? { incident: incident[1] ?? '', event: null } : null;
}

const PLURAL: Record<SyncKind, string | null> = {
  runbook: 'runbooks',
  roster: 'roster',
  drill: 'drills',
  slo: 'slos',
  change: 'changes',
  'change-log': 'changeLog',
  windows: 'windows',
  incident: 'incidents',
  event: 'events',
  other: null,
};

/** `{"runbooks": 3, "events": 1000, …}` for the paths a sync brought in (every kind there, 0 when none). */
export function countByKind(paths: readonly string[]): PulledCounts {
  const counts: PulledCounts = {};
  for (const name of Object.values(PLURAL)) if (name) counts[name] = 0;
  for (const path of paths) {
    const name = PLURAL[classifyPath(path)];
    if (name) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/**
 * `.gitattributes` of a workspace: files merged per entry or per field by
 * Holdfast are binary to git's own merge (`-merge`), so a change on both sides
 * always comes to Holdfast whole instead of as interleaved lines; runbooks keep
 * git's three-way text merge. Events are never changed once written.
 */
export const GIT_ATTRIBUTES = [
  '# Written by Holdfast (docs/sync.md). Holdfast merges these per entry, not per line.',
  `${LAYOUT.roster} -merge`,
  `${LAYOUT.windows} -merge`,
  'drills/*.md -merge',
  'slos/**/*.yaml -merge',
  'incidents/*/incident.yaml -merge',
  'incidents/*/events/*.json -merge -text',
  'changes/*/change.yaml -merge',
  'changes/*/log/*.json -merge -text',
  '',
].join('\n');
