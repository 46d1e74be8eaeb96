import { afterEach, describe, expect, it } from 'vitest';
import { op } from '../../fixtures/core';
import { bareRemote, closeMachines, dataMachine, type Machine } from './helpers';

afterEach(closeMachines);

const TITLE = 'Disk filling up on a database host';

/** The incident's runbooks with each step's state, as the step panel shows them. */
async function checklist(m: Machine, incidentId: number) {
  const incident = await op(m.core, 'getIncident', { id: incidentId });
  return incident.runbooks.map((runbook) => ({ title: runbook.title, steps: runbook.steps.map((step) => ({ id: step.id, state: step.state, note: step.note, actor: step.actor })) }));
}

describe('an incident’s runbooks and step states travel', () => {
  it('a runbook attached on A is attached on B (its own number there), and steps walked offline on both show one state on both', { timeout: 120_000 }, async () => {
    const remote = bareRemote();
    const a = dataMachine('Ana', '2026-11-27T03:00:00.000Z');
    const b = dataMachine('Bo', '2026-11-27T03:00:00.003Z');
    await op(a.core, 'loadDemoWorkspace', {});
    await op(a.core, 'syncInit', { remote });
    // B has a runbook of its own first: the shared ones get other numbers there.
    await op(b.core, 'saveRunbook', { metadata: { title: 'Bo’s own notes' }, body: '## Steps\n\n1. Look around.\n' });
    await op(b.core, 'syncInit', { remote });

    const runbookOnA = (await op(a.core, 'listRunbooks', {})).items.find((runbook) => runbook.title === TITLE);
    const runbookOnB = (await op(b.core, 'listRunbooks', {})).items.find((runbook) => runbook.title === TITLE);
    if (!runbookOnA || !runbookOnB) throw new Error('the demo runbook is missing');
    expect(runbookOnB.id).not.toBe(runbookOnA.id);

    const incident = await op(a.core, 'declareIncident', { title: 'Disk full on db-1', severity: 'SEV2', services: ['postgres-primary'] });
    await op(a.core, 'attachRunbook', { id: incident.id, runbookId: runbookOnA.id });
    const [first, second, third] = (await op(a.core, 'getIncident', { id: incident.id })).runbooks[0]?.steps ?? [];
    if (!first || !second || !third) throw new Error('the demo runbook has fewer than three steps');
    a.clock.advance(1000);
    await op(a.core, 'setStepState', { id: incident.id, runbookId: runbookOnA.id, stepId: first.id, state: 'done', note: 'df -h: 91 %' });
    await op(a.core, 'sync', {});
    expect((await op(b.core, 'sync', {})).problems).toEqual([]);
    const onB = (await op(b.core, 'listIncidents', {})).find((candidate) => candidate.title === 'Disk full on db-1');
    if (!onB) throw new Error('B has no incident after its sync');
    expect(await checklist(b, onB.id)).toEqual(await checklist(a, incident.id));
    expect((await op(b.core, 'getIncident', { id: onB.id })).runbooks[0]?.runbookId).toBe(runbookOnB.id);

    // Offline: A finishes the second step, B skips the third and then, later, A starts it.
    a.clock.advance(60_000);
    b.clock.advance(61_000);
    await op(a.core, 'setStepState', { id: incident.id, runbookId: runbookOnA.id, stepId: second.id, state: 'done', note: '' });
    await op(b.core, 'setStepState', { id: onB.id, runbookId: runbookOnB.id, stepId: third.id, state: 'skipped', note: 'no replica to fail over to' });
    a.clock.advance(5_000);
    await op(a.core, 'setStepState', { id: incident.id, runbookId: runbookOnA.id, stepId: third.id, state: 'started', note: '' });
    for (const m of [a, b, a]) expect((await op(m.core, 'sync', {})).problems).toEqual([]);

    const [onAList, onBList] = [await checklist(a, incident.id), await checklist(b, onB.id)];
    expect(onBList).toEqual(onAList);
    expect(onAList[0]?.steps.slice(0, 3)).toEqual([
      { id: first.id, state: 'done', note: 'df -h: 91 %', actor: 'Ana' },
      { id: second.id, state: 'done', note: '', actor: 'Ana' },
      // The latest change of the step, in the timeline's one order, holds on both machines.
      { id: third.id, state: 'started', note: '', actor: 'Ana' },
    ]);
  });
});
