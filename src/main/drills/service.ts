import path from 'node:path';
import type { z } from 'zod';
import type { DrillInject, DrillObservation, DrillRun, DrillScenario, DrillTargets, InjectActionInput, InjectStatus, SaveScenarioInput, Scorecard, ScorecardRow } from '../../shared/drills';
import type { Clock } from '../core/clock';
import { FILE_LIMITS } from '../../shared/limits';
import { stepSummary } from '../../shared/step-text';
import { HoldfastError } from '../errors';
import { checkIsText, checkTextLimit, readLimitedText } from '../files/read-limited';
import type { IncidentService } from '../incidents/service';
import type { RunbookLibrary } from '../runbooks/library';
import type { Store } from '../store/open';
import { newUid } from '../sync/ids';
import { drillElapsedMs, pausedSpans } from './clock';
import { composeScenario, injectIds, parseScenario, type ScenarioDocument } from './format';
import { DrillRepo, type EventRow, type RunRow } from './repo';
import { writeTransaction } from '../store/transaction';

/** The incident's lifecycle times as they stood when the drill stopped. */
interface ReachedByStop {
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
}

export interface DrillContext {
  clock: Clock;
  incidents: IncidentService;
  runbooks: RunbookLibrary;
  /**
   * Announces injects the drill clock fired (`tick`: the app's scheduler, or a
   * read that finds them due). What operations change is announced by their
   * declarations (src/main/drills/ops.ts).
   */
  injectsFired: (runId: number, incidentId: number) => void;
  /** For the wheel of misfortune; tests pass a seeded one. */
  random?: () => number;
}

/**
 * Game-day drills. A run opens a DRILL incident that responders work in the
 * normal runner; the facilitator's clock, injects and observations live beside
 * it. The drill clock is computed from stored events, so pausing, reloading or
 * restarting never loses time, and tests move an injected clock instead of waiting.
 */
export class DrillService {
  private readonly repo: DrillRepo;

  constructor(
    private readonly db: Store,
    private readonly context: DrillContext,
  ) {
    this.repo = new DrillRepo(db);
  }

  private now(): string {
    return this.context.clock.now().toISOString();
  }

  scenarios(): DrillScenario[] {
    return this.repo.scenarios();
  }

  scenario(id: number): DrillScenario {
    const found = this.repo.scenario(id);
    if (!found) throw new HoldfastError('NOT_FOUND', `No drill scenario with id ${id}.`, 'id');
    return found;
  }

  /** Saves a scenario: a new one (no `id`) gets `uid` when given (one made on another machine), else a new ULID. */
  saveScenario(input: z.output<typeof SaveScenarioInput>, uid?: string): DrillScenario {
    const params = {
      title: input.title,
      objectives: input.objectives,
      services: JSON.stringify(input.services),
      runbooks: JSON.stringify(input.runbooks),
      targets: JSON.stringify(input.targets),
      injects: JSON.stringify(injectIds(input.injects)),
      now: this.now(),
    };
    if (input.id === undefined) return this.scenario(this.repo.insertScenario({ ...params, uid: uid ?? newUid(Date.parse(params.now)) }));
    this.scenario(input.id);
    this.repo.updateScenario(input.id, params);
    return this.scenario(input.id);
  }

  importScenario(file: string): DrillScenario {
    return this.importScenarioText(this.readScenarioFile(file), path.basename(file));
  }

  /** A scenario file's text, with a clear error when it cannot be read. */
  readScenarioFile(file: string): string {
    try {
      return readLimitedText(file, FILE_LIMITS.drill);
    } catch (error) {
      if (error instanceof HoldfastError) throw error;
      throw new HoldfastError('IO', `Cannot read ${file}.`, 'path');
    }
  }

  /**
   * A scenario's Markdown as the app received it (a file chosen in the browser);
   * `fileName` names it in errors. With `uid` (a scenario of the team
   * workspace, `drills/<uid>.md`), the scenario of that uid is updated, else the
   * one of the same title, else it is stored under that uid, so every machine
   * names it alike and none shares it back as a second copy.
   */
  importScenarioText(markdown: string, fileName: string, uid?: string): DrillScenario {
    const plan = this.planScenarioImport(markdown, fileName);
    const sameUid = uid === undefined ? undefined : this.repo.scenarioUids().find((row) => row.uid === uid)?.id;
    return this.saveScenario({ ...plan.document, id: sameUid ?? plan.replaces?.id }, uid);
  }

