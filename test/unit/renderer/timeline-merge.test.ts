import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/shared/incidents';
import { mergeEvents } from '../../../src/renderer/features/incidents/timeline/merge';

const event = (id: number, patch: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id,
  seq: id,
  incidentId: 1,
  at: new Date(Date.UTC(2026, 10, 27, 3, 0, id)).toISOString(),
  type: 'note',
  actor: 'ana',
  actorHandle: null,
  text: `note ${id}`,
  data: {},
  key: false,
  supersededBy: null,
  ...patch,
});

describe('mergeEvents: a confirmed event put into the cached timeline as the store would answer it', () => {
  it('appends a new event in order, once, however often it arrives', () => {
    const timeline = [event(1), event(2)];
    const once = mergeEvents(timeline, [event(3)]);
    expect(once.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(mergeEvents(once, [event(3)]).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(mergeEvents(timeline, [event(4), event(3)]).map((e) => e.id)).toEqual([1, 2, 3, 4]);
  });

  it('flags the event a key mark names, and clears it on an unmark', () => {
    const marked = mergeEvents([event(1), event(2)], [event(3, { type: 'key_marked', data: { eventId: 1 } })]);
    expect(marked.find((e) => e.id === 1)?.key).toBe(true);
    const unmarked = mergeEvents(marked, [event(4, { type: 'key_unmarked', data: { eventId: 1 } })]);
    expect(unmarked.find((e) => e.id === 1)?.key).toBe(false);
  });

  it('strikes the original a correction supersedes, and leaves a mark seen twice alone', () => {
    const corrected = mergeEvents([event(1), event(2)], [event(3, { type: 'correction', data: { supersedes: 2, original: 'note 2' } })]);
    expect(corrected.find((e) => e.id === 2)?.supersededBy).toBe(3);
    // markKey answers with the event itself when it already has that flag: nothing new, nothing changed.
    const same = mergeEvents(corrected, [event(1)]);
    expect(same).toEqual(corrected);
  });
});
