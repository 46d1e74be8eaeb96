import type {
  AttachedRunbook,
  EventType,
  IncidentStatus,
  IncidentStep,
  IncidentSummary,
  RoleAssignment,
  Severity,
  StepState,
  TimelineEvent,
} from '../../shared/incidents';
import type { RunbookStep } from '../../shared/runbooks';
import type { Store } from '../store/open';
import { writeTransaction } from '../store/transaction';

export interface IncidentRow {
  id: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  services: string;
  drill: 0 | 1;
  started_at: string;
  detected_at: string;
  declared_at: string;
  acknowledged_at: string | null;
  mitigated_at: string | null;
  resolved_at: string | null;
  resolution_summary: string;
  last_update_at: string | null;
  time_zone: string;
  impact_started_at: string | null;
  impact_percent: number | null;
}

/** What the SLOs count of an incident (src/main/slos/incidents.ts), named as they name it. */
export interface ImpactRow {
  id: number;
  title: string;
  /** JSON. */
  services: string;
  startedAt: string;
  impactStartedAt: string | null;
  impactPercent: number | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
}

export interface EventRow {
  id: number;
  incident_id: number;
  at: string;
  type: EventType;
  actor: string;
  actor_handle: string | null;
  text: string;
  data: string;
  superseded_by: number | null;
}

interface CommanderColumns {
  commander_handle: string | null;
  commander_name: string | null;
  commander_assigned_at: string | null;
}

export type TimelineFilter = 'all' | 'notes' | 'key' | 'steps';

const FILTER_TYPES: Record<Exclude<TimelineFilter, 'all' | 'key'>, EventType[]> = {
  notes: ['note'],
  steps: ['step_started', 'step_done', 'step_skipped', 'step_failed'],
};

const TIMELINE_ORDER = "at, ifnull(uid, ''), id";

/** All SQL for incidents. */
export class IncidentRepo {
  private readonly statements;

