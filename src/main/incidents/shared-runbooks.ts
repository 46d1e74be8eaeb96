import type { EventType, StepState } from '../../shared/incidents';
import type { RunbookStep } from '../../shared/runbooks';
import type { EventRow, IncidentRepo } from './repo';

/**
 * An incident's runbooks and step states across machines (docs/sync.md): they
 * travel as the timeline events that made them (`runbook_attached`,
 * `step_started` … `step_failed`), whose files name the runbook by its stable
 * id (`data.runbook`, `rb_…`) because runbook numbers are local to a store.
 * Taken in, an attachment attaches that runbook here (its steps as this
 * machine has them), and the step states are replayed from the whole timeline
 * in its one order (time, then uid), so every machine holding the same events
 * shows the same state of each step.
 */

const RUNBOOK_EVENTS: ReadonlySet<EventType> = new Set(['runbook_attached', 'step_started', 'step_done', 'step_skipped', 'step_failed']);

/** This store's runbooks as an import needs them. */
export interface LocalRunbooks {
  /** The stable id (`rb_…`) of a runbook number here. */
  stableId(localId: number): string | undefined;
  /** The number here of a stable id, if this store has that runbook. */
  localId(stableId: string): number | undefined;
  /** What an attachment keeps of a runbook here: its title, revision and the steps to walk. */
  snapshot(localId: number): { title: string; revision: number; steps: RunbookStep[] };
}

/** An event's data as its file says it: the runbook by its stable id instead of this store's number. */
export function runbookToFile(type: EventType, data: Record<string, unknown>, runbooks: Pick<LocalRunbooks, 'stableId'>): void {
  if (!RUNBOOK_EVENTS.has(type) || typeof data.runbookId !== 'number') return;
  const stable = runbooks.stableId(data.runbookId);
  delete data.runbookId;
  if (stable !== undefined) data.runbook = stable;
}

/**
 * An event's data from its file, with this store's number of its runbook; an
 * event whose runbook is not here keeps no number (another machine's number
 * would name a different runbook here). Returns the number, if any.
 */
export function runbookFromFile(type: EventType, data: Record<string, unknown>, runbooks: Pick<LocalRunbooks, 'localId'>): number | undefined {
  if (!RUNBOOK_EVENTS.has(type)) return undefined;
  delete data.runbookId;
  const local = typeof data.runbook === 'string' ? runbooks.localId(data.runbook) : undefined;
  if (local !== undefined) data.runbookId = local;
  return local;
}

/** Attaches the runbook of an attachment event taken in, unless it is attached already. */
export function attachTaken(repo: IncidentRepo, incidentId: number, runbookId: number, at: string, runbooks: Pick<LocalRunbooks, 'snapshot'>): void {
  if (repo.runbooks(incidentId).some((attached) => attached.runbookId === runbookId)) return;
  repo.attach(incidentId, { id: runbookId, ...runbooks.snapshot(runbookId) }, at);
}

interface StepRecord {
  state: StepState;
  startedAt: string | null;
  finishedAt: string | null;
  note: string;
  actor: string;
}

/** Sets each step of the incident's attached runbooks to what its step events say, in timeline order. */
export function replaySteps(repo: IncidentRepo, incidentId: number, events: readonly EventRow[]): void {
  const attached = new Map(repo.runbooks(incidentId).map((runbook) => [runbook.runbookId, new Set(runbook.steps.map((step) => step.id))]));
  const states = new Map<string, StepRecord & { runbookId: number; stepId: string }>();
  for (const event of events) {
    if (!event.type.startsWith('step_')) continue;
    const data = JSON.parse(event.data) as { runbookId?: unknown; stepId?: unknown; note?: unknown };
    if (typeof data.runbookId !== 'number' || typeof data.stepId !== 'string' || !attached.get(data.runbookId)?.has(data.stepId)) continue;
    const key = `${data.runbookId}\n${data.stepId}`;
    const state = event.type.slice('step_'.length) as StepState;
    const before = states.get(key);
    states.set(key, {
      runbookId: data.runbookId,
      stepId: data.stepId,
      state,
      startedAt: before?.startedAt ?? event.at,
      finishedAt: state === 'started' ? null : event.at,
      note: typeof data.note === 'string' ? data.note : '',
      actor: event.actor,
    });
  }
  for (const step of states.values()) repo.setStep({ incidentId, ...step });
}
