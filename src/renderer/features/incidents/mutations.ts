/**
 * The incidents' writes (src/renderer/api/mutations.ts): each puts what the store
 * answered into the cache, so the screen shows exactly what is on disk, and its
 * echo fetches only what the answer does not give.
 */
import type { InputOf } from '../../../shared/contract';
import type { Incident, TimelineEvent } from '../../../shared/incidents';
import type { Target } from '../../api/invalidation';
import { runWrite } from '../../api/mutations';
import { peekOp, queryClient, setOp, updateOps } from '../../api/queries';
import { mergeEvents } from './timeline/merge';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** The writes that log one event on an incident's timeline, and what each changes besides the timeline. */
type EventWrite =
  | 'logNote'
  | 'markKey'
  | 'correctEvent'
  | 'postStatusUpdate'
  | 'acknowledgeIncident'
  | 'changeSeverity'
  | 'setIncidentImpact'
  | 'assignRole'
  | 'attachRunbook'
  | 'setStepState'
  | 'changeStatus'
  | 'settleConcurrentChange';

/**
 * Writes whose whole effect is the event itself (and, for a status update, its time):
 * the answer gives the incident, the list and its neighbours too.
 */
const EVENT_ONLY = new Set<EventWrite>(['logNote', 'markKey', 'correctEvent', 'postStatusUpdate']);

/** The reads an event write's answer gives: the timeline always; the incident's own state when the event is all that changed. */
function givenBy(name: EventWrite, id: number): Target[] {
  const timeline: Target[] = [['getTimeline', { id }], ['suggestRunbooks', { id }]];
  if (!EVENT_ONLY.has(name)) return timeline;
  return [...timeline, ['getIncident', { id }], ['listIncidents'], ['similarIncidents'], ['draftStatusUpdate', { id }], ...unmovedByAnEvent(id)];
}

/**
 * What an event that is all a write changed leaves as it was: the incident's times, impact,
 * status and severity stay, so no error budget and no change verdict or "what changed?" moves.
 */
function unmovedByAnEvent(id: number): Target[] {
  return [['listSlos'], ['getSlo'], ['sloChart'], ['incidentSloBudgets'], ['whatChanged', { incidentId: id }], ['listChanges'], ['getChange'], ['checkChange']];
}

/**
 * Runs a write that logs an event. The event shows on the timeline only once the
 * store has answered with it: what the screen shows as logged is on disk.
 */
export async function logEvent<N extends EventWrite>(name: N, input: InputOf<N> & { id: number }): Promise<Outcome<TimelineEvent>> {
  const id = input.id;
  const result = await runWrite(name, input, {
    gives: givenBy(name, id),
    apply: (value) => putEvent(id, value as TimelineEvent, EVENT_ONLY.has(name)),
  });
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.error.message };
}

/**
 * Puts a confirmed event into the cached timeline and, for an event that is all the
 * write changed, what it changes of the incident (the rest comes with the echo).
 */
function putEvent(id: number, event: TimelineEvent, eventOnly: boolean): void {
  const timeline = peekOp('getTimeline', { id });
  if (timeline === undefined) {
    // Nothing of this incident's timeline is held: its state is simply read again.
    if (eventOnly) void queryClient.invalidateQueries({ queryKey: ['getIncident', { id }] });
    return;
  }
  const isNew = !timeline.some((known) => known.id === event.id);
  setOp('getTimeline', { id }, mergeEvents(timeline, [event]));
  if (!isNew || !eventOnly) return;
  setOp('getIncident', { id }, (incident) => incident && { ...incident, ...incidentAfter(incident, event) });
  if (event.type === 'status_update') {
    updateOps('listIncidents', (list) => list.map((summary) => (summary.id === id ? { ...summary, lastUpdateAt: event.at } : summary)));
  }
}

/** What one new event changes of an incident's stored state, for the events that change nothing else. */
function incidentAfter(incident: Incident, event: TimelineEvent): Partial<Incident> {
  return { eventCount: incident.eventCount + 1, ...(event.type === 'status_update' ? { lastUpdateAt: event.at } : {}) };
}

/** Declares an incident; the new incident is cached before the screen opens on it. */
export async function declareIncident(input: InputOf<'declareIncident'>) {
  const result = await runWrite('declareIncident', input, {
    apply: (incident) => setOp('getIncident', { id: incident.id }, incident),
    gives: [],
  });
  return result;
}