  constructor(private readonly db: Store) {
    this.statements = {
      insert: db.prepare(`
        INSERT INTO incidents (uid, title, severity, status, services, drill, started_at, detected_at, declared_at, time_zone)
        VALUES (@uid, @title, @severity, 'investigating', @services, @drill, @startedAt, @detectedAt, @declaredAt, @timeZone)`),
      get: db.prepare<[number], IncidentRow>('SELECT * FROM incidents WHERE id = ?'),
      // Real incidents (never drills) that started in the range, for the metrics.
      started: db.prepare<{ from: string | null; to: string | null }, IncidentRow>(`
        SELECT * FROM incidents
        WHERE drill = 0 AND (@from IS NULL OR started_at >= @from) AND (@to IS NULL OR started_at < date(@to, '+1 day'))
        ORDER BY started_at`),
      // Each incident with its commander, in one statement (not one roles query per incident).
      list: db.prepare<{ open: 0 | 1; drills: 0 | 1 }, IncidentRow & CommanderColumns>(`
        SELECT i.*, c.person_handle AS commander_handle, c.person_name AS commander_name, c.assigned_at AS commander_assigned_at
        FROM incidents i LEFT JOIN incident_roles c ON c.incident_id = i.id AND c.role = 'commander'
        WHERE (@open = 0 OR i.status != 'resolved') AND (@drills = 1 OR i.drill = 0)
        ORDER BY (i.status = 'resolved'), i.started_at DESC, i.id DESC`),
      update: db.prepare(`
        UPDATE incidents SET severity = @severity, status = @status, acknowledged_at = @acknowledged_at,
          mitigated_at = @mitigated_at, resolved_at = @resolved_at, resolution_summary = @resolution_summary,
          last_update_at = @last_update_at, impact_started_at = @impact_started_at, impact_percent = @impact_percent
        WHERE id = @id`),
      // Incidents whose impact may reach into [since, …): open ones, and those resolved since.
      impacts: db.prepare<{ since: string }, ImpactRow>(`
        SELECT id, title, services, started_at AS startedAt, impact_started_at AS impactStartedAt, impact_percent AS impactPercent,
          mitigated_at AS mitigatedAt, resolved_at AS resolvedAt
        FROM incidents WHERE drill = 0 AND (resolved_at IS NULL OR resolved_at >= @since) ORDER BY started_at, id`),
      appendEvent: db.prepare(`
        INSERT INTO incident_events (uid, incident_id, at, type, actor, actor_handle, text, data)
        VALUES (@uid, @incidentId, @at, @type, @actor, @actorHandle, @text, @data)`),
      supersede: db.prepare('UPDATE incident_events SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL'),
      // Team sync (src/main/incidents/shared.ts): what crosses machines is named by uid.
      shared: db.prepare<[], IncidentRow & { uid: string }>('SELECT * FROM incidents WHERE uid IS NOT NULL ORDER BY id'),
      byUid: db.prepare<[string], IncidentRow & { uid: string }>('SELECT * FROM incidents WHERE uid = ?'),
      sharedEvents: db.prepare<[number], EventRow & { uid: string }>(`SELECT * FROM incident_events WHERE incident_id = ? AND uid IS NOT NULL ORDER BY ${TIMELINE_ORDER}`),
      eventIdByUid: db.prepare<[string], { id: number }>('SELECT id FROM incident_events WHERE uid = ?'),
      // The changes of the fields two machines may change at once (status, severity): what their heads are worked out from.
      fieldChanges: db.prepare<[number], EventRow & { uid: string }>(
        `SELECT * FROM incident_events WHERE incident_id = ? AND uid IS NOT NULL AND type IN ('status_changed', 'severity_changed') ORDER BY ${TIMELINE_ORDER}`,
      ),
      importEvent: db.prepare(`
        INSERT INTO incident_events (uid, incident_id, at, type, actor, actor_handle, text, data)
        VALUES (@uid, @incidentId, @at, @type, @actor, @actorHandle, @text, @data) ON CONFLICT(uid) DO NOTHING`),
      // Timeline order is time, then uid (then the local id): the order every machine holding the same events agrees on,
      // whichever of them wrote each event (docs/sync.md); events written here have uids that grow with each one.
      event: db.prepare<[number, number], EventRow & { seq: number }>(`
        SELECT e.*, (SELECT count(*) FROM incident_events s WHERE s.incident_id = e.incident_id
          AND (s.at, ifnull(s.uid, ''), s.id) <= (e.at, ifnull(e.uid, ''), e.id)) AS seq
        FROM incident_events e WHERE e.incident_id = ? AND e.id = ?`),
      events: db.prepare<[number], EventRow>(`SELECT * FROM incident_events WHERE incident_id = ? ORDER BY ${TIMELINE_ORDER}`),
      keyMarks: db.prepare<[number], { type: EventType; data: string }>(`
        SELECT type, data FROM incident_events INDEXED BY incident_events_key_marks
        WHERE incident_id = ? AND type IN ('key_marked', 'key_unmarked') ORDER BY ${TIMELINE_ORDER}`),
      firstOfType: db.prepare<[number, string], { actor: string; at: string }>(
        `SELECT actor, at FROM incident_events WHERE incident_id = ? AND type = ? ORDER BY ${TIMELINE_ORDER} LIMIT 1`,
      ),
      eventCount: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM incident_events WHERE incident_id = ?'),
      roles: db.prepare<[number], { role: string; person_handle: string; person_name: string; assigned_at: string }>(
        'SELECT role, person_handle, person_name, assigned_at FROM incident_roles WHERE incident_id = ? ORDER BY assigned_at, role',
      ),
      setRole: db.prepare(`
        INSERT INTO incident_roles (incident_id, role, person_handle, person_name, assigned_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(incident_id, role) DO UPDATE SET person_handle = excluded.person_handle,
          person_name = excluded.person_name, assigned_at = excluded.assigned_at`),
      runbooks: db.prepare<[number], { runbook_id: number; title: string; revision: number; steps: string; attached_at: string }>(
        'SELECT runbook_id, title, revision, steps, attached_at FROM incident_runbooks WHERE incident_id = ? ORDER BY attached_at, runbook_id',
      ),
      attach: db.prepare(
        'INSERT INTO incident_runbooks (incident_id, runbook_id, title, revision, steps, attached_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      stepStates: db.prepare<[number], { runbook_id: number; step_id: string; state: StepState; started_at: string | null; finished_at: string | null; note: string; actor: string | null }>(
        'SELECT runbook_id, step_id, state, started_at, finished_at, note, actor FROM incident_steps WHERE incident_id = ?',
      ),
      setStep: db.prepare(`
        INSERT INTO incident_steps (incident_id, runbook_id, step_id, state, started_at, finished_at, note, actor)
        VALUES (@incidentId, @runbookId, @stepId, @state, @startedAt, @finishedAt, @note, @actor)
        ON CONFLICT(incident_id, runbook_id, step_id) DO UPDATE SET state = excluded.state,
          started_at = excluded.started_at, finished_at = excluded.finished_at, note = excluded.note, actor = excluded.actor`),
    };
  }