  /**
   * What importing a scenario's Markdown would do: the stored scenario of the same
   * title it would overwrite (if the stored one says anything else), and that one's
   * injects the file no longer has. Nothing is changed.
   */
  planScenarioImport(
    markdown: string,
    fileName: string,
  ): { document: ScenarioDocument; replaces: DrillScenario | undefined; overwrites: boolean; removedInjects: string[] } {
    checkTextLimit(markdown, fileName, FILE_LIMITS.drill);
    checkIsText(markdown, fileName);
    const document = parseScenario(markdown, fileName);
    const existing = this.repo.scenarioTitled(document.title);
    const overwritten = existing !== undefined && this.exportScenario(existing.id) !== composeScenario(document);
    return {
      document,
      replaces: existing,
      overwrites: overwritten,
      removedInjects: overwritten ? existing.injects.filter((inject) => !document.injects.some((kept) => kept.title === inject.title)).map((inject) => inject.title) : [],
    };
  }

  /** Every scenario as the team's shared workspace holds it: its uid and its Markdown. */
  sharedScenarios(): { uid: string; markdown: string }[] {
    return this.repo.scenarioUids().map(({ id, uid }) => ({ uid, markdown: this.exportScenario(id) }));
  }

  exportScenario(id: number): string {
    const scenario = this.scenario(id);
    const document: ScenarioDocument = { ...scenario, injects: scenario.injects.map(({ id: _id, ...inject }) => inject) };
    return composeScenario(document);
  }

  /** Wheel of misfortune: a random scenario, weighted toward those drilled least recently (never drilled weighs most). */
  pickScenario(): DrillScenario {
    const scenarios = this.scenarios();
    if (scenarios.length === 0) throw new HoldfastError('NOT_FOUND', 'There are no drill scenarios yet: import or write one first.');
    const now = this.context.clock.now().getTime();
    const weights = scenarios.map((s) => (s.lastRunAt ? Math.min(365, (now - Date.parse(s.lastRunAt)) / 86_400_000) + 1 : 400));
    let roll = (this.context.random ?? Math.random)() * weights.reduce((sum, weight) => sum + weight, 0);
    for (const [index, weight] of weights.entries()) {
      roll -= weight;
      if (roll < 0) return scenarios[index] as DrillScenario;
    }
    return scenarios.at(-1) as DrillScenario;
  }

  start(scenarioId: number, actor?: string): DrillRun {
    const scenario = this.scenario(scenarioId);
    const runId = writeTransaction(this.db, () => {
      const incident = this.context.incidents.declare({
        title: `DRILL: ${scenario.title}`,
        severity: 'SEV2',
        services: scenario.services,
        drill: true,
        actor,
      });
      for (const reference of scenario.runbooks) {
        const runbook = this.findRunbook(reference);
        if (runbook) this.context.incidents.attachRunbook(incident.id, runbook, actor);
      }
      const startedAt = this.now();
      return this.repo.insertRun({ uid: newUid(Date.parse(startedAt)), scenarioId, incidentId: incident.id, startedAt, scenario: JSON.stringify(scenario) });
    });
    return this.tick(runId);
  }

  pause(id: number): DrillRun {
    return this.transition(id, 'running', 'paused', 'paused');
  }

  resume(id: number): DrillRun {
    return this.transition(id, 'paused', 'running', 'resumed');
  }

  /**
   * Stops the drill clock and closes the DRILL incident, so it leaves the open
   * incidents. What the team had reached by the stop is kept with the stop:
   * resolving stamps acknowledged and mitigated times that the scorecard must not count.
   */
  stop(id: number, atSeconds?: number): DrillRun {
    const run = this.runRow(id);
    if (run.state === 'stopped') throw new HoldfastError('VALIDATION', 'This drill has already stopped.', 'id');
    writeTransaction(this.db, () => {
      const stoppedAt = this.stopInstant(run, atSeconds);
      this.fireDue(run, stoppedAt);
      const incident = this.context.incidents.get(run.incident_id);
      const reached: ReachedByStop = { acknowledgedAt: incident.acknowledgedAt, mitigatedAt: incident.mitigatedAt };
      this.repo.addEvent(id, stoppedAt, 'stopped', '', JSON.stringify({ reached }));
      this.repo.setState(id, 'stopped', stoppedAt);
      if (incident.status !== 'resolved') {
        this.context.incidents.changeStatus({ id: run.incident_id, status: 'resolved', summary: 'The drill was stopped by the facilitator.', actor: 'drill facilitator' });
      }
    });
    return this.get(id);
  }

