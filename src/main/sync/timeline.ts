import type { ConcurrentChange, ConcurrentField, IncidentStatus, Severity } from '../../shared/incidents';
import type { EventFile, IncidentFile } from '../../shared/sync';

/**
 * Timelines from several machines, put together: a union of events by uid,
 * ordered by time then uid, so every machine holding the same events shows them
 * in the same order and derives the same state from them.
 */

/** Time, then uid: a total order every machine agrees on. */
export function timelineOrder(a: EventFile, b: EventFile): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0) return byTime;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/**
 * The union of timelines by event uid, in timeline order. Two different events
 * under one uid (which ULIDs make practically impossible) are never settled in
 * silence: the first one read is kept and the uid is listed in `clashes`.
 */
export function mergeTimelines(...timelines: readonly (readonly EventFile[])[]): { events: EventFile[]; clashes: string[] } {
  const byUid = new Map<string, EventFile>();
  const clashes = new Set<string>();
  for (const timeline of timelines) {
    for (const event of timeline) {
      const known = byUid.get(event.uid);
      if (!known) byUid.set(event.uid, event);
      else if (JSON.stringify(known) !== JSON.stringify(event)) clashes.add(event.uid);
    }
  }
  return { events: [...byUid.values()].sort(timelineOrder), clashes: [...clashes].sort() };
}

/** The fields two machines may change at once, and the event type that changes each. */
const CHANGES = { status: 'status_changed', severity: 'severity_changed' } as const satisfies Record<ConcurrentField, string>;
export type ChangedField = ConcurrentField;

/**
 * What a change event says it followed: `data.previous` holds the uids of the
 * latest changes of that field its writer had seen ([] for none). An event
 * without it (written before sync, or imported) follows the change before it.
 */
function previousOf(event: EventFile, before: EventFile | undefined): string[] {
  const previous = event.data.previous;
  if (Array.isArray(previous)) return previous.filter((value): value is string => typeof value === 'string');
  if (typeof previous === 'string') return [previous];
  if (previous === null) return [];
  return before ? [before.uid] : [];
}

/**
 * The latest changes of a field nobody has followed yet: one normally; more
 * than one when machines changed it without seeing each other's change.
 * A new change records these as its `previous`, and so settles them.
 */
export function changeHeads(events: readonly EventFile[], field: ChangedField): EventFile[] {
  const changes = events.filter((event) => event.type === CHANGES[field]).sort(timelineOrder);
  const followed = new Set<string>();
  changes.forEach((event, index) => {
    for (const uid of previousOf(event, changes[index - 1])) followed.add(uid);
  });
  return changes.filter((event) => !followed.has(event.uid));
}

export const valueOf = (event: EventFile, field: ChangedField): string => String(field === 'status' ? event.data.to : event.data.severity);

/** A field's heads when they disagree (each machine's change, in timeline order): null when the field is settled. */
export function concurrentChange(events: readonly EventFile[], field: ChangedField): ConcurrentChange | null {
  const heads = changeHeads(events, field);
  if (new Set(heads.map((event) => valueOf(event, field))).size < 2) return null;
  return { field, changes: heads.map((event) => ({ uid: event.uid, value: valueOf(event, field), actor: event.actor, at: event.at })) };
}

/** Every field changed on two machines at once, status first. */
export const concurrentChanges = (events: readonly EventFile[]): ConcurrentChange[] =>
  (Object.keys(CHANGES) as ChangedField[]).flatMap((field) => concurrentChange(events, field) ?? []);

export interface DerivedState {
  status: IncidentStatus;
  severity: Severity;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  /** Event uid → the uid of the correction that replaced it. */
  supersededBy: Record<string, string>;
  /** Uids of the events marked key, in timeline order. */
  key: string[];
  /** Fields changed on two machines at once: flagged for the commander, never silently settled. */
  concurrent: ConcurrentChange[];
}

/** The incident's state as its merged timeline says; the same events give the same state on every machine. */
export function deriveState(incident: IncidentFile, events: readonly EventFile[]): DerivedState {
  const ordered = [...events].sort(timelineOrder);
  const state: DerivedState = { status: 'investigating', severity: incident.severity, acknowledgedAt: null, resolvedAt: null, supersededBy: {}, key: [], concurrent: [] };
  const key = new Set<string>();
  for (const event of ordered) {
    if (event.type === 'acknowledged') state.acknowledgedAt ??= event.at;
    if (event.type === 'correction' && event.supersedes) state.supersededBy[event.supersedes] ??= event.uid;
    const target = typeof event.data.event === 'string' ? event.data.event : null;
    if (event.type === 'key_marked' && target) key.add(target);
    if (event.type === 'key_unmarked' && target) key.delete(target);
  }
  for (const field of Object.keys(CHANGES) as ChangedField[]) {
    const heads = changeHeads(ordered, field);
    const latest = heads.at(-1);
    if (latest) {
      if (field === 'status') state.status = valueOf(latest, field) as IncidentStatus;
      else state.severity = valueOf(latest, field) as Severity;
    }
  }
  state.concurrent = concurrentChanges(ordered);
  if (state.status === 'resolved') state.resolvedAt = changeHeads(ordered, 'status').at(-1)?.at ?? null;
  state.key = ordered.filter((event) => key.has(event.uid)).map((event) => event.uid);
  return state;
}
