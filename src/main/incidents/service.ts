import type { z } from 'zod';
import type {
  AssignRoleInput,
  SetImpactInput,
  ChangeStatusInput,
  CorrectEventInput,
  DeclareIncidentInput,
  DraftStatusUpdateInput,
  EventType,
  Incident,
  IncidentStatus,
  IncidentSummary,
  MarkKeyInput,
  ResponderSuggestion,
  SearchIncidentsInput,
  SetStepStateInput,
  SettleConcurrentInput,
  Severity,
  StatusUpdateInput,
  TimelineEvent,
} from '../../shared/incidents';
import type { RunbookRef, RunbookSuggestion } from '../../shared/runbooks';
import { plainInline, stepSummary } from '../../shared/step-text';
import type { ResponderIdentity } from '../../shared/sync';
import type { Clock } from '../core/clock';
import { HoldfastError } from '../errors';
import { isKnownZone } from '../rosters/time';
import type { RosterService } from '../rosters/service';
import type { RunbookLibrary } from '../runbooks/library';
import type { Store } from '../store/open';
import type { Settings } from '../workspace/settings';
import { nextStatusTimestamps } from './lifecycle';
import { IncidentRepo, toSummary, type ImpactRow, type IncidentRow, type TimelineFilter } from './repo';
import type { EventFile, IncidentFile } from '../../shared/sync';
import { newUid } from '../sync/ids';
import { changeHeads, concurrentChange, concurrentChanges, type ChangedField } from '../sync/timeline';
import { eventToFile, importShared, sharedIncidents, type SharedImport } from './shared';
import type { LocalRunbooks } from './shared-runbooks';
import { IncidentIndex } from './search';

const SEARCHABLE_EVENTS = new Set<EventType>(['note', 'status_update', 'correction']);
import { incidentSettings } from './settings';
import { fillTemplate } from './templates';

export interface IncidentContext {
  clock: Clock;
  settings: Settings;
  runbooks: RunbookLibrary;
  rosters: RosterService;
}

/**
 * Incidents: every action is appended to the timeline and applied to the
 * incident's state in one transaction, so what the UI shows as logged is on
 * disk, and a restart finds every incident exactly as it was.
 */
/** An incident's times, as the metrics read them. */
export interface StartedIncident {
  id: number;
  title: string;
  severity: IncidentRow['severity'];
  services: string[];
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

export class IncidentService {
  private readonly repo: IncidentRepo;
  readonly index: IncidentIndex;

  constructor(
    db: Store,
    private readonly context: IncidentContext,
  ) {
    this.repo = new IncidentRepo(db);
    this.index = new IncidentIndex(db);
  }

  private now(): string {
    return this.context.clock.now().toISOString();
  }

  /** Who an event is by: the name an input gives (without a handle), else the responder of the request (src/main/workspace/settings.ts). */
  private actor(given: string | undefined): ResponderIdentity {
    return given === undefined ? this.context.settings.actor() : { name: given, handle: null };
  }

  declare(input: z.output<typeof DeclareIncidentInput>): Incident {
    const now = this.now();
    const startedAt = input.startedAt ? new Date(input.startedAt).toISOString() : now;
    const detectedAt = input.detectedAt ? new Date(input.detectedAt).toISOString() : startedAt;
    const id = this.repo.inWriteTransaction(() => {
      const timeZone = input.timeZone ?? this.context.settings.timeZone();
      if (!isKnownZone(timeZone)) throw new HoldfastError('VALIDATION', `"${timeZone}" is not a time zone the tz database knows.`, 'timeZone');
      const created = this.repo.insert({ uid: newUid(Date.parse(now)), title: input.title, severity: input.severity, services: input.services, drill: input.drill, startedAt, detectedAt, declaredAt: now, timeZone });
      this.repo.append({
        uid: newUid(Date.parse(now)),
        incidentId: created,
        at: now,
        type: 'declared',
        ...byActor(this.actor(input.actor)),
        text: `Declared ${input.severity}: ${input.title}`,
        data: { severity: input.severity, services: input.services, startedAt, detectedAt, drill: input.drill },
      });
      this.index.add(created, 'incident', `${input.title} ${input.services.join(' ')}`);
      return created;
    });
    return this.get(id);
  }