  injectAction(input: z.output<typeof InjectActionInput>): DrillRun {
    const run = this.runRow(input.id);
    if (run.state === 'stopped') throw new HoldfastError('VALIDATION', 'This drill has stopped.', 'id');
    const status = this.get(input.id).injects.find((inject) => inject.injectId === input.injectId);
    if (!status) throw new HoldfastError('NOT_FOUND', `This drill has no inject ${input.injectId}.`, 'injectId');
    if (status.status === 'fired') throw new HoldfastError('VALIDATION', `“${status.title}” has already fired.`, 'injectId');
    writeTransaction(this.db, () => {
      if (input.action === 'fire') this.fire(run, input.injectId);
      else this.repo.addEvent(run.id, this.now(), input.action === 'hold' ? 'inject_held' : 'inject_released', status.title, JSON.stringify({ injectId: input.injectId }));
    });
    return this.get(input.id);
  }

  observe(id: number, text: string): DrillRun {
    this.runRow(id);
    this.repo.addEvent(id, this.now(), 'observation', text, '{}');
    return this.get(id);
  }

  /** Fires whatever is due on the drill clock. The app calls it every second; tests call it after moving the clock. */
  tick(id: number): DrillRun {
    const run = this.runRow(id);
    const fired = writeTransaction(this.db, () => this.fireDue(run));
    if (fired > 0) this.context.injectsFired(id, run.incident_id);
    return this.get(id);
  }

  tickAll(): void {
    for (const run of this.repo.runs()) this.tick(run.id);
  }

  runs(scenarioId?: number): DrillRun[] {
    return this.repo.runs(scenarioId).map((row) => this.get(row.id));
  }

  /** A run as it stands at an instant (now unless told). */
  get(id: number, at: string = this.now()): DrillRun {
    const run = this.runRow(id);
    const events = this.repo.events(id);
    const scenario = JSON.parse(run.scenario) as DrillScenario;
    const elapsedMs = drillElapsedMs(run.started_at, events, at, run.stopped_at);
    const observations: DrillObservation[] = events
      .filter((event) => event.kind === 'observation')
      .map((event) => ({ at: event.at, elapsedSeconds: clockSeconds(drillElapsedMs(run.started_at, events, event.at, null)), text: event.text }));
    return {
      id: run.id,
      scenarioId: run.scenario_id,
      scenarioTitle: scenario.title,
      incidentId: run.incident_id,
      state: run.state,
      startedAt: run.started_at,
      stoppedAt: run.stopped_at,
      elapsedSeconds: clockSeconds(elapsedMs),
      elapsedMs,
      pauses: pausedSpans(events, run.stopped_at),
      injects: scenario.injects.map((inject) => injectStatus(inject, events, run, elapsedMs)),
      observations,
    };
  }

  scorecard(id: number): Scorecard {
    const run = this.runRow(id);
    const drill = this.get(id);
    const events = this.repo.events(id);
    const scenario = JSON.parse(run.scenario) as DrillScenario;
    const incident = this.context.incidents.get(run.incident_id);
    const timeline = this.context.incidents.timeline(run.incident_id, 'all');
    const stoppedEvent = events.find((event) => event.kind === 'stopped');
    const reached = stoppedEvent ? (JSON.parse(stoppedEvent.data) as { reached?: ReachedByStop }).reached : undefined;
    // What happened after the stop is not part of the drill.
    const duringDrill = (at: string | null) => at !== null && (run.stopped_at === null || Date.parse(at) <= Date.parse(run.stopped_at));
    const minutesAt = (at: string | null) => (duringDrill(at) ? round(drillElapsedMs(run.started_at, events, at ?? '', run.stopped_at) / 60_000) : null);
    const firstUpdate = timeline.find((event) => event.type === 'status_update')?.at ?? null;
    const acknowledgedAt = reached ? reached.acknowledgedAt : incident.acknowledgedAt;
    const mitigatedAt = reached ? reached.mitigatedAt : incident.mitigatedAt;
    const row = (measure: string, actual: number | null, target: number | null): ScorecardRow => ({
      measure,
      actualMinutes: actual,
      targetMinutes: target,
      met: target === null ? null : actual !== null && actual <= target,
    });
    const targets: DrillTargets = scenario.targets;
    return {
      runId: id,
      scenario: scenario.title,
      startedAt: run.started_at,
      durationMinutes: round(drill.elapsedSeconds / 60),
      rows: [
        row('Time to acknowledge', minutesAt(acknowledgedAt), targets.acknowledgeMinutes),
        row('Time to first status update', minutesAt(firstUpdate), targets.firstUpdateMinutes),
        row('Time to mitigate', minutesAt(mitigatedAt), targets.mitigateMinutes),
      ],
      steps: incident.runbooks.flatMap((runbook) =>
        runbook.steps.map((step) => {
          const start = minutesAt(step.startedAt);
          const end = minutesAt(step.finishedAt);
          return {
            runbook: runbook.title,
            step: step.number,
            text: stepSummary(step.text),
            state: step.state,
            startMinutes: start,
            endMinutes: end,
            durationMinutes: start !== null && end !== null ? round(end - start) : null,
          };
        }),
      ),
      injects: drill.injects.map((inject) => ({ title: inject.title, firedAtMinutes: inject.firedAtSeconds === null ? null : round(inject.firedAtSeconds / 60), status: inject.status })),
      observations: drill.observations,
    };
  }

