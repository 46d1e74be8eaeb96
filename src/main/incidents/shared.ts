import type { Severity } from '../../shared/incidents';
import type { EventFile, IncidentFile } from '../../shared/sync';
import { HoldfastError } from '../errors';
import { deriveState } from '../sync/timeline';
import type { EventRow, IncidentRepo, IncidentRow } from './repo';
import { attachTaken, replaySteps, runbookFromFile, runbookToFile, type LocalRunbooks } from './shared-runbooks';

/**
 * Incidents as the team's shared workspace holds them (docs/sync.md): the
 * incident's file and one file per event, named by uid. Local integer ids never
 * leave the store: a correction names the event it corrects by uid
 * (`supersedes`), a key mark its event (`data.event`), an attachment or a step
 * its runbook by stable id (shared-runbooks.ts), and an import maps them back.
 */

export function incidentToFile(row: IncidentRow & { uid: string }, declared: EventRow | undefined): IncidentFile {
  // The file says what the incident was when declared; its timeline says what became of it.
  const at = declared?.data ? (JSON.parse(declared.data) as { severity?: Severity }) : {};
  return {
    uid: row.uid,
    title: row.title,
    severity: at.severity ?? row.severity,
    services: JSON.parse(row.services) as string[],
    drill: row.drill === 1,
    started_at: row.started_at,
    detected_at: row.detected_at,
    declared_at: row.declared_at,
    time_zone: row.time_zone,
  };
}

/** An event's file, its local references said by uid (and its runbook by stable id, when `runbooks` are given). */
export function eventToFile(row: EventRow & { uid: string }, incidentUid: string, uidOf: (eventId: number) => string | null, runbooks?: Pick<LocalRunbooks, 'stableId'>): EventFile {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  if (runbooks) runbookToFile(row.type, data, runbooks);
  let supersedes: string | null = null;
  if (row.type === 'correction' && typeof data.supersedes === 'number') {
    supersedes = uidOf(data.supersedes);
    delete data.supersedes;
  }
  if ((row.type === 'key_marked' || row.type === 'key_unmarked') && typeof data.eventId === 'number') {
    data.event = uidOf(data.eventId);
    delete data.eventId;
  }
  return { uid: row.uid, incident: incidentUid, at: new Date(row.at).toISOString(), type: row.type, actor: row.actor, actor_handle: row.actor_handle, text: row.text, data, supersedes };
}

/** Every shared incident with its events, as files. */
export function sharedIncidents(repo: IncidentRepo, runbooks: Pick<LocalRunbooks, 'stableId'>): { incident: IncidentFile; events: EventFile[] }[] {
  return repo.shared().map((row) => {
    const events = repo.sharedEvents(row.id);
    const uids = new Map(events.map((event) => [event.id, event.uid]));
    const uidOf = (id: number) => uids.get(id) ?? null;
    return { incident: incidentToFile(row, events.find((event) => event.type === 'declared')), events: events.map((event) => eventToFile(event, row.uid, uidOf, runbooks)) };
  });
}

export interface SharedImport {
  incidentId: number;
  /** Events this store did not hold. */
  added: number;
  /** Whether the incident was new to this store. */
  created: boolean;
}

/**
 * Takes in an incident another machine shared: creates it if this store does
 * not know its uid, adds the events it does not hold (a uid it holds is left as
 * it is: events are never changed), and sets the incident's state to what its
 * whole timeline says. The caller runs it in one transaction per incident.
 */
export function importShared(
  repo: IncidentRepo,
  uid: string,
  file: IncidentFile | null,
  events: readonly EventFile[],
  indexEvent: (incidentId: number, type: EventRow['type'], text: string) => void,
  runbooks: LocalRunbooks,
): SharedImport {
  let row = repo.byUid(uid);
  const created = !row;
  if (!row) {
    if (!file) throw new HoldfastError('VALIDATION', `incidents/${uid}/incident.yaml could not be read, so the incident’s events were left out; fix the file and sync again.`);
    repo.insert({ uid, title: file.title, severity: file.severity, services: file.services, drill: file.drill, startedAt: iso(file.started_at), detectedAt: iso(file.detected_at), declaredAt: iso(file.declared_at), timeZone: file.time_zone });
    row = repo.byUid(uid);
    if (!row) throw new HoldfastError('INTERNAL', `The incident ${uid} was not stored.`);
  }
  const incidentId = row.id;
  let added = 0;
  let steps = false;
  for (const event of [...events].sort((a, b) => (a.at === b.at ? (a.uid < b.uid ? -1 : 1) : Date.parse(a.at) - Date.parse(b.at)))) {
    const data: Record<string, unknown> = { ...event.data };
    const target = typeof data.event === 'string' ? repo.eventIdByUid(data.event) : undefined;
    if (target !== undefined) data.eventId = target;
    const superseded = event.supersedes ? repo.eventIdByUid(event.supersedes) : undefined;
    if (superseded !== undefined) data.supersedes = superseded;
    const runbookId = runbookFromFile(event.type, data, runbooks);
    const id = repo.importEvent({ uid: event.uid, incidentId, at: iso(event.at), type: event.type, actor: event.actor, actorHandle: event.actor_handle, text: event.text, data });
    if (id === null) continue;
    added++;
    if (superseded !== undefined) repo.supersede(superseded, id);
    indexEvent(incidentId, event.type, event.text);
    if (runbookId !== undefined) {
      if (event.type === 'runbook_attached') attachTaken(repo, incidentId, runbookId, iso(event.at), runbooks);
      steps = true;
    }
    const person = data.person as { handle?: unknown; name?: unknown } | undefined;
    if (event.type === 'role_assigned' && typeof data.role === 'string' && typeof person?.handle === 'string' && typeof person.name === 'string') {
      repo.setRole(incidentId, data.role, { handle: person.handle, name: person.name }, iso(event.at));
    }
  }
  if (added > 0) applyTimeline(repo, { ...row, uid }, file);
  if (steps) replaySteps(repo, incidentId, repo.sharedEvents(incidentId));
  return { incidentId, added, created };
}

/** Sets the incident's status, severity and times to what its whole timeline says, the same on every machine. */
function applyTimeline(repo: IncidentRepo, row: IncidentRow & { uid: string }, file: IncidentFile | null): void {
  const rows = repo.sharedEvents(row.id);
  const uids = new Map(rows.map((event) => [event.id, event.uid]));
  const events = rows.map((event) => eventToFile(event, row.uid, (id) => uids.get(id) ?? null));
  const state = deriveState(file ?? incidentToFile(row, rows.find((event) => event.type === 'declared')), events);
  const latest = (type: EventRow['type']) => events.filter((event) => event.type === type).at(-1);
  const resolved = state.status === 'resolved' ? latest('status_changed') : undefined;
  const mitigated = events.find((event) => event.type === 'status_changed' && ['monitoring', 'resolved'].includes(String(event.data.to)));
  repo.update({
    ...row,
    status: state.status,
    severity: state.severity,
    acknowledged_at: state.acknowledgedAt,
    resolved_at: state.resolvedAt,
    mitigated_at: mitigated?.at ?? row.mitigated_at,
    resolution_summary: typeof resolved?.data.summary === 'string' ? resolved.data.summary : row.resolution_summary,
    last_update_at: latest('status_update')?.at ?? row.last_update_at,
  });
}

const iso = (value: string): string => new Date(value).toISOString();
