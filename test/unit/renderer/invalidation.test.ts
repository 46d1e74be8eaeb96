import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { DrillRun } from '../../../src/shared/drills';
import type { ChangeEvent } from '../../../src/shared/events';
import { covers, EchoLedger, INVALIDATES, StaleBatch, staleAfter, type Target } from '../../../src/renderer/api/invalidation';

const cache = new QueryClient();
const noteEcho: Target[] = [['getTimeline', { id: 7 }], ['getIncident', { id: 7 }], ['listIncidents'], ['similarIncidents']];

describe('which cached reads a change event makes stale', () => {
  it('has a rule for every change event the core sends', () => {
    const types: Record<ChangeEvent['type'], true> = {
      'runbooks.changed': true,
      'rosters.changed': true,
      'workspace.changed': true,
      'breakglass.changed': true,
      'incident.changed': true,
      'drill.changed': true,
      'scenarios.changed': true,
      'postmortem.changed': true,
      'changes.changed': true,
      'backups.changed': true,
      'slos.changed': true,
      'sync.changed': true,
      'store.replaced': true,
    };
    expect(Object.keys(INVALIDATES).sort()).toEqual(Object.keys(types).sort());
  });

  it('SLOs changed (definitions, data, exclusions), or an incident changed: every budget on screen is read again', () => {
    const slos = staleAfter({ type: 'slos.changed' }, cache, new EchoLedger());
    expect(slos).toEqual(expect.arrayContaining([['listSlos'], ['getSlo'], ['sloChart'], ['incidentSloBudgets']]));
    // An incident's impact counts into its services' budgets.
    expect(staleAfter({ type: 'incident.changed', id: 7 }, cache, new EchoLedger())).toEqual(expect.arrayContaining([['listSlos'], ['getSlo'], ['sloChart']]));
  });

  it('a change walked elsewhere: the change, its verdict, the lists, the calendar and every incident\'s "what changed?"', () => {
    const stale = staleAfter({ type: 'changes.changed', id: 3 }, cache, new EchoLedger());
    expect(stale).toEqual(expect.arrayContaining([['getChange'], ['checkChange'], ['listChanges'], ['changeCalendar'], ['whatChanged']]));
    // An incident opened or resolved changes its own "what changed?" and the stop-the-line verdicts.
    expect(staleAfter({ type: 'incident.changed', id: 7 }, cache, new EchoLedger())).toEqual(expect.arrayContaining([['whatChanged', { incidentId: 7 }], ['checkChange']]));
  });

  it('an incident changed elsewhere: its state, its timeline and the lists it is in', () => {
    const stale = staleAfter({ type: 'incident.changed', id: 7, eventId: 40 }, cache, new EchoLedger());
    expect(stale).toEqual(expect.arrayContaining([['getIncident', { id: 7 }], ['getTimeline', { id: 7 }], ['listIncidents']]));
  });

  it("this console's own note: nothing its answer already gave is fetched again", () => {
    const ledger = new EchoLedger();
    ledger.expect('c0ffee-1', noteEcho);
    const stale = staleAfter({ type: 'incident.changed', id: 7, eventId: 40, requestId: 'c0ffee-1' }, cache, ledger);
    expect(stale).not.toContainEqual(['getTimeline', { id: 7 }]);
    expect(stale).not.toContainEqual(['getIncident', { id: 7 }]);
    expect(stale).not.toContainEqual(['listIncidents']);
    // Another console's write, or another of this console's, still invalidates as usual.
    expect(staleAfter({ type: 'incident.changed', id: 7, requestId: 'other-1' }, cache, ledger)).toContainEqual(['getTimeline', { id: 7 }]);
    expect(staleAfter({ type: 'incident.changed', id: 8, requestId: 'c0ffee-1' }, cache, ledger)).toContainEqual(['getTimeline', { id: 8 }]);
  });

  it('a post-mortem edited elsewhere: its draft, its export and the action items', () => {
    expect(staleAfter({ type: 'postmortem.changed', incidentId: 3 }, cache, new EchoLedger())).toEqual(
      expect.arrayContaining([['getPostmortem', { incidentId: 3 }], ['exportPostmortem', { incidentId: 3 }], ['listActionItems']]),
    );
  });

  it("a drill's incident changing refreshes that drill's live scorecard, found through the cached runs", () => {
    const client = new QueryClient();
    client.setQueryData(['listDrillRuns', {}], [{ id: 2, incidentId: 9 } as DrillRun]);
    expect(staleAfter({ type: 'incident.changed', id: 9 }, client, new EchoLedger())).toContainEqual(['drillScorecard', { id: 2 }]);
    expect(staleAfter({ type: 'incident.changed', id: 10 }, client, new EchoLedger())).not.toContainEqual(['drillScorecard', { id: 2 }]);
  });

  it('a restored store makes everything stale, even for its own console', () => {
    const ledger = new EchoLedger();
    ledger.expect('c0ffee-2', [['getWorkspace']]);
    expect(staleAfter({ type: 'store.replaced', requestId: 'c0ffee-2' }, cache, ledger)).toBe('everything');
  });

  it('a read given without input covers every input of its operation; one with input covers only that one', () => {
    expect(covers([['listIncidents']], ['listIncidents'])).toBe(true);
    expect(covers([['getIncident', { id: 7 }]], ['getIncident', { id: 7 }])).toBe(true);
    expect(covers([['getIncident', { id: 7 }]], ['getIncident', { id: 8 }])).toBe(false);
    expect(covers([['getIncident', { id: 7 }]], ['getIncident'])).toBe(false);
  });

  it('forgets the oldest writes past its capacity', () => {
    const ledger = new EchoLedger(2);
    ledger.expect('a', noteEcho);
    ledger.expect('b', noteEcho);
    ledger.expect('c', noteEcho);
    expect(ledger.givenBy({ type: 'runbooks.changed', requestId: 'a' })).toBeNull();
    expect(ledger.givenBy({ type: 'runbooks.changed', requestId: 'c' })).toEqual(noteEcho);
  });
});

describe('StaleBatch: the events of one write fetch each stale read once', () => {
  it('collects a burst and invalidates each read once', async () => {
    const invalidated: unknown[] = [];
    const batch = new StaleBatch({ invalidateQueries: (filters?: { queryKey?: unknown }) => (invalidated.push(filters?.queryKey ?? 'everything'), Promise.resolve()) });
    batch.add([['getDrill', { id: 1 }], ['listDrillRuns']]);
    batch.add([['listDrillRuns'], ['getIncident', { id: 4 }]]);
    expect(invalidated).toEqual([]);
    await Promise.resolve();
    expect(invalidated).toEqual([['getDrill', { id: 1 }], ['listDrillRuns'], ['getIncident', { id: 4 }]]);
  });
});