  /** Every incident with its timeline, as the team's shared workspace holds them (docs/sync.md). */
  sharedIncidents(): { incident: IncidentFile; events: EventFile[] }[] {
    return sharedIncidents(this.repo, this.localRunbooks());
  }

  /**
   * Takes in an incident from the shared workspace, in one transaction: the
   * incident if new here, the events this store does not hold, and the state its
   * whole timeline says.
   */
  importShared(uid: string, file: IncidentFile | null, events: readonly EventFile[]): SharedImport {
    return this.repo.inWriteTransaction(() => {
      const imported = importShared(
        this.repo,
        uid,
        file,
        events,
        (incidentId, type, text) => {
          if (SEARCHABLE_EVENTS.has(type)) this.index.add(incidentId, 'event', text);
        },
        this.localRunbooks(),
      );
      if (imported.created && file) this.index.add(imported.incidentId, 'incident', `${file.title} ${file.services.join(' ')}`);
      return imported;
    });
  }

  /** This store's runbooks as shared incidents name them (by stable id) and attach them. */
  private localRunbooks(): LocalRunbooks {
    const library = this.context.runbooks;
    return {
      stableId: (localId) => library.uidOf(localId),
      localId: (stableId) => library.findByUid(stableId),
      snapshot: (localId) => {
        const runbook = library.get(localId);
        return { title: runbook.title, revision: runbook.revision, steps: library.stepsToWalk(runbook) };
      },
    };
  }

  list(open: boolean, includeDrills: boolean): IncidentSummary[] {
    return this.repo.list(open, includeDrills).map(({ row, commander }) => toSummary(row, commander));
  }

  /** Real incidents (drills left out) that started in the range (`to` a whole day), oldest first, with their lifecycle times. */
  startedIn(range: { from?: string | undefined; to?: string | undefined }): StartedIncident[] {
    return this.repo.started({ from: range.from ?? null, to: range.to ?? null }).map((row) => ({
      id: row.id,
      title: row.title,
      severity: row.severity,
      services: JSON.parse(row.services) as string[],
      startedAt: row.started_at,
      detectedAt: row.detected_at,
      acknowledgedAt: row.acknowledged_at,
      resolvedAt: row.resolved_at,
    }));
  }

  get(id: number): Incident {
    const row = this.row(id);
    const roles = this.repo.roles(id);
    const cadence = incidentSettings(this.context.settings).severities.find((s) => s.severity === row.severity)?.updateEveryMinutes ?? 60;
    return {
      ...toSummary(row, roles.find((r) => r.role === 'commander')),
      detectedAt: row.detected_at,
      declaredAt: row.declared_at,
      acknowledgedAt: row.acknowledged_at,
      mitigatedAt: row.mitigated_at,
      impactStartedAt: row.impact_started_at,
      impactPercent: row.impact_percent,
      resolutionSummary: row.resolution_summary,
      timeZone: row.time_zone,
      roles,
      runbooks: this.repo.runbooks(id),
      eventCount: this.repo.eventCount(id),
      updateEveryMinutes: cadence,
      concurrent: concurrentChanges(this.fieldChanges(id)),
    };
  }

  timeline(id: number, filter: TimelineFilter): TimelineEvent[] {
    this.row(id);
    return this.repo.timeline(id, filter);
  }

  note(id: number, text: string, actor?: string): TimelineEvent {
    return this.record(id, { type: 'note', text, actor });
  }

  changeSeverity(id: number, severity: IncidentRow['severity'], actor?: string, settling?: Settling): TimelineEvent {
    const text = settling ? `Severity settled: ${severity} (${settling.over})` : `Severity ${this.row(id).severity} → ${severity}`;
    const previous = settling?.previous ?? this.heads(id, 'severity');
    return this.record(id, { type: 'severity_changed', text, data: { severity, previous }, actor }, (row) => {
      if (row.severity === severity && !settling) throw new HoldfastError('VALIDATION', `The incident is already ${severity}.`, 'severity');
      row.severity = severity;
    });
  }

