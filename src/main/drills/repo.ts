import type { DrillInject, DrillScenario, DrillTargets } from '../../shared/drills';
import type { Store } from '../store/open';

/** A scenario as stored, with its runs counted. */
interface ScenarioRow extends Omit<ScenarioValues, 'now'> {
  id: number;
  updated_at: string;
  last_run_at: string | null;
  run_count: number;
}

export interface RunRow {
  id: number;
  scenario_id: number;
  incident_id: number;
  state: 'running' | 'paused' | 'stopped';
  started_at: string;
  stopped_at: string | null;
  /** The scenario as it stood when the run started (JSON). */
  scenario: string;
}

export interface EventRow {
  at: string;
  kind: 'paused' | 'resumed' | 'inject_fired' | 'inject_held' | 'inject_released' | 'observation' | 'stopped';
  text: string;
  data: string;
}

/** A scenario's columns as written (lists and targets as JSON). */
export interface ScenarioValues {
  title: string;
  objectives: string;
  services: string;
  runbooks: string;
  targets: string;
  injects: string;
  now: string;
}

const SCENARIO_COLUMNS = `s.*, (SELECT max(started_at) FROM drill_runs WHERE scenario_id = s.id) AS last_run_at,
  (SELECT count(*) FROM drill_runs WHERE scenario_id = s.id) AS run_count`;

/** The drills' tables: scenarios, runs and each run's facilitator events. Statements are prepared once. */
export class DrillRepo {
  private readonly statements;

  constructor(db: Store) {
    this.statements = {
      scenarios: db.prepare<[], ScenarioRow>(`SELECT ${SCENARIO_COLUMNS} FROM drill_scenarios s ORDER BY s.title COLLATE NOCASE`),
      scenario: db.prepare<[number], ScenarioRow>(`SELECT ${SCENARIO_COLUMNS} FROM drill_scenarios s WHERE s.id = ?`),
      scenarioTitled: db.prepare<[string], ScenarioRow>(`SELECT ${SCENARIO_COLUMNS} FROM drill_scenarios s WHERE s.title = ? ORDER BY s.id LIMIT 1`),
      insertScenario: db.prepare<ScenarioValues & { uid: string }>(`
        INSERT INTO drill_scenarios (uid, title, objectives, services, runbooks, targets, injects, created_at, updated_at)
        VALUES (@uid, @title, @objectives, @services, @runbooks, @targets, @injects, @now, @now)`),
      updateScenario: db.prepare<ScenarioValues & { id: number }>(`
        UPDATE drill_scenarios SET title = @title, objectives = @objectives, services = @services, runbooks = @runbooks,
          targets = @targets, injects = @injects, updated_at = @now WHERE id = @id`),
      insertRun: db.prepare<{ uid: string; scenarioId: number; incidentId: number; startedAt: string; scenario: string }>(`
        INSERT INTO drill_runs (uid, scenario_id, incident_id, state, started_at, scenario)
        VALUES (@uid, @scenarioId, @incidentId, 'running', @startedAt, @scenario)`),
      run: db.prepare<[number], RunRow>('SELECT * FROM drill_runs WHERE id = ?'),
      scenarioUids: db.prepare<[], { id: number; uid: string }>('SELECT id, uid FROM drill_scenarios WHERE uid IS NOT NULL ORDER BY id'),
      runs: db.prepare<[number], RunRow>('SELECT * FROM drill_runs WHERE scenario_id = ? ORDER BY started_at'),
      activeRuns: db.prepare<[], RunRow>("SELECT * FROM drill_runs WHERE state != 'stopped' ORDER BY id"),
      setState: db.prepare<[RunRow['state'], string | null, number]>('UPDATE drill_runs SET state = ?, stopped_at = ? WHERE id = ?'),
      events: db.prepare<[number], EventRow>('SELECT at, kind, text, data FROM drill_events WHERE run_id = ? ORDER BY id'),
      addEvent: db.prepare<[number, string, EventRow['kind'], string, string]>('INSERT INTO drill_events (run_id, at, kind, text, data) VALUES (?, ?, ?, ?, ?)'),
    };
  }

  /** Each scenario's id and uid (what the shared workspace names it by). */
  scenarioUids(): { id: number; uid: string }[] {
    return this.statements.scenarioUids.all();
  }

  scenarios(): DrillScenario[] {
    return this.statements.scenarios.all().map(toScenario);
  }

  scenario(id: number): DrillScenario | undefined {
    const row = this.statements.scenario.get(id);
    return row && toScenario(row);
  }

  /** The scenario of this exact title (the oldest, should two share it). */
  scenarioTitled(title: string): DrillScenario | undefined {
    const row = this.statements.scenarioTitled.get(title);
    return row && toScenario(row);
  }

  insertScenario(values: ScenarioValues & { uid: string }): number {
    return Number(this.statements.insertScenario.run(values).lastInsertRowid);
  }

  updateScenario(id: number, values: ScenarioValues): void {
    this.statements.updateScenario.run({ ...values, id });
  }

  insertRun(run: { uid: string; scenarioId: number; incidentId: number; startedAt: string; scenario: string }): number {
    return Number(this.statements.insertRun.run(run).lastInsertRowid);
  }

  run(id: number): RunRow | undefined {
    return this.statements.run.get(id);
  }

  /** A scenario's runs, or (without one) every run not stopped. */
  runs(scenarioId?: number): RunRow[] {
    return scenarioId === undefined ? this.statements.activeRuns.all() : this.statements.runs.all(scenarioId);
  }

  setState(id: number, state: RunRow['state'], stoppedAt: string | null): void {
    this.statements.setState.run(state, stoppedAt, id);
  }

  events(runId: number): EventRow[] {
    return this.statements.events.all(runId);
  }

  addEvent(runId: number, at: string, kind: EventRow['kind'], text: string, data: string): void {
    this.statements.addEvent.run(runId, at, kind, text, data);
  }
}

function toScenario(row: ScenarioRow): DrillScenario {
  return {
    id: row.id,
    title: row.title,
    objectives: row.objectives,
    services: JSON.parse(row.services) as string[],
    runbooks: JSON.parse(row.runbooks) as string[],
    targets: JSON.parse(row.targets) as DrillTargets,
    injects: JSON.parse(row.injects) as DrillInject[],
    lastRunAt: row.last_run_at,
    runCount: row.run_count,
    updatedAt: row.updated_at,
  };
}