  /** Fires the timed injects the drill clock has made due by an instant (now unless told). */
  private fireDue(run: RunRow, at: string = this.now()): number {
    if (run.state !== 'running') return 0;
    const current = this.get(run.id, at);
    const due = current.injects.filter((inject) => inject.status === 'pending' && inject.offsetSeconds !== null && inject.offsetSeconds <= current.elapsedSeconds);
    for (const inject of due) this.fire(run, inject.injectId, at);
    return due.length;
  }

  /**
   * When a stop takes effect: at the drill-clock reading the facilitator confirmed, if it is a reading of
   * the last few seconds (a console's clock and its request trail the core's by a moment), else now. Never
   * before the drill's last recorded event.
   */
  private stopInstant(run: RunRow, atSeconds: number | undefined): string {
    const now = this.now();
    if (atSeconds === undefined || run.state !== 'running') return now;
    const events = this.repo.events(run.id);
    const behindMs = drillElapsedMs(run.started_at, events, now, null) - atSeconds * 1000;
    if (behindMs <= 0 || behindMs > STOP_READING_WINDOW_MS) return now;
    const latest = Math.max(Date.parse(now) - behindMs, Date.parse(events.at(-1)?.at ?? run.started_at));
    return new Date(latest).toISOString();
  }

  /** An inject goes on the drill incident's timeline, where responders see it, and on the facilitator's log. */
  private fire(run: RunRow, injectId: string, at: string = this.now()): void {
    const scenario = JSON.parse(run.scenario) as DrillScenario;
    const inject = scenario.injects.find((candidate) => candidate.id === injectId);
    if (!inject) return;
    this.repo.addEvent(run.id, at, 'inject_fired', inject.title, JSON.stringify({ injectId }));
    this.context.incidents.logInject(run.incident_id, `${inject.title}: ${inject.text}`, { injectId });
  }

  private transition(id: number, from: RunRow['state'], to: RunRow['state'], kind: 'paused' | 'resumed'): DrillRun {
    const run = this.runRow(id);
    if (run.state !== from) throw new HoldfastError('VALIDATION', `The drill is ${run.state}, so it cannot be ${kind}.`, 'id');
    writeTransaction(this.db, () => {
      if (kind === 'paused') this.fireDue(run);
      this.repo.addEvent(id, this.now(), kind, '', '{}');
      this.repo.setState(id, to, null);
    });
    return this.get(id);
  }

  private runRow(id: number): RunRow {
    const run = this.repo.run(id);
    if (!run) throw new HoldfastError('NOT_FOUND', `No drill run with id ${id}.`, 'id');
    return run;
  }

  private findRunbook(reference: string): number | undefined {
    const items = this.context.runbooks.list({ archived: false }).items;
    return items.find((item) => String(item.id) === reference || item.uid === reference || item.title.toLowerCase() === reference.toLowerCase())?.id;
  }
}

function injectStatus(inject: DrillInject, events: EventRow[], run: RunRow, elapsedMs: number): InjectStatus {
  const mine = events.filter((event) => event.kind.startsWith('inject_') && (JSON.parse(event.data) as { injectId?: string }).injectId === inject.id);
  const fired = mine.find((event) => event.kind === 'inject_fired');
  const held = mine.at(-1)?.kind === 'inject_held';
  const firedAtSeconds = fired ? clockSeconds(drillElapsedMs(run.started_at, events, fired.at, null)) : null;
  return {
    injectId: inject.id,
    title: inject.title,
    text: inject.text,
    facilitatorNotes: inject.facilitatorNotes,
    offsetSeconds: inject.offsetSeconds,
    status: fired ? 'fired' : held ? 'held' : 'pending',
    firedAtSeconds,
    dueInSeconds: !fired && !held && inject.offsetSeconds !== null ? Math.max(0, inject.offsetSeconds - clockSeconds(elapsedMs)) : null,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Drill-clock milliseconds as the master clock shows them: whole seconds, rounded down, for every time on the drill clock. */
const clockSeconds = (ms: number): number => Math.floor(ms / 1000);

/** How far back a confirmed Stop may reach: a console's clock ticks once a second, and its request takes a moment. */
const STOP_READING_WINDOW_MS = 5000;