  /**
   * The commander's choice between a field's changes made on two machines at
   * once (docs/sync.md): records the chosen value as a change that follows every
   * head, which settles it on every machine the change reaches.
   */
  settleConcurrent(input: z.output<typeof SettleConcurrentInput>): TimelineEvent {
    const changes = this.fieldChanges(input.id);
    const field = input.field === 'status' ? 'status' : 'severity';
    const disputed = concurrentChange(changes, input.field);
    if (!disputed) {
      throw new HoldfastError('CONFLICT', `The incident’s ${field} is not in dispute, so there is nothing to choose (someone may have settled it already).`, 'field');
    }
    const said = (change: (typeof disputed.changes)[number]) => `${change.value} by ${change.actor} at ${change.at}`;
    const chosen = disputed.changes.find((change) => change.uid === input.uid);
    if (!chosen) {
      throw new HoldfastError('CONFLICT', `The change chosen is not one of the ${field} changes in dispute now (${disputed.changes.map(said).join('; ')}): choose one of these.`, 'uid');
    }
    const others = disputed.changes.filter((change) => change !== chosen).map((change) => `${change.value} by ${change.actor}`);
    const settling: Settling = { previous: disputed.changes.map((change) => change.uid), over: `chosen over ${others.join(', ')}` };
    if (input.field === 'severity') return this.changeSeverity(input.id, chosen.value as Severity, input.actor, settling);
    // Resolved: with the summary the chosen change was resolved with.
    const event = changes.find((candidate) => candidate.uid === chosen.uid);
    const given = typeof event?.data.summary === 'string' ? event.data.summary.trim() : '';
    const summary = chosen.value !== 'resolved' ? undefined : given || this.row(input.id).resolution_summary;
    return this.changeStatus({ id: input.id, status: chosen.value as IncidentStatus, summary, actor: input.actor }, settling);
  }

  /** The incident's status and severity changes, as the merge rules read them (src/main/sync/timeline.ts). */
  private fieldChanges(id: number): EventFile[] {
    return this.repo.fieldChanges(id).map((row) => eventToFile(row, '', () => null));
  }

  /** The uids of a field's latest changes: what a new change of it records as `previous`, so it follows (and settles) them all. */
  private heads(id: number, field: ChangedField): string[] {
    return changeHeads(this.fieldChanges(id), field).map((event) => event.uid);
  }

  /** Records the impact the services' SLOs count (docs/slos.md), as a timeline event saying what it is now. */
  setImpact(input: z.output<typeof SetImpactInput>): TimelineEvent {
    const row = this.row(input.id);
    const impactStartedAt = input.impactStartedAt === null ? null : new Date(input.impactStartedAt).toISOString();
    if (impactStartedAt !== null && row.resolved_at !== null && impactStartedAt >= row.resolved_at) {
      throw new HoldfastError('VALIDATION', `The impact cannot start after the incident was resolved (${row.resolved_at}).`, 'impactStartedAt');
    }
    if (impactStartedAt === row.impact_started_at && input.impactPercent === row.impact_percent) {
      throw new HoldfastError('VALIDATION', 'The incident already has this impact recorded.', 'impactPercent');
    }
    const share = input.impactPercent === null ? 'full outage' : `${input.impactPercent} % of users or requests`;
    const from = impactStartedAt === null ? 'from the incident’s start' : `from ${impactStartedAt}`;
    return this.record(input.id, { type: 'impact_changed', text: `Impact: ${share}, ${from}`, data: { impactStartedAt, impactPercent: input.impactPercent }, actor: input.actor }, (current) => {
      current.impact_started_at = impactStartedAt;
      current.impact_percent = input.impactPercent;
    });
  }

  /** What the SLOs count of the incidents (drills left out) whose impact may reach into the time since `since`. */
  impacts(since: Date): (Omit<ImpactRow, 'services'> & { services: string[]; drill: false })[] {
    return this.repo.impacts(since.toISOString()).map((row) => ({ ...row, services: JSON.parse(row.services) as string[], drill: false }));
  }

  assignRole(input: z.output<typeof AssignRoleInput>): TimelineEvent {
    const role = input.role.toLowerCase();
    const previous = this.repo.roles(input.id).find((r) => r.role === role);
    const handover = previous && previous.person.name !== input.person.name ? ` (handover from ${previous.person.name})` : '';
    return this.record(
      input.id,
      { type: 'role_assigned', text: `${input.person.name} is ${role}${handover}`, data: { role, person: input.person, previous: previous?.person ?? null }, actor: input.actor },
      // Naming a commander is not an acknowledgement: the person named may not have seen the page yet.
      (_row, at) => this.repo.setRole(input.id, role, input.person, at),
    );
  }

