import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drillElapsedMs } from '../../../src/main/drills/clock';
import { parseScenario } from '../../../src/main/drills/format';
import { DrillService } from '../../../src/main/drills/service';
import { memoryCore, op, opError } from '../../fixtures/core';
import { APP_ROOT, tempDir, writeFiles } from '../../fixtures/temp';

function documentedScenario(): string {
  const doc = fs.readFileSync(path.join(APP_ROOT, 'docs', 'drill-format.md'), 'utf8');
  return /^````markdown\n([\s\S]*?)^````$/m.exec(doc)?.[1] ?? '';
}

describe('the drill clock', () => {
  it('does not count paused time, nor time after the stop', () => {
    const events = [
      { at: '2026-11-27T10:05:00Z', kind: 'paused' },
      { at: '2026-11-27T10:15:00Z', kind: 'resumed' },
    ];
    const minutes = (at: string, stopped: string | null = null) => drillElapsedMs('2026-11-27T10:00:00Z', events, at, stopped) / 60_000;
    expect(minutes('2026-11-27T10:04:00Z')).toBe(4);
    expect(minutes('2026-11-27T10:10:00Z')).toBe(5);
    expect(minutes('2026-11-27T10:20:00Z')).toBe(10);
    expect(minutes('2026-11-27T11:00:00Z', '2026-11-27T10:25:00Z')).toBe(15);
  });
});

describe('scenario files', () => {
  it('read the documented example, and write back what they read', () => {
    const scenario = parseScenario(documentedScenario(), 'search.md');
    expect(scenario).toMatchObject({
      title: 'Search goes dark',
      services: ['search'],
      targets: { acknowledgeMinutes: 5, firstUpdateMinutes: 15, mitigateMinutes: 45 },
    });
    expect(scenario.injects.map((i) => [i.title, i.offsetSeconds, i.facilitatorNotes])).toEqual([
      ['Latency alarm', 180, 'the cause is a cache flush after the 02:00 deploy.'],
      ['Shoppers complain', 600, ''],
      ['Cache node lost', null, ''],
    ]);
    expect(scenario.injects[0]?.text).toBe('Search p99 latency jumps from 180 ms to 4 s.');
  });

  it('name the file and line of a bad inject heading', () => {
    expect(() => parseScenario('# X\n\n## Injects\n\n### Soon: thing\n\ntext\n', 'bad.md')).toThrow('bad.md:5: "Soon: thing" is not an inject heading');
    expect(() => parseScenario('# X\n\n## Injects\n\n### At later: thing\n', 'bad.md')).toThrow('bad.md:5: "later" is not a duration');
  });

  it('export and import round-trip through the API', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'search.md': documentedScenario() });
    const imported = await op(core, 'importDrillScenario', { path: path.join(dir, 'search.md') });
    const { markdown } = await op(core, 'exportDrillScenario', { id: imported.id });
    writeFiles(dir, { 'again.md': markdown });
    const again = await op(core, 'importDrillScenario', { path: path.join(dir, 'again.md') });
    expect(again.id).toBe(imported.id);
    expect({ ...again, updatedAt: '' }).toEqual({ ...imported, updatedAt: '' });
  });
});

