import { SEVERITIES, type AttachedRunbook, type Incident, type IncidentStep, type TimelineEvent } from '../../../shared/incidents';
import { defaultStep } from '../incidents/runner/steps';
import { roleLabel } from '../incidents/roles/roles';

/** The standard roles by the names a room calls them (the wall has little width to spare). */
const WALL_ROLE_LABELS: Record<string, string> = { commander: 'Commander', operations: 'Ops', communications: 'Comms', scribe: 'Scribe' };

/** When the next status update is due: the last one (or the start) plus the severity's cadence. */
export function nextUpdate(incident: Pick<Incident, 'lastUpdateAt' | 'startedAt' | 'updateEveryMinutes'>, now: number): { dueAt: number; overdue: boolean; ms: number } {
  const dueAt = Date.parse(incident.lastUpdateAt ?? incident.startedAt) + incident.updateEveryMinutes * 60_000;
  return { dueAt, overdue: now >= dueAt, ms: Math.abs(dueAt - now) };
}

/** Where one attached runbook's walk stands: the step in progress, else the next not walked, else all walked. */
export interface RunbookPosition {
  runbookId: number;
  title: string;
  total: number;
  /** The step to show, or null when every step is walked (or the runbook came without steps). */
  step: IncidentStep | null;
  finished: number;
}

export function runbookPositions(incident: Pick<Incident, 'runbooks'>): RunbookPosition[] {
  return incident.runbooks.map((runbook: AttachedRunbook) => {
    const open = runbook.steps.filter((step) => step.state === 'pending' || step.state === 'started');
    const current = open.length > 0 ? defaultStep(runbook.steps.map((step, index) => ({ key: step.id, runbook, step, index }))) : undefined;
    return {
      runbookId: runbook.runbookId,
      title: runbook.title,
      total: runbook.steps.length,
      step: current?.step ?? null,
      finished: runbook.steps.length - open.length,
    };
  });
}

/** The latest notes (a correction stands for the note it replaced), newest first. */
export function lastNotes(timeline: readonly TimelineEvent[], count: number): TimelineEvent[] {
  const notes: TimelineEvent[] = [];
  for (let index = timeline.length - 1; index >= 0 && notes.length < count; index--) {
    const event = timeline[index];
    if (!event || event.supersededBy !== null) continue;
    if (event.type === 'note' || event.type === 'correction') notes.push(event);
  }
  return notes;
}

/** Who holds each role, the commander first: "Commander: Priya Raman", "Comms: Sam Okoro". */
export function roleLines(incident: Pick<Incident, 'roles'>): { role: string; label: string; name: string }[] {
  const order = (role: string) => (role === 'commander' ? 0 : 1);
  return [...incident.roles]
    .sort((a, b) => order(a.role) - order(b.role))
    .map((assignment) => ({ role: assignment.role, label: WALL_ROLE_LABELS[assignment.role] ?? roleLabel(assignment.role), name: assignment.person.name }));
}

/** The most tiles a wall shows at once: each stays legible from across the room. */
export const MAX_TILES = 6;

/**
 * How a wall lays out its incidents: the most severe (then the oldest) in tiles,
 * in as many columns and rows as they need, fewer notes per tile as tiles shrink;
 * the rest are named in one line below.
 */
export function wallLayout<T extends Pick<Incident, 'severity' | 'startedAt' | 'id'>>(
  incidents: readonly T[],
): { tiles: T[]; more: T[]; columns: number; rows: number; notes: number; runbooks: number } {
  const ranked = [...incidents].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id - b.id,
  );
  const tiles = ranked.slice(0, MAX_TILES);
  const more = ranked.slice(MAX_TILES);
  const count = tiles.length;
  // Side by side while three fit across (each keeps the whole height), then in two rows.
  const columns = count === 4 ? 2 : Math.min(3, Math.max(1, count));
  const rows = Math.max(1, Math.ceil(count / columns));
  const notes = rows > 1 ? 1 : columns === 3 ? 3 : 5;
  return { tiles, more, columns, rows, notes, runbooks: rows === 1 ? 4 : 2 };
}
