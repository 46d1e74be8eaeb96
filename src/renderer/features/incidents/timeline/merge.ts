import type { TimelineEvent } from '../../../../shared/incidents';

/**
 * A timeline with events the store has confirmed put in, as the store would
 * answer it: in order, each once, and the events they act on updated (a key mark
 * flags its event, a correction strikes its original). So a console that logged an
 * event needs no refetch of a 10,000-event timeline to show it.
 */
export function mergeEvents(timeline: readonly TimelineEvent[], incoming: readonly TimelineEvent[]): TimelineEvent[] {
  const byId = new Map(timeline.map((event) => [event.id, event]));
  const fresh = incoming.filter((event) => !byId.has(event.id)).sort((a, b) => a.id - b.id);
  for (const event of incoming) byId.set(event.id, event);
  for (const event of fresh) {
    const target = typeof event.data.eventId === 'number' ? event.data.eventId : typeof event.data.supersedes === 'number' ? event.data.supersedes : null;
    const original = target === null ? undefined : byId.get(target);
    if (!original) continue;
    if (event.type === 'key_marked' || event.type === 'key_unmarked') byId.set(original.id, { ...original, key: event.type === 'key_marked' });
    else if (event.type === 'correction') byId.set(original.id, { ...original, supersededBy: event.id });
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