describe('running a drill', () => {
  it('fires timed injects on the drill clock, pauses without counting, and scores against the targets', async () => {
    const { core, clock } = memoryCore('2026-11-27T10:00:00Z');
    core.prepareWorkspace({ demo: true });
    const [scenario] = await op(core, 'listDrillScenarios', {});
    expect(scenario?.title).toBe('Checkout meltdown on a busy evening');
    const run = await op(core, 'startDrill', { scenarioId: scenario?.id ?? -1, actor: 'facilitator' });
    const incident = await op(core, 'getIncident', { id: run.incidentId });
    expect(incident).toMatchObject({ drill: true, title: 'DRILL: Checkout meltdown on a busy evening', services: ['checkout', 'payments-api'] });
    expect(incident.runbooks.map((r) => r.title)).toEqual(['Checkout error rate above 2%']);

    clock.set('2026-11-27T10:01:59Z');
    expect((await op(core, 'getDrill', { id: run.id })).injects.map((i) => i.status)).toEqual(['pending', 'pending', 'pending']);
    clock.set('2026-11-27T10:02:00Z');
    const afterFirst = await op(core, 'getDrill', { id: run.id });
    expect(afterFirst.injects.map((i) => [i.status, i.firedAtSeconds])).toEqual([['fired', 120], ['pending', null], ['pending', null]]);
    expect((await op(core, 'getTimeline', { id: run.incidentId })).at(-1)).toMatchObject({ type: 'inject', text: expect.stringContaining('Error rate climbs') as string });

    clock.set('2026-11-27T10:03:00Z');
    // The responder acknowledges and takes command; naming a commander alone would not count as acknowledged.
    await op(core, 'acknowledgeIncident', { id: run.incidentId, actor: 'maya' });
    await op(core, 'assignRole', { id: run.incidentId, role: 'commander', person: { handle: 'maya', name: 'Maya Torres' } });
    await op(core, 'pauseDrill', { id: run.id });
    clock.set('2026-11-27T10:20:00Z'); // 17 minutes paused: the second inject (8m) must not fire.
    expect((await op(core, 'getDrill', { id: run.id })).injects[1]?.status).toBe('pending');
    await op(core, 'resumeDrill', { id: run.id });
    await op(core, 'drillObservation', { id: run.id, text: 'Commander named quickly' });

    clock.set('2026-11-27T10:24:00Z'); // drill clock 7:00
    await op(core, 'postStatusUpdate', { id: run.incidentId, audience: 'internal', text: 'Investigating checkout errors' });
    const [attached] = (await op(core, 'getIncident', { id: run.incidentId })).runbooks;
    const [first, second] = attached?.steps ?? [];
    await op(core, 'setStepState', { id: run.incidentId, runbookId: attached?.runbookId ?? -1, stepId: first?.id ?? '', state: 'started' });
    clock.set('2026-11-27T10:25:00Z'); // drill clock 8:00 → second inject fires
    await op(core, 'setStepState', { id: run.incidentId, runbookId: attached?.runbookId ?? -1, stepId: first?.id ?? '', state: 'done' });
    expect((await op(core, 'getDrill', { id: run.id })).injects[1]).toMatchObject({ status: 'fired', firedAtSeconds: 480 });
    const manual = (await op(core, 'getDrill', { id: run.id })).injects[2]?.injectId ?? '';
    expect((await op(core, 'drillInject', { id: run.id, injectId: manual, action: 'hold' })).injects[2]?.status).toBe('held');
    await op(core, 'drillInject', { id: run.id, injectId: manual, action: 'fire' });
    expect(await opError(core, 'drillInject', { id: run.id, injectId: manual, action: 'fire' })).toMatchObject({ code: 'VALIDATION' });
    await op(core, 'setStepState', { id: run.incidentId, runbookId: attached?.runbookId ?? -1, stepId: second?.id ?? '', state: 'started' });
    clock.set('2026-11-27T10:40:00Z'); // drill clock 23:00
    await op(core, 'setStepState', { id: run.incidentId, runbookId: attached?.runbookId ?? -1, stepId: second?.id ?? '', state: 'done' });
    await op(core, 'changeStatus', { id: run.incidentId, status: 'monitoring' });
    clock.set('2026-11-27T10:45:00Z');
    const stopped = await op(core, 'stopDrill', { id: run.id });
    expect(stopped).toMatchObject({ state: 'stopped', elapsedSeconds: 28 * 60 });
    expect(await opError(core, 'stopDrill', { id: run.id })).toMatchObject({ code: 'VALIDATION' });

    const scorecard = await op(core, 'drillScorecard', { id: run.id });
    expect(scorecard.rows).toEqual([
      { measure: 'Time to acknowledge', actualMinutes: 3, targetMinutes: 5, met: true },
      { measure: 'Time to first status update', actualMinutes: 7, targetMinutes: 10, met: true },
      { measure: 'Time to mitigate', actualMinutes: 23, targetMinutes: 30, met: true },
    ]);
    expect(scorecard.durationMinutes).toBe(28);
    expect(scorecard.steps.slice(0, 2).map((s) => [s.startMinutes, s.endMinutes, s.durationMinutes])).toEqual([
      [7, 8, 1],
      [8, 23, 15],
    ]);
    expect(scorecard.injects.map((i) => [i.title, i.firedAtMinutes])).toEqual([
      ['Error rate climbs', 2],
      ['Deploy history', 8],
      ['The CFO asks for an ETA', 8],
    ]);
    expect(scorecard.observations.map((o) => [o.elapsedSeconds, o.text])).toEqual([[180, 'Commander named quickly']]);
    expect((await op(core, 'drillTrends', { id: scenario?.id ?? -1 })).map((s) => s.runId)).toEqual([run.id]);
  });

  it('keeps drills out of real metrics and the incident history', async () => {
    const { core } = memoryCore('2026-11-27T10:00:00Z');
    core.prepareWorkspace({ demo: true });
    const [scenario] = await op(core, 'listDrillScenarios', {});
    const run = await op(core, 'startDrill', { scenarioId: scenario?.id ?? -1 });
    await op(core, 'acknowledgeIncident', { id: run.incidentId });
    expect((await op(core, 'incidentMetrics', {})).incidents).toEqual([]);
    expect(await op(core, 'searchIncidents', { query: 'DRILL' })).toEqual([]);
    expect((await op(core, 'listIncidents', { open: true })).map((i) => i.id)).not.toContain(run.incidentId);
  });

  it('the wheel of misfortune favours scenarios drilled least recently', async () => {
    const { core, clock } = memoryCore('2026-11-27T10:00:00Z');
    const a = await op(core, 'saveDrillScenario', { title: 'Drilled yesterday' });
    const b = await op(core, 'saveDrillScenario', { title: 'Never drilled' });
    clock.set('2026-11-26T10:00:00Z');
    const run = await op(core, 'startDrill', { scenarioId: a.id });
    await op(core, 'stopDrill', { id: run.id });
    clock.set('2026-11-27T10:00:00Z');
    // Weights: yesterday 2, never 400 → a roll below 2/402 picks the recent one, anything above the other.
    const wheel = (roll: number) =>
      new DrillService(core.store, { clock, incidents: core.incidents, runbooks: core.runbooks, injectsFired: () => undefined, random: () => roll }).pickScenario();
    expect(wheel(0.001).id).toBe(a.id);
    expect(wheel(0.5).id).toBe(b.id);
    expect(wheel(0.999).id).toBe(b.id);
  });
});

