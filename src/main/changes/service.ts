import type { z } from 'zod';
import {
  FINISHED_STATES,
  type ChangeCheck,
  type ChangeEvent,
  type ChangeLogEntry,
  type ChangeRecord,
  type CreateChangeInput,
  type RecordGateInput,
  type RuleName,
  type WalkChangeInput,
  type WhatChangedItem,
  type Window,
  type WindowInputValue,
  CHANGE_EVENTS_FILE,
} from '../../shared/changes';
import type { Clock } from '../core/clock';
import { HoldfastError } from '../errors';
import { readLimitedText } from '../files/read-limited';
import type { Store } from '../store/open';
import { writeTransaction } from '../store/transaction';
import { changeCalendar, type ChangeCalendar } from './calendar';
import { configuredRules, knownServices, openIncidents, pinnedRunbooks, rosterPeople, type Neighbours } from './context';
import { createChange, decide, refusalMessage, type WalkAction } from './decide';
import { eventFrom, parseChangeEventsJsonl } from './events-jsonl';
import { changeCalendarToIcal } from './ical';
import { newUid } from './ids';
import { ChangeRepo, type StoredChange } from './repo';
import { checkChange, type RuleContext } from './rules';
import { plannedSpan } from './span';
import { parseNewChange, parseWindow } from './validate';
import { progressOf, type ChangeProgress, type GateRecord } from './walk';
import { whatChanged } from './what-changed';
import { describeWindow, occurrenceText, windowsInForce } from './windows';
import { planChange } from './plan';

/** The change verbs a console offers as buttons; each is judged by decide() before it is shown as possible. */
const OFFERED: readonly WalkAction['kind'][] = ['schedule', 'start', 'promote', 'complete', 'rollback', 'cancel'];
const DAY = 86_400_000;

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const gateView = (gate: GateRecord | null) => (gate ? { at: new Date(gate.at).toISOString(), actor: gate.actor, result: gate.result, evidence: gate.evidence } : null);

/** Changes: records, the walk, windows, external events, the calendar and "what changed?". */
export class ChangeService {
  readonly repo: ChangeRepo;

  constructor(
    private readonly store: Store,
    private readonly neighbours: Neighbours & { clock: Clock },
  ) {
    this.repo = new ChangeRepo(store);
  }

  private now(): number {
    return this.neighbours.clock.now().getTime();
  }

  /**
   * Who a log entry is by: the name an input gives, else the responder of the
   * request by their roster handle (the one an approver is told apart from), or
   * their name when they typed it freely (src/main/workspace/settings.ts).
   */
  private actor(given: string | undefined): string {
    if (given !== undefined) return given;
    const responder = this.neighbours.settings.actor();
    return responder.handle ?? responder.name;
  }

  /** The rules' inputs now; `otherChanges` only when a check of one change needs them. */
  ruleContext(change?: StoredChange): RuleContext {
    const { settings, rosters, incidents, budgets } = this.neighbours;
    const context: RuleContext = {
      now: this.now(),
      windows: this.repo.windows(),
      roster: rosterPeople(rosters),
      openIncidents: openIncidents(incidents),
      config: configuredRules(settings),
      runbooks: pinnedRunbooks(this.neighbours),
      budgets,
    };
    if (change) {
      const span = plannedSpan(change);
      context.otherChanges = change.services.flatMap((service) => this.repo.planned(span.start - DAY, span.end + DAY, service));
    }
    return context;
  }

  private find(id: number | string): StoredChange {
    const change = this.repo.change(id);
    if (!change) throw new HoldfastError('NOT_FOUND', `No change ${typeof id === 'number' ? `with number ${id}` : id}. \`holdfast change list\` lists them.`, 'id');
    return change;
  }

  create(input: z.output<typeof CreateChangeInput>): ReturnType<ChangeService['view']> {
    const { neighbours } = this;
    const people = rosterPeople(neighbours.rosters);
    const planned = planChange(input, { runbooks: neighbours.runbooks, people: people.people, author: this.actor(undefined) });
    const references = { services: knownServices(neighbours), runbooks: pinnedRunbooks(neighbours), roster: people };
    const change = parseNewChange(planned, references);
    const actor = this.actor(input.actor);
    const at = this.now();
    const { record, entry } = createChange(change, { actor, at });
    const id = this.repo.insert(record, entry);
    if (!input.draft) this.apply(this.find(id), { kind: 'schedule' }, { actor, at });
    return this.view(id);
  }

