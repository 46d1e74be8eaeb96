import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventFile } from '../../../src/shared/sync';
import { changeHeads, deriveState, mergeTimelines } from '../../../src/main/sync/timeline';
import { eventFile, incidentFile } from './helpers';

const T0 = Date.parse('2026-11-27T03:00:00Z');
const INCIDENT = incidentFile(T0);

function event(minute: number, type: EventFile['type'], data: Record<string, unknown> = {}, actor = 'Ana', supersedes: string | null = null): EventFile {
  return eventFile(INCIDENT.uid, T0 + minute * 60_000, { type, actor, text: `${type} at ${minute}`, data, supersedes });
}

describe('merging timelines', () => {
  it('is the union by uid, ordered by time and then uid', () => {
    const shared = event(1, 'note');
    const a = [shared, event(3, 'note'), event(5, 'note')];
    const b = [shared, event(2, 'note'), event(5, 'note')];
    const { events, clashes } = mergeTimelines(a, b);
    expect(clashes).toEqual([]);
    expect(events).toHaveLength(5);
    expect(events.map((entry) => entry.at)).toEqual([...events.map((entry) => entry.at)].sort());
    const sameMinute = events.filter((entry) => entry.at === a[2]?.at);
    expect(sameMinute.map((entry) => entry.uid)).toEqual(sameMinute.map((entry) => entry.uid).sort());
  });

  it('lists two different events under one uid instead of dropping one in silence', () => {
    const one = event(1, 'note');
    const { events, clashes } = mergeTimelines([one], [{ ...one, text: 'rewritten' }]);
    expect(events).toEqual([one]);
    expect(clashes).toEqual([one.uid]);
  });
});

describe('the state a merged timeline gives', () => {
  it('follows status and severity changes made one after the other', () => {
    const identified = event(2, 'status_changed', { from: 'investigating', to: 'identified', previous: [] });
    const events = [event(1, 'acknowledged'), identified, event(3, 'severity_changed', { severity: 'SEV1', previous: [] }), event(4, 'status_changed', { to: 'resolved', previous: [identified.uid] })];
    const state = deriveState(INCIDENT, events);
    expect(state).toMatchObject({ status: 'resolved', severity: 'SEV1', acknowledgedAt: '2026-11-27T03:01:00.000Z', resolvedAt: '2026-11-27T03:04:00.000Z', concurrent: [] });
  });

  it('flags a status changed on two machines at once with both values, for the commander', () => {
    const onA = event(2, 'status_changed', { to: 'identified', previous: [] }, 'Ana');
    const onB = event(3, 'status_changed', { to: 'monitoring', previous: [] }, 'Bo');
    const state = deriveState(INCIDENT, mergeTimelines([onA], [onB]).events);
    expect(state.concurrent).toEqual([
      {
        field: 'status',
        changes: [
          { uid: onA.uid, value: 'identified', actor: 'Ana', at: onA.at },
          { uid: onB.uid, value: 'monitoring', actor: 'Bo', at: onB.at },
        ],
      },
    ]);
    // The commander's choice follows both, and settles them.
    const chosen = event(4, 'status_changed', { to: 'monitoring', previous: changeHeads([onA, onB], 'status').map((head) => head.uid) }, 'Cy');
    expect(deriveState(INCIDENT, [onA, onB, chosen])).toMatchObject({ status: 'monitoring', concurrent: [] });
  });

  it('does not flag two machines that set the same severity', () => {
    const state = deriveState(INCIDENT, [event(2, 'severity_changed', { severity: 'SEV1', previous: [] }), event(3, 'severity_changed', { severity: 'SEV1', previous: [] })]);
    expect(state).toMatchObject({ severity: 'SEV1', concurrent: [] });
  });

  it('reads changes written before sync (no `previous`) as one after the other', () => {
    const state = deriveState(INCIDENT, [event(2, 'status_changed', { to: 'identified' }), event(3, 'status_changed', { to: 'monitoring' })]);
    expect(state).toMatchObject({ status: 'monitoring', concurrent: [] });
  });

  it('keeps a corrected event and names its correction; key marks follow their last event', () => {
    const note = event(1, 'note');
    const correction = event(2, 'correction', {}, 'Ana', note.uid);
    const state = deriveState(INCIDENT, [note, correction, event(3, 'key_marked', { event: note.uid }), event(4, 'key_marked', { event: correction.uid }), event(5, 'key_unmarked', { event: note.uid })]);
    expect(state.supersededBy).toEqual({ [note.uid]: correction.uid });
    expect(state.key).toEqual([correction.uid]);
  });
});

const arbitraryEvent = fc
  .record({
    minute: fc.integer({ min: 0, max: 30 }),
    kind: fc.constantFrom('note', 'status', 'severity', 'ack'),
    value: fc.constantFrom(0, 1, 2),
  })
  .map(({ minute, kind, value }) => {
    if (kind === 'status') return event(minute, 'status_changed', { to: ['identified', 'monitoring', 'resolved'][value], previous: [] });
    if (kind === 'severity') return event(minute, 'severity_changed', { severity: ['SEV1', 'SEV3', 'SEV4'][value], previous: [] });
    return event(minute, kind === 'ack' ? 'acknowledged' : 'note');
  });

describe('timeline merge properties', () => {
  it('gives the same events in the same order and the same state whichever machine merges, and however the events were split', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 40, maxLength: 40 }), (all, owners) => {
        const machines: EventFile[][] = [[], [], []];
        all.forEach((entry, index) => {
          machines[owners[index] ?? 0]?.push(entry);
          if (index % 3 === 0) machines[((owners[index] ?? 0) + 1) % 3]?.push(entry); // some events both machines already hold
        });
        const [a = [], b = [], c = []] = machines;
        const orders = [mergeTimelines(a, b, c), mergeTimelines(c, b, a), mergeTimelines(mergeTimelines(b, a).events, c), mergeTimelines(a, b, c, a, c)];
        const first = orders[0];
        for (const merged of orders) {
          expect(merged.events).toEqual(first?.events);
          expect(deriveState(INCIDENT, merged.events)).toEqual(deriveState(INCIDENT, first?.events ?? []));
        }
        expect(new Set(first?.events.map((entry) => entry.uid))).toEqual(new Set(all.map((entry) => entry.uid)));
      }),
    );
  });
});