describe('a drill as consoles see it', () => {
  it('starting one tells every console, and the run carries each inject’s text and facilitator notes', async () => {
    const { core } = memoryCore('2026-11-27T10:00:00Z');
    core.prepareWorkspace({ demo: true });
    const [scenario] = await op(core, 'listDrillScenarios', {});
    const events: unknown[] = [];
    core.events.subscribe((event) => events.push(event));
    const run = await op(core, 'startDrill', { scenarioId: scenario?.id ?? -1 });
    expect(events).toEqual(expect.arrayContaining([{ type: 'drill.changed', id: run.id }, { type: 'incident.changed', id: run.incidentId }]));
    expect(run.injects[0]).toMatchObject({
      title: 'Error rate climbs',
      text: expect.stringContaining('Checkout 5xx responses rise to 40%') as string,
      facilitatorNotes: 'watch whether they open the checkout runbook before guessing.',
    });
  });
});

describe('the drill clock as the console shows it', () => {
  async function drill(start = '2026-11-27T10:00:00Z') {
    const { core, clock } = memoryCore(start);
    const scenario = await op(core, 'saveDrillScenario', {
      title: 'Clock check',
      injects: [
        { title: 'Alarm', text: 'The alarm rings.', offsetSeconds: 40 },
        { title: 'Later', text: 'Much later.', offsetSeconds: 3600 },
      ],
    });
    const run = await op(core, 'startDrill', { scenarioId: scenario.id });
    return { core, clock, run };
  }

  it('gives fired-at times in whole seconds rounded down, as the clock shows them, and the clock to the millisecond', async () => {
    const { core, clock, run } = await drill();
    clock.set('2026-11-27T10:00:43.700Z');
    const manual = await op(core, 'drillInject', { id: run.id, injectId: run.injects[1]?.injectId ?? '', action: 'fire' });
    // 43.7 s on the drill clock: the master clock reads 00:43, so the inject fired "at 00:43", never 00:44.
    expect(manual.injects[1]).toMatchObject({ status: 'fired', firedAtSeconds: 43 });
    expect(manual).toMatchObject({ elapsedSeconds: 43, elapsedMs: 43_700 });
    await op(core, 'drillObservation', { id: run.id, text: 'Noted' });
    expect((await op(core, 'getDrill', { id: run.id })).observations[0]?.elapsedSeconds).toBe(43);
  });

  it('lists the pauses, so step timers of the drill stand still with it', async () => {
    const { core, clock, run } = await drill();
    clock.set('2026-11-27T10:01:00Z');
    await op(core, 'pauseDrill', { id: run.id });
    clock.set('2026-11-27T10:03:00Z');
    expect((await op(core, 'getDrill', { id: run.id })).pauses).toEqual([{ from: '2026-11-27T10:01:00.000Z', to: null }]);
    await op(core, 'resumeDrill', { id: run.id });
    expect((await op(core, 'getDrill', { id: run.id })).pauses).toEqual([{ from: '2026-11-27T10:01:00.000Z', to: '2026-11-27T10:03:00.000Z' }]);
  });

  it('stops at the reading the facilitator confirmed, when it is a reading of the last few seconds', async () => {
    const { core, clock, run } = await drill();
    // The Stop dialog showed 05:00 when the facilitator confirmed; the request lands 0.8 s later.
    clock.set('2026-11-27T10:05:00.800Z');
    const stopped = await op(core, 'stopDrill', { id: run.id, atSeconds: 300 });
    expect(stopped).toMatchObject({ state: 'stopped', stoppedAt: '2026-11-27T10:05:00.000Z', elapsedSeconds: 300 });
    expect((await op(core, 'drillScorecard', { id: run.id })).durationMinutes).toBe(5);
  });

  it('stops now when the confirmed reading is not a recent one (a stale console), or is ahead of the core', async () => {
    const stale = await drill();
    stale.clock.set('2026-11-27T10:05:00Z');
    expect(await op(stale.core, 'stopDrill', { id: stale.run.id, atSeconds: 60 })).toMatchObject({ stoppedAt: '2026-11-27T10:05:00.000Z', elapsedSeconds: 300 });
    const ahead = await drill();
    ahead.clock.set('2026-11-27T10:05:00Z');
    expect(await op(ahead.core, 'stopDrill', { id: ahead.run.id, atSeconds: 302 })).toMatchObject({ stoppedAt: '2026-11-27T10:05:00.000Z', elapsedSeconds: 300 });
  });

  it('fires at the stop only the injects due by the confirmed reading', async () => {
    const { core, clock, run } = await drill();
    // The dialog read 00:39; the request arrives at 00:41, past the alarm's 00:40.
    clock.set('2026-11-27T10:00:41Z');
    const stopped = await op(core, 'stopDrill', { id: run.id, atSeconds: 39 });
    expect(stopped.injects.map((inject) => inject.status)).toEqual(['pending', 'pending']);
    expect(stopped.elapsedSeconds).toBe(39);
  });
});