  attachRunbook(id: number, runbookRef: RunbookRef, actor?: string): TimelineEvent {
    const runbook = this.context.runbooks.get(runbookRef);
    const runbookId = runbook.id;
    if (this.repo.runbooks(id).some((attached) => attached.runbookId === runbookId)) {
      throw new HoldfastError('CONFLICT', `“${runbook.title}” is already attached to this incident.`, 'runbookId');
    }
    // A runbook without steps is walked as one: read and follow it.
    const steps = this.context.runbooks.stepsToWalk(runbook);
    const count = runbook.steps.length === 0 ? 'no steps: read and follow it' : `${steps.length} step${steps.length === 1 ? '' : 's'}`;
    return this.record(
      id,
      { type: 'runbook_attached', text: `Attached runbook “${runbook.title}” (${count})`, data: { runbookId, revision: runbook.revision }, actor },
      (_row, at) => this.repo.attach(id, { id: runbookId, title: runbook.title, revision: runbook.revision, steps }, at),
    );
  }

  setStepState(request: z.output<typeof SetStepStateInput>): TimelineEvent {
    const input = { ...request, runbookId: this.context.runbooks.resolve(request.runbookId) };
    const runbook = this.repo.runbooks(input.id).find((attached) => attached.runbookId === input.runbookId);
    if (!runbook) throw new HoldfastError('NOT_FOUND', `Runbook ${request.runbookId} is not attached to incident ${input.id}.`, 'runbookId');
    const step = runbook.steps.find((candidate) => candidate.id === input.stepId);
    if (!step) throw new HoldfastError('NOT_FOUND', `Step ${input.stepId} is not in “${runbook.title}”.`, 'stepId');
    const verb = { started: 'Started', done: 'Done', skipped: 'Skipped', failed: 'Failed' }[input.state];
    // The event's text is plain (what the CLI, search and the post-mortem read); `data.step` keeps the step's
    // summary as Markdown, which the console renders.
    const summary = stepSummary(step.text);
    const text = `${verb}: step ${step.number} of “${runbook.title}” — ${plainInline(summary)}${input.note ? `\n${input.note}` : ''}`;
    return this.record(
      input.id,
      { type: `step_${input.state}`, text, data: { runbookId: input.runbookId, stepId: input.stepId, note: input.note, step: summary }, actor: input.actor },
      (_row, at) => {
        const finished = input.state !== 'started';
        this.repo.setStep({
          incidentId: input.id,
          runbookId: input.runbookId,
          stepId: input.stepId,
          state: input.state,
          startedAt: step.startedAt ?? at,
          finishedAt: finished ? at : null,
          note: input.note,
          actor: this.actor(input.actor).name,
        });
      },
    );
  }

  changeStatus(input: z.output<typeof ChangeStatusInput>, settling?: Settling): TimelineEvent {
    const row = this.row(input.id);
    const summary = input.summary?.trim() ?? '';
    if (row.status === input.status && !settling) throw new HoldfastError('VALIDATION', `The incident is already ${input.status}.`, 'status');
    if (input.status === 'resolved' && summary === '') {
      throw new HoldfastError('VALIDATION', 'Resolving needs a resolution summary: one paragraph on what happened and what fixed it.', 'summary');
    }
    return this.repo.inWriteTransaction(() => {
      // Whoever first moves the incident on has it in hand: that is acknowledged too, as its own event.
      if (!this.row(input.id).acknowledged_at) this.acknowledge(input.id, input.actor, input.status);
      const said = settling ? `Status settled: ${input.status} (${settling.over})` : `Status ${row.status} → ${input.status}`;
      const previous = settling?.previous ?? this.heads(input.id, 'status');
      return this.record(
        input.id,
        { type: 'status_changed', text: `${said}${summary ? `\n${summary}` : ''}`, data: { from: row.status, to: input.status, summary, previous }, actor: input.actor },
        (current, at) => {
          Object.assign(current, nextStatusTimestamps(current, input.status, at));
          current.status = input.status;
          if (input.status === 'resolved') {
            current.resolution_summary = summary;
            this.index.replace(input.id, 'summary', [summary]);
          }
        },
      );
    });
  }