  inWriteTransaction<T>(work: () => T): T {
    return writeTransaction(this.db, work);
  }

  insert(incident: { uid: string; title: string; severity: Severity; services: string[]; drill: boolean; startedAt: string; detectedAt: string; declaredAt: string; timeZone: string }): number {
    const info = this.statements.insert.run({ ...incident, services: JSON.stringify(incident.services), drill: incident.drill ? 1 : 0 });
    return Number(info.lastInsertRowid);
  }

  get(id: number): IncidentRow | undefined {
    return this.statements.get.get(id);
  }

  /** Incidents, open ones first, each with its commander (if one is assigned). */
  /** Real incidents (drills left out) that started from `from` to the end of the day `to`, oldest first. */
  started(range: { from: string | null; to: string | null }): IncidentRow[] {
    return this.statements.started.all(range);
  }

  list(open: boolean, includeDrills: boolean): { row: IncidentRow; commander: RoleAssignment | undefined }[] {
    return this.statements.list.all({ open: open ? 1 : 0, drills: includeDrills ? 1 : 0 }).map(({ commander_handle, commander_name, commander_assigned_at, ...row }) => ({
      row,
      commander:
        commander_handle !== null && commander_name !== null && commander_assigned_at !== null
          ? { role: 'commander', person: { handle: commander_handle, name: commander_name }, assignedAt: commander_assigned_at }
          : undefined,
    }));
  }

  impacts(since: string): ImpactRow[] {
    return this.statements.impacts.all({ since });
  }

  update(row: IncidentRow): void {
    this.statements.update.run(row);
  }

  append(event: { uid: string; incidentId: number; at: string; type: EventType; actor: string; actorHandle?: string | null; text: string; data?: Record<string, unknown> }): number {
    return Number(this.statements.appendEvent.run({ ...event, actorHandle: event.actorHandle ?? null, data: JSON.stringify(event.data ?? {}) }).lastInsertRowid);
  }

  /** Every incident that has a uid, with it. */
  shared(): (IncidentRow & { uid: string })[] {
    return this.statements.shared.all();
  }

  byUid(uid: string): (IncidentRow & { uid: string }) | undefined {
    return this.statements.byUid.get(uid);
  }

  /** An incident's events that have a uid, in the order every machine agrees on (time, then uid). */
  sharedEvents(incidentId: number): (EventRow & { uid: string })[] {
    return this.statements.sharedEvents.all(incidentId);
  }

  /** The incident's status and severity changes, in timeline order. */
  fieldChanges(incidentId: number): (EventRow & { uid: string })[] {
    return this.statements.fieldChanges.all(incidentId);
  }

  eventIdByUid(uid: string): number | undefined {
    return this.statements.eventIdByUid.get(uid)?.id;
  }

  /** Stores an event another machine wrote; the local id, or null when this store holds its uid already. */
  importEvent(event: { uid: string; incidentId: number; at: string; type: EventType; actor: string; actorHandle?: string | null; text: string; data: Record<string, unknown> }): number | null {
    const info = this.statements.importEvent.run({ ...event, actorHandle: event.actorHandle ?? null, data: JSON.stringify(event.data) });
    return info.changes > 0 ? Number(info.lastInsertRowid) : null;
  }

  supersede(eventId: number, correctionId: number): boolean {
    return this.statements.supersede.run(correctionId, eventId).changes > 0;
  }