  /** One change with its log, its progress tier by tier, its verdict, and the steps the walk allows now. */
  view(id: number | string) {
    const change = this.find(id);
    const context = this.ruleContext(change);
    const progress = progressOf(change);
    const check = checkChange(change, context);
    const runbook = (ref: { runbookId: number; revision: number } | null) => {
      if (!ref) return null;
      const pinned = context.runbooks(ref);
      return pinned ? { id: pinned.id, revision: pinned.revision, latestRevision: pinned.latestRevision, title: pinned.title } : null;
    };
    const rollbackRunbook = change.rollback ? context.runbooks(change.rollback) : null;
    const rollbackSteps = (rollbackRunbook?.steps ?? [])
      .filter((step) => !change.rollback?.section || step.sectionId === change.rollback.section)
      .map((step) => ({ number: step.number, text: step.text }));
    const acting = { actor: this.actor(undefined), at: context.now };
    // The verdict just judged at the same instant: the verbs are asked about without running the rules again.
    const allowed = OFFERED.filter((kind) => decide(change, { kind } as WalkAction, acting, context, check).ok);
    return {
      ...this.summaryOf(change, progress, check),
      owner: change.owner,
      approver: change.approver,
      window: change.window,
      createdAt: change.createdAt,
      createdBy: change.createdBy,
      plan: change.plan ? { ...change.plan, runbook: runbook(change.plan) } : null,
      rollback: change.rollback ? { ...change.rollback, runbook: runbook(change.rollback) } : null,
      rollbackSteps,
      progress: this.progressView(change, progress),
      log: change.log,
      check: this.checkView(change, check),
      allowed,
    };
  }

  private summaryOf(change: StoredChange, progress: ChangeProgress, check: ChangeCheck | null) {
    return {
      id: change.id,
      uid: change.uid,
      title: change.title,
      services: change.services,
      type: change.type,
      risk: change.risk,
      state: progress.state,
      start: change.window.start,
      end: change.window.end,
      zone: change.window.zone,
      tiers: change.tiers.map((tier) => ({ name: tier.name, percent: tier.percent })),
      /** The verdict now; null for a finished change (nothing is left to judge). */
      verdict: check?.verdict ?? null,
    };
  }

  private progressView(change: StoredChange, progress: ChangeProgress) {
    return {
      startedAt: isoOrNull(progress.startedAt),
      finishedAt: isoOrNull(progress.finishedAt),
      current: progress.current,
      tiers: progress.tiers.map((tier, index) => ({
        name: tier.name,
        percent: tier.percent,
        soakMinutes: tier.soakMinutes,
        checks: change.tiers[index]?.gate.checks ?? [],
        startedAt: isoOrNull(tier.startedAt),
        soakUntil: isoOrNull(tier.soakUntil),
        leftAt: isoOrNull(tier.leftAt),
        skipped: tier.skipped,
        pre: gateView(tier.pre),
        post: gateView(tier.post),
      })),
      overrides: progress.overrides.map((override) => ({ at: new Date(override.at).toISOString(), by: override.by, approver: override.approver, rule: override.rule, reason: override.reason })),
    };
  }

  private checkView(change: StoredChange, check: ChangeCheck) {
    return { id: change.id, uid: change.uid, verdict: check.verdict, rules: check.rules };
  }

  list(filter: { from?: string | undefined; to?: string | undefined; service?: string | undefined }) {
    const from = filter.from ? Date.parse(filter.from) : -8.64e15;
    const to = filter.to ? Date.parse(filter.to) : 8.64e15;
    const changes = this.repo.planned(from, to, filter.service);
    const context = changes.some((change) => !FINISHED_STATES.includes(progressOf(change).state)) ? this.ruleContext() : null;
    return changes.map((change) => {
      const progress = progressOf(change);
      const open = context && !FINISHED_STATES.includes(progress.state);
      return this.summaryOf(change, progress, open ? checkChange(change, { ...context, otherChanges: changes }) : null);
    });
  }

  check(id: number | string) {
    const change = this.find(id);
    return this.checkView(change, checkChange(change, this.ruleContext(change)));
  }

  /** One step of the walk, logged; refused with the rule that forbids it. */
  walk(input: z.output<typeof WalkChangeInput>) {
    const action: WalkAction = input.action === 'promote' && input.tier ? { kind: 'promote', tier: input.tier } : ({ kind: input.action });
    return this.act(input.id, action, input.actor, input.evidence);
  }

  gate(input: z.output<typeof RecordGateInput>) {
    return this.act(input.id, { kind: 'gate', tier: input.tier, result: input.result, checks: input.checks }, input.actor, input.evidence);
  }

  override(input: { id: number | string; rule: RuleName; reason: string; approver: string; actor?: string | undefined }) {
    return this.act(input.id, { kind: 'override', rule: input.rule, reason: input.reason, approver: input.approver }, input.actor, '');
  }

  private act(id: number | string, action: WalkAction, actor: string | undefined, evidence: string) {
    const change = this.find(id);
    const entry = this.apply(change, action, { actor: this.actor(actor), at: this.now(), evidence });
    return { change: this.view(change.id), entry };
  }