  /** A drill inject arriving on the drill incident's timeline. */
  logInject(id: number, text: string, data: Record<string, unknown>): TimelineEvent {
    return this.record(id, { type: 'inject', text, data, actor: 'drill facilitator' });
  }

  /**
   * Records who acknowledged the incident and when, as an event on the timeline:
   * the time to acknowledge (MTTA) is measured to it. Pressing Acknowledge does
   * it; so does the first status change, if nobody acknowledged before (`byStatus`).
   */
  acknowledge(id: number, actor?: string, byStatus?: IncidentStatus): TimelineEvent {
    const text = byStatus ? `Acknowledged (by changing the status to ${byStatus})` : 'Acknowledged';
    return this.record(id, { type: 'acknowledged', text, data: byStatus ? { status: byStatus } : {}, actor }, (row, at) => {
      if (row.acknowledged_at) {
        const by = this.repo.firstEvent(id, 'acknowledged');
        throw new HoldfastError('CONFLICT', `Already acknowledged${by ? ` by ${by.actor}` : ''} at ${row.acknowledged_at}.`, 'id');
      }
      row.acknowledged_at = at;
    });
  }

  postStatusUpdate(input: z.output<typeof StatusUpdateInput>): TimelineEvent {
    return this.record(input.id, { type: 'status_update', text: input.text, data: { audience: input.audience }, actor: input.actor }, (row, at) => {
      row.last_update_at = at;
    });
  }

  draftStatusUpdate(input: z.output<typeof DraftStatusUpdateInput>): string {
    const incident = this.get(input.id);
    const template = incidentSettings(this.context.settings).templates.find((t) => t.audience === input.audience);
    const minutes = input.nextUpdateMinutes ?? incident.updateEveryMinutes;
    const next = new Date(this.context.clock.now().getTime() + minutes * 60_000);
    return fillTemplate(template?.text ?? '', {
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      services: incident.services.join(', ') || 'our services',
      impact: input.impact || 'We are assessing the impact.',
      next_update: `${next.toISOString().slice(11, 16)} UTC`,
      summary: incident.resolutionSummary,
      commander: incident.commander?.name ?? 'not yet assigned',
    });
  }

  markKey(input: z.output<typeof MarkKeyInput>): TimelineEvent {
    const target = this.repo.event(input.id, input.eventId);
    if (!target) throw new HoldfastError('NOT_FOUND', `Incident ${input.id} has no event ${input.eventId}.`, 'eventId');
    if (target.key === input.key) return target;
    return this.record(input.id, {
      type: input.key ? 'key_marked' : 'key_unmarked',
      text: `${input.key ? 'Marked' : 'Unmarked'} as key: ${target.text.split('\n')[0] ?? ''}`,
      data: { eventId: input.eventId },
      actor: input.actor,
    });
  }

  correct(input: z.output<typeof CorrectEventInput>): TimelineEvent {
    const target = this.repo.event(input.id, input.eventId);
    if (!target) throw new HoldfastError('NOT_FOUND', `Incident ${input.id} has no event ${input.eventId}.`, 'eventId');
    if (target.supersededBy !== null) {
      throw new HoldfastError('CONFLICT', `Event ${input.eventId} was already corrected by event ${target.supersededBy}; correct that one instead.`, 'eventId');
    }
    return this.record(input.id, { type: 'correction', text: input.text, data: { supersedes: input.eventId, original: target.text }, actor: input.actor }, (_row, _at, eventId) => {
      this.repo.supersede(input.eventId, eventId);
    });
  }

  /** Past incidents by words (titles, notes, updates, summaries, post-mortems) and filters, newest first without words. */
  search(input: z.output<typeof SearchIncidentsInput>): { incident: IncidentSummary; snippet: string }[] {
    const matches = input.query.trim() ? this.index.search(input.query, 500) : null;
    const byId = new Map(this.list(false, input.includeDrills).map((incident) => [incident.id, incident]));
    const candidates = matches
      ? matches.flatMap(({ incidentId, snippet }) => {
          const incident = byId.get(incidentId);
          return incident ? [{ incident, snippet }] : [];
        })
      : [...byId.values()].map((incident) => ({ incident, snippet: '' }));
    return candidates
      .filter(({ incident }) =>
        (!input.service || incident.services.includes(input.service)) &&
        (!input.severity || incident.severity === input.severity) &&
        (!input.from || incident.startedAt >= input.from) &&
        (!input.to || incident.startedAt.slice(0, 10) <= input.to),
      )
      .slice(0, input.limit);
  }

