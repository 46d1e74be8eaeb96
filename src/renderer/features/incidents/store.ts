import { create } from 'zustand';
import type { ChangeEvent } from '../../../shared/events';
import type { Incident, IncidentSettings, IncidentSummary, TimelineEvent } from '../../../shared/incidents';
import type { Result } from '../../../shared/result';
import { api } from '../../api/client';
import { coalesce } from '../../api/coalesce';

interface IncidentsState {
  /** Every incident, drills included (marked), open ones first; null until loaded. */
  list: IncidentSummary[] | null;
  settings: IncidentSettings | null;
  /** Full state of the incidents being watched: every open one (for step timers) and the one on screen. */
  details: Record<number, Incident>;
  /** Why an incident could not be loaded (e.g. it does not exist). */
  problems: Record<number, string>;
  /** The incident on screen and its whole timeline, oldest first. */
  onScreen: number | null;
  timeline: { id: number; events: TimelineEvent[] } | null;
  /** A failure loading the list or settings. */
  error: string | null;
  declaring: boolean;
  /** Bumped when the roster changes, so responder suggestions are asked for again. */
  rosterVersion: number;
}

export const useIncidents = create<IncidentsState>()(() => ({
  list: null,
  settings: null,
  details: {},
  problems: {},
  onScreen: null,
  timeline: null,
  error: null,
  declaring: false,
  rosterVersion: 0,
}));

export const openDeclare = () => useIncidents.setState({ declaring: true });
export const closeDeclare = () => useIncidents.setState({ declaring: false });

export function loadList(): Promise<void> {
  return coalesce('list', async () => {
    const result = await api.listIncidents({ includeDrills: true });
    if (!result.ok) {
      useIncidents.setState({ error: result.error.message });
      return;
    }
    const list = result.value;
    const { details, onScreen } = useIncidents.getState();
    const open = new Set(list.filter((incident) => incident.status !== 'resolved').map((incident) => incident.id));
    // Resolved incidents have no running timers: stop watching them unless they are on screen.
    const kept = Object.fromEntries(Object.entries(details).filter(([id]) => open.has(Number(id)) || Number(id) === onScreen));
    useIncidents.setState({ list, details: kept, error: null });
    for (const id of open) if (!(id in kept)) void loadIncident(id);
  });
}

export function loadSettings(): Promise<void> {
  return coalesce('settings', async () => {
    const result = await api.getIncidentSettings({});
    if (result.ok) useIncidents.setState({ settings: result.value });
    else useIncidents.setState({ error: result.error.message });
  });
}

export function loadIncident(id: number): Promise<void> {
  return coalesce(`incident:${id}`, async () => {
    const result = await api.getIncident({ id });
    const { details, problems } = useIncidents.getState();
    if (result.ok) {
      const { [id]: _gone, ...rest } = problems;
      useIncidents.setState({ details: { ...details, [id]: result.value }, problems: rest });
    } else {
      useIncidents.setState({ problems: { ...problems, [id]: result.error.message } });
    }
  });
}

export function loadTimeline(id: number): Promise<void> {
  return coalesce(`timeline:${id}`, async () => {
    const result = await api.getTimeline({ id });
    if (useIncidents.getState().onScreen !== id) return;
    if (result.ok) useIncidents.setState({ timeline: { id, events: result.value } });
    else useIncidents.setState({ problems: { ...useIncidents.getState().problems, [id]: result.error.message } });
  });
}

/** The incident screen opens (or closes, with null). */
export function showIncident(id: number | null): void {
  const state = useIncidents.getState();
  if (state.onScreen === id) return;
  useIncidents.setState({ onScreen: id, timeline: state.timeline?.id === id ? state.timeline : null });
  if (id !== null) {
    void loadIncident(id);
    void loadTimeline(id);
  }
}

/** Something changed in an incident, here or in another console. */
export function incidentChanged(event: Extract<ChangeEvent, { type: 'incident.changed' }>): void {
  const { details, onScreen, timeline } = useIncidents.getState();
  void loadList();
  if (event.id in details || event.id === onScreen) void loadIncident(event.id);
  if (event.id !== onScreen) return;
  // An event this console already shows (it logged it itself) needs no refetch of 10,000 rows.
  const known = event.eventId !== undefined && timeline?.id === event.id && timeline.events.some((e) => e.id === event.eventId);
  if (!known) void loadTimeline(event.id);
}

/** Puts events the store has confirmed into the timeline on screen, in order, without duplicates. */
function mergeEvents(id: number, incoming: TimelineEvent[]): void {
  const { timeline } = useIncidents.getState();
  if (timeline?.id !== id) return;
  const byId = new Map(timeline.events.map((event) => [event.id, event]));
  for (const event of incoming) byId.set(event.id, event);
  useIncidents.setState({ timeline: { id, events: [...byId.values()].sort((a, b) => a.id - b.id) } });
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs an operation that logs an event. The event shows on the timeline only
 * once the store has answered with it: what the screen shows as logged is on disk.
 */
export async function perform(
  id: number,
  operation: Promise<Result<TimelineEvent>>,
  options: { refetchTimeline?: boolean } = {},
): Promise<Outcome<TimelineEvent>> {
  const result = await operation;
  if (!result.ok) return { ok: false, message: result.error.message };
  mergeEvents(id, [result.value]);
  await Promise.all([
    loadIncident(id),
    loadList(),
    // Marking key and correcting change other events too (their flag, their "corrected by").
    options.refetchTimeline ? loadTimeline(id) : Promise.resolve(),
  ]);
  return { ok: true, value: result.value };
}

export const openIncidents = (list: IncidentSummary[] | null): IncidentSummary[] =>
  (list ?? []).filter((incident) => incident.status !== 'resolved');