  private apply(change: StoredChange, action: WalkAction, acting: { actor: string; at: number; evidence?: string }): ChangeLogEntry {
    const decision = decide(change, action, acting, this.ruleContext(change));
    if (!decision.ok) throw new HoldfastError('CONFLICT', refusalMessage(action, decision));
    this.repo.append(change, [decision.entry]);
    return decision.entry;
  }

  // ── team sync (docs/sync.md) ────────────────────────────────────────────

  /** Every change with its whole log: what the team workspace holds. */
  sharedChanges(): StoredChange[] {
    return this.repo.planned(-8.64e15, 8.64e15);
  }

  /**
   * Takes in a change made or walked on another machine: its record when it is
   * new here, and its log entries not stored yet; its state is replayed from
   * the merged log. A log for a change this machine does not have (its record
   * could not be read) is refused in words; the caller reports it.
   */
  importShared(changeUid: string, record: ChangeRecord | null, entries: readonly ChangeLogEntry[]): { id: number; created: boolean; added: number } {
    return writeTransaction(this.store, () => {
      let stored = this.repo.change(changeUid);
      const created = !stored && record !== null;
      if (!stored && record) stored = this.repo.change(this.repo.insertRecord(record));
      if (!stored) throw new HoldfastError('NOT_FOUND', `change ${changeUid} is not on this machine (its change.yaml did not come or could not be read), so its log is left out`);
      const { added } = this.repo.append(stored, entries);
      return { id: stored.id, created, added };
    });
  }

  /** Every window, as the team workspace holds them (no local ids). */
  sharedWindows(): Window[] {
    return this.repo.windows().map(({ id: _id, ...window }) => window);
  }

  // ── windows ──────────────────────────────────────────────────────────────

  addWindow(input: unknown): Window & { id: number; schedule: string } {
    const parsed: WindowInputValue = parseWindow(input);
    const window: Window = { ...parsed, uid: newUid(this.now()) };
    const id = this.repo.addWindow(window, new Date(this.now()).toISOString());
    return { ...window, id, schedule: describeWindow(window) };
  }

  /** Every window with its schedule in words; with `at`, only those in force then, with the occurrence. */
  listWindows(at: string | undefined) {
    const windows = this.repo.windows();
    if (at === undefined) return windows.map((window) => ({ ...window, schedule: describeWindow(window), now: null }));
    const ids = new Map(windows.map((window) => [window.uid, window.id]));
    return windowsInForce(windows, Date.parse(at)).map(({ window, occurrence }) => ({
      ...window,
      id: ids.get(window.uid) ?? 0,
      schedule: describeWindow(window),
      now: { start: new Date(occurrence.start).toISOString(), end: new Date(occurrence.end).toISOString(), text: occurrenceText(occurrence) },
    }));
  }

  removeWindow(id: number | string): { removed: number | string } {
    if (!this.repo.removeWindow(id)) throw new HoldfastError('NOT_FOUND', `No window ${id}. \`holdfast window list\` lists them.`, 'id');
    return { removed: id };
  }

  // ── external change events ──────────────────────────────────────────────

  importEvents(file: string): { imported: number; unchanged: number; failed: { line: number; error: string }[] } {
    const text = readLimitedText(file, CHANGE_EVENTS_FILE);
    const { events, failed } = parseChangeEventsJsonl(text);
    const { imported, unchanged } = this.repo.importEvents(events, new Date(this.now()).toISOString());
    return { imported, unchanged, failed };
  }

  postEvent(value: unknown): ChangeEvent {
    const result = eventFrom(value);
    if ('error' in result) throw new HoldfastError('VALIDATION', `The change event was refused: ${result.error}.`, 'event');
    this.repo.importEvents([result.event], new Date(this.now()).toISOString());
    return result.event;
  }

  // ── calendar and "what changed?" ─────────────────────────────────────────

  calendar(range: { from: string; to: string; service?: string | undefined }): ChangeCalendar {
    const changes = this.repo.planned(Date.parse(range.from), Date.parse(range.to), range.service);
    return changeCalendar(changes, this.repo.windows(), range, range.service ? [range.service] : undefined);
  }

  ical(range: { from: string; to: string; service?: string | undefined }): string {
    return changeCalendarToIcal(this.calendar(range), 'Holdfast changes', this.neighbours.clock.now());
  }

  whatChanged(incidentId: number, lookBackHours = 72): WhatChangedItem[] {
    const incident = this.neighbours.incidents.get(incidentId);
    const started = Date.parse(incident.startedAt);
    const from = started - lookBackHours * 3_600_000;
    const to = incident.resolvedAt ? Date.parse(incident.resolvedAt) : this.now() + 1;
    const ref = { id: incident.id, services: incident.services, startedAt: incident.startedAt, resolvedAt: incident.resolvedAt };
    return whatChanged(ref, this.repo.touching(incident.services, from, to), this.repo.eventsTouching(incident.services, from, to), { lookBackHours, now: to });
  }
}