  /** Incidents declared before this one and like it: sharing a service or words of its title; resolved ones first. */
  similar(id: number): IncidentSummary[] {
    const incident = this.get(id);
    const words = incident.title.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 2);
    const byWords = new Set(words.length ? this.index.search(words.map((word) => `"${word}"`).join(' OR '), 50).map((m) => m.incidentId) : []);
    // Ids grow with each declaration, so a smaller id was declared earlier (a back-dated start does not count).
    return this.list(false, false)
      .filter((other) => other.id < id && (byWords.has(other.id) || other.services.some((service) => incident.services.includes(service))))
      .sort((a, b) => Number(b.status === 'resolved') - Number(a.status === 'resolved') || b.startedAt.localeCompare(a.startedAt))
      .slice(0, 5);
  }

  /** Who is on call now for the incident's services, and their escalation chains. */
  suggestResponders(id: number): ResponderSuggestion[] {
    const incident = this.get(id);
    const roster = this.context.rosters.roster();
    const owning = new Set(roster.teams.filter((team) => team.services.some((service) => incident.services.includes(service))).map((team) => team.name));
    const board = this.context.rosters.nowBoard(undefined, owning);
    const people = roster.people;
    return board.flatMap((team) =>
      team.team.services
        .filter((service) => incident.services.includes(service))
        .flatMap((service) =>
          team.onCall.map((entry) => ({
            team: team.team.name,
            service,
            schedule: entry.schedule,
            onCall: people.find((p) => p.handle === entry.person?.handle) ?? null,
            ...(entry.problem ? { problem: entry.problem } : {}),
            escalation: (team.escalation?.steps ?? []).flatMap((step) => step.people.map((person) => ({ ...person, level: step.level }))),
          })),
        ),
    );
  }

  /**
   * Runbooks for the incident, best first, each with why: by its services, the
   * words of its title against runbook titles, alert names, groups and tags,
   * then the matches of `query` (src/main/runbooks/suggest.ts). Attached ones are left out.
   */
  suggestRunbooks(id: number, query: string): RunbookSuggestion[] {
    const incident = this.get(id);
    const attached = new Set(incident.runbooks.map((r) => r.runbookId));
    return this.context.runbooks.suggest({ title: incident.title, services: incident.services }, query, attached);
  }

  private row(id: number): IncidentRow {
    const row = this.repo.get(id);
    if (!row) throw new HoldfastError('NOT_FOUND', `No incident with id ${id}.`, 'id');
    return row;
  }

  /**
   * Appends one event and applies its change to the incident, in one
   * transaction: either both are stored or neither is.
   */
  private record(
    id: number,
    event: { type: EventType; text: string; data?: Record<string, unknown>; actor: string | undefined },
    apply?: (row: IncidentRow, at: string, eventId: number) => void,
  ): TimelineEvent {
    return this.repo.inWriteTransaction(() => {
      const row = this.row(id);
      const at = this.now();
      const eventId = this.repo.append({ uid: newUid(Date.parse(at)), incidentId: id, at, type: event.type, ...byActor(this.actor(event.actor)), text: event.text, data: event.data ?? {} });
      if (SEARCHABLE_EVENTS.has(event.type)) this.index.add(id, 'event', event.text);
      if (apply) {
        apply(row, at, eventId);
        this.repo.update(row);
      }
      const stored = this.repo.event(id, eventId);
      if (!stored) throw new HoldfastError('INTERNAL', `Event ${eventId} was not stored.`);
      return stored;
    });
  }
}

/** A change that settles a field changed on two machines at once: the heads it follows, and what it was chosen over, in words. */
interface Settling {
  previous: string[];
  over: string;
}

/** An event's actor columns from a responder. */
const byActor = (responder: ResponderIdentity): { actor: string; actorHandle: string | null } => ({ actor: responder.name, actorHandle: responder.handle });