  event(incidentId: number, eventId: number): TimelineEvent | undefined {
    const row = this.statements.event.get(incidentId, eventId);
    return row && toEvent(row, row.seq, this.keyedEvents(incidentId));
  }

  /** Who logged the incident's first event of a type, and when. */
  firstEvent(incidentId: number, type: EventType): { actor: string; at: string } | undefined {
    return this.statements.firstOfType.get(incidentId, type);
  }

  timeline(incidentId: number, filter: TimelineFilter): TimelineEvent[] {
    const keyed = this.keyedEvents(incidentId);
    // Numbered in order within the incident, before any filter, so #17 is the same event whatever is shown.
    const events = this.statements.events.all(incidentId).map((row, index) => toEvent(row, index + 1, keyed));
    if (filter === 'all') return events;
    if (filter === 'key') return events.filter((event) => event.key);
    const types = FILTER_TYPES[filter];
    return events.filter((event) => types.includes(event.type));
  }

  eventCount(incidentId: number): number {
    return this.statements.eventCount.get(incidentId)?.n ?? 0;
  }

  roles(incidentId: number): RoleAssignment[] {
    return this.statements.roles.all(incidentId).map((row) => ({
      role: row.role,
      person: { handle: row.person_handle, name: row.person_name },
      assignedAt: row.assigned_at,
    }));
  }

  setRole(incidentId: number, role: string, person: { handle: string; name: string }, at: string): void {
    this.statements.setRole.run(incidentId, role, person.handle, person.name, at);
  }

  runbooks(incidentId: number): AttachedRunbook[] {
    const states = new Map(this.statements.stepStates.all(incidentId).map((row) => [`${row.runbook_id}\n${row.step_id}`, row]));
    return this.statements.runbooks.all(incidentId).map((row) => ({
      runbookId: row.runbook_id,
      title: row.title,
      revision: row.revision,
      attachedAt: row.attached_at,
      steps: (JSON.parse(row.steps) as RunbookStep[]).map((step): IncidentStep => {
        const state = states.get(`${row.runbook_id}\n${step.id}`);
        return {
          ...step,
          state: state?.state ?? 'pending',
          startedAt: state?.started_at ?? null,
          finishedAt: state?.finished_at ?? null,
          note: state?.note ?? '',
          actor: state?.actor ?? null,
        };
      }),
    }));
  }

  attach(incidentId: number, runbook: { id: number; title: string; revision: number; steps: RunbookStep[] }, at: string): void {
    this.statements.attach.run(incidentId, runbook.id, runbook.title, runbook.revision, JSON.stringify(runbook.steps), at);
  }

  setStep(step: { incidentId: number; runbookId: number; stepId: string; state: StepState; startedAt: string | null; finishedAt: string | null; note: string; actor: string }): void {
    this.statements.setStep.run(step);
  }

  /** Which events are marked key now: the last mark or unmark of each wins. */
  private keyedEvents(incidentId: number): Set<number> {
    const keyed = new Set<number>();
    for (const mark of this.statements.keyMarks.all(incidentId)) {
      const { eventId } = JSON.parse(mark.data) as { eventId: number };
      if (mark.type === 'key_marked') keyed.add(eventId);
      else keyed.delete(eventId);
    }
    return keyed;
  }
}

export function toSummary(row: IncidentRow, commander: RoleAssignment | undefined): IncidentSummary {
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    services: JSON.parse(row.services) as string[],
    drill: row.drill === 1,
    startedAt: row.started_at,
    resolvedAt: row.resolved_at,
    lastUpdateAt: row.last_update_at,
    commander: commander?.person ?? null,
  };
}

function toEvent(row: EventRow, seq: number, keyed: Set<number>): TimelineEvent {
  return {
    id: row.id,
    seq,
    incidentId: row.incident_id,
    at: row.at,
    type: row.type,
    actor: row.actor,
    actorHandle: row.actor_handle,
    text: row.text,
    data: JSON.parse(row.data) as Record<string, unknown>,
    key: keyed.has(row.id),
    supersededBy: row.superseded_by,
  };
}
