import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core} from '../../../src/main/core/core';
import { openCore } from '../../../src/main/core/core';
import { fixedClock } from '../../../src/main/core/clock';
import { memoryCore, op, opError } from '../../fixtures/core';
import { ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

async function declared(core: Core, severity: 'SEV1' | 'SEV2' = 'SEV2') {
  return op(core, 'declareIncident', { title: 'Checkout failing', severity, services: ['checkout'], actor: 'ana' });
}

describe('the incident lifecycle', () => {
  it('declares with the start time defaulting to now, and detected defaulting to started', async () => {
    const { core } = memoryCore('2026-11-27T03:00:00Z');
    const incident = await declared(core);
    expect(incident).toMatchObject({ status: 'investigating', severity: 'SEV2', startedAt: '2026-11-27T03:00:00.000Z', detectedAt: '2026-11-27T03:00:00.000Z', acknowledgedAt: null, updateEveryMinutes: 60 });
    const other = await op(core, 'declareIncident', { title: 'Late', severity: 'SEV3', startedAt: '2026-11-27T01:00:00Z', detectedAt: '2026-11-27T02:30:00+00:00' });
    expect(other).toMatchObject({ startedAt: '2026-11-27T01:00:00.000Z', detectedAt: '2026-11-27T02:30:00.000Z', declaredAt: '2026-11-27T03:00:00.000Z' });
    const [event] = await op(core, 'getTimeline', { id: incident.id });
    expect(event).toMatchObject({ type: 'declared', actor: 'ana', text: 'Declared SEV2: Checkout failing' });
  });

  it('will not resolve without a summary', async () => {
    const { core } = memoryCore();
    const incident = await declared(core);
    expect(await opError(core, 'changeStatus', { id: incident.id, status: 'resolved' })).toMatchObject({ code: 'VALIDATION', field: 'summary' });
    expect(await opError(core, 'changeStatus', { id: incident.id, status: 'resolved', summary: '   ' })).toMatchObject({ field: 'summary' });
    expect((await op(core, 'getIncident', { id: incident.id })).status).toBe('investigating');
    expect(await op(core, 'getTimeline', { id: incident.id })).toHaveLength(1);
  });

  it('sets acknowledged, mitigated and resolved once, and keeps them when reopened and resolved again', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    const { id } = await declared(core);
    clock.set('2026-11-27T03:05:00Z');
    await op(core, 'changeStatus', { id, status: 'identified' });
    clock.set('2026-11-27T03:20:00Z');
    await op(core, 'changeStatus', { id, status: 'monitoring' });
    clock.set('2026-11-27T03:50:00Z');
    await op(core, 'changeStatus', { id, status: 'resolved', summary: 'A bad deploy; rolled back.' });
    clock.set('2026-11-27T04:10:00Z');
    await op(core, 'changeStatus', { id, status: 'investigating' });
    clock.set('2026-11-27T04:30:00Z');
    await op(core, 'changeStatus', { id, status: 'resolved', summary: 'It came back; now fixed for good.' });
    expect(await op(core, 'getIncident', { id })).toMatchObject({
      status: 'resolved',
      acknowledgedAt: '2026-11-27T03:05:00.000Z',
      mitigatedAt: '2026-11-27T03:20:00.000Z',
      resolvedAt: '2026-11-27T03:50:00.000Z',
      resolutionSummary: 'It came back; now fixed for good.',
    });
    expect(await opError(core, 'changeStatus', { id, status: 'resolved', summary: 'again' })).toMatchObject({ code: 'VALIDATION', field: 'status' });
  });

  it('assigning a commander does not acknowledge the incident; a new commander is logged as a handover', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    const { id } = await declared(core);
    clock.advance(120_000);
    await op(core, 'assignRole', { id, role: 'Commander', person: { handle: 'maya', name: 'Maya Torres' } });
    clock.advance(600_000);
    const handover = await op(core, 'assignRole', { id, role: 'commander', person: { handle: 'sam', name: 'Sam Okoro' } });
    expect(handover.text).toBe('Sam Okoro is commander (handover from Maya Torres)');
    const incident = await op(core, 'getIncident', { id });
    expect(incident.acknowledgedAt).toBeNull();
    expect(incident.commander).toEqual({ handle: 'sam', name: 'Sam Okoro' });
    await op(core, 'assignRole', { id, role: 'Incident historian', person: { name: 'Lee Park' } });
    expect((await op(core, 'getIncident', { id })).roles.map((r) => r.role)).toEqual(['commander', 'incident historian']);
  });
});

describe('acknowledgement', () => {
  it('is an event on the timeline saying who and when; the incident’s acknowledged time is that event’s', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    const { id } = await declared(core);
    clock.set('2026-11-27T03:04:00Z');
    const event = await op(core, 'acknowledgeIncident', { id, actor: 'maya' });
    expect(event).toMatchObject({ type: 'acknowledged', actor: 'maya', text: 'Acknowledged', at: '2026-11-27T03:04:00.000Z', seq: 2 });
    expect((await op(core, 'getIncident', { id })).acknowledgedAt).toBe(event.at);
    clock.set('2026-11-27T03:06:00Z');
    const again = await opError(core, 'acknowledgeIncident', { id, actor: 'sam' });
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'Already acknowledged by maya at 2026-11-27T03:04:00.000Z.' });
    // A later status change leaves the acknowledgement as it was.
    await op(core, 'changeStatus', { id, status: 'identified', actor: 'sam' });
    expect((await op(core, 'getTimeline', { id })).map((e) => [e.type, e.actor])).toEqual([
      ['declared', 'ana'],
      ['acknowledged', 'maya'],
      ['status_changed', 'sam'],
    ]);
  });

  it('is recorded, as its own event, by the first status change when nobody acknowledged before', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    const { id } = await declared(core);
    clock.set('2026-11-27T03:07:00Z');
    await op(core, 'changeStatus', { id, status: 'identified', actor: 'lee' });
    const timeline = await op(core, 'getTimeline', { id });
    expect(timeline.slice(1).map((e) => [e.type, e.actor, e.text, e.at])).toEqual([
      ['acknowledged', 'lee', 'Acknowledged (by changing the status to identified)', '2026-11-27T03:07:00.000Z'],
      ['status_changed', 'lee', 'Status investigating → identified', '2026-11-27T03:07:00.000Z'],
    ]);
    expect((await op(core, 'getIncident', { id })).acknowledgedAt).toBe('2026-11-27T03:07:00.000Z');
  });
});

describe('the timeline', () => {
  it('a correction supersedes an event, which stays in history; only the latest may be corrected', async () => {
    const { core } = memoryCore();
    const { id } = await declared(core);
    const note = await op(core, 'logNote', { id, text: 'Errors started at 02:40' });
    const fix = await op(core, 'correctEvent', { id, eventId: note.id, text: 'Errors started at 02:14' });
    const timeline = await op(core, 'getTimeline', { id });
    expect(timeline.map((e) => [e.type, e.text, e.supersededBy])).toEqual([
      ['declared', 'Declared SEV2: Checkout failing', null],
      ['note', 'Errors started at 02:40', fix.id],
      ['correction', 'Errors started at 02:14', null],
    ]);
    expect(fix.data).toEqual({ supersedes: note.id, original: 'Errors started at 02:40' });
    expect(await opError(core, 'correctEvent', { id, eventId: note.id, text: 'x' })).toMatchObject({ code: 'CONFLICT' });
  });

  it('the store itself refuses to change or delete an event', async () => {
    const { core } = memoryCore();
    const { id } = await declared(core);
    const note = await op(core, 'logNote', { id, text: 'original' });
    expect(() => core.store.prepare('UPDATE incident_events SET text = ? WHERE id = ?').run('rewritten', note.id)).toThrow(/append-only/);
    expect(() => core.store.prepare('DELETE FROM incident_events WHERE id = ?').run(note.id)).toThrow(/append-only/);
  });

  it('marks events as key, and filters notes, key events and steps', async () => {
    const { core } = memoryCore();
    const { id } = await declared(core);
    const first = await op(core, 'logNote', { id, text: 'Customers report failed payments' });
    await op(core, 'logNote', { id, text: 'Looking at dashboards' });
    await op(core, 'markKey', { id, eventId: first.id, key: true });
    expect((await op(core, 'getTimeline', { id, filter: 'key' })).map((e) => e.text)).toEqual(['Customers report failed payments']);
    expect((await op(core, 'getTimeline', { id, filter: 'notes' })).map((e) => e.text)).toEqual(['Customers report failed payments', 'Looking at dashboards']);
    await op(core, 'markKey', { id, eventId: first.id, key: false });
    expect(await op(core, 'getTimeline', { id, filter: 'key' })).toEqual([]);
  });
});

describe('runbooks in an incident', () => {
  it('attaches a runbook as it is now, and walks its steps with timestamps from the clock', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    core.prepareWorkspace({ demo: true });
    const { id } = await declared(core);
    const [suggested] = await op(core, 'suggestRunbooks', { id });
    expect(suggested?.services).toContain('checkout');
    await op(core, 'attachRunbook', { id, runbookId: suggested?.id ?? -1 });
    expect(await opError(core, 'attachRunbook', { id, runbookId: suggested?.id ?? -1 })).toMatchObject({ code: 'CONFLICT' });

    const [attached] = (await op(core, 'getIncident', { id })).runbooks;
    const timed = attached?.steps.find((step) => step.timerSeconds !== null);
    expect(timed).toBeDefined();
    await op(core, 'setStepState', { id, runbookId: attached?.runbookId ?? -1, stepId: timed?.id ?? '', state: 'started' });
    clock.advance(5 * 60_000);
    await op(core, 'setStepState', { id, runbookId: attached?.runbookId ?? -1, stepId: timed?.id ?? '', state: 'done', note: 'Rolled back' });
    const step = (await op(core, 'getIncident', { id })).runbooks[0]?.steps.find((s) => s.id === timed?.id);
    expect(step).toMatchObject({ state: 'done', startedAt: '2026-11-27T03:00:00.000Z', finishedAt: '2026-11-27T03:05:00.000Z', note: 'Rolled back' });
    expect((await op(core, 'getTimeline', { id, filter: 'steps' })).map((e) => e.type)).toEqual(['step_started', 'step_done']);

    // Editing the runbook later does not change the incident's copy.
    const runbook = await op(core, 'getRunbook', { id: attached?.runbookId ?? -1 });
    await op(core, 'saveRunbook', { id: runbook.id, metadata: runbook.metadata, body: '## Steps\n\n- Something else entirely\n' });
    expect((await op(core, 'getIncident', { id })).runbooks[0]?.steps.length).toBe(attached?.steps.length);
  });

  it('walks a runbook with no steps as one: read and follow it, its commands copyable', async () => {
    const { core } = memoryCore('2026-11-27T03:00:00Z');
    const dir = tempDir();
    writeFiles(dir, { 'dns.md': '# DNS flapping\n\nCheck the resolvers first:\n\n```shell\n$ dig @10.0.0.2 example.internal\n```\n\nThen page the network team.\n' });
    await op(core, 'importRunbooks', { paths: [dir] });
    const [runbook] = (await op(core, 'listRunbooks', {})).items;
    expect(runbook?.stepCount).toBe(0);
    const { id } = await declared(core);
    const attached = await op(core, 'attachRunbook', { id, runbookId: runbook?.id ?? -1 });
    expect(attached.text).toBe('Attached runbook “DNS flapping” (no steps: read and follow it)');
    const [step] = (await op(core, 'getIncident', { id })).runbooks[0]?.steps ?? [];
    expect(step).toMatchObject({
      number: 1,
      text: 'Read and follow the runbook.\n\nCheck the resolvers first:\n\n```shell\n$ dig @10.0.0.2 example.internal\n```\n\nThen page the network team.',
      commands: ['$ dig @10.0.0.2 example.internal'],
      state: 'pending',
    });
    const done = await op(core, 'setStepState', { id, runbookId: runbook?.id ?? -1, stepId: step?.id ?? '', state: 'done' });
    expect(done.text).toBe('Done: step 1 of “DNS flapping” — Read and follow the runbook.');
    // The runbook itself still has no steps: the one step is the incident's.
    expect((await op(core, 'getRunbook', { id: runbook?.id ?? -1 })).steps).toEqual([]);
  });

  it('suggests runbooks by service, then by a tag named like a service or a word of the title, then by search', async () => {
    const { core } = memoryCore('2026-11-27T03:00:00Z');
    core.prepareWorkspace({ demo: true });
    const titles = async (id: number, query = '') => (await op(core, 'suggestRunbooks', { id, query })).map((runbook) => runbook.title);
    // No service given: the "disk" tag finds the disk runbook from the title alone.
    const disk = await op(core, 'declareIncident', { title: 'Disk almost full on db-3', severity: 'SEV3', services: [] });
    expect(await titles(disk.id)).toEqual(['Disk filling up on a database host']);
    // A service's runbooks come first; the search's matches after them.
    const checkout = await declared(core);
    const suggested = await titles(checkout.id, 'replication lag');
    expect(suggested[0]).toBe('Checkout error rate above 2%');
    expect(suggested).toContain('Postgres replication lag on read replicas');
  });

  it('suggests who is on call for the incident’s services, with the escalation chain', async () => {
    const { core } = memoryCore('2026-11-27T03:00:00Z');
    core.prepareWorkspace({ demo: true });
    const { id } = await declared(core);
    const [suggestion] = await op(core, 'suggestResponders', { id });
    expect(suggestion).toMatchObject({ team: 'Shop', service: 'checkout', schedule: 'Shop primary' });
    expect(suggestion?.onCall?.handle).toEqual(expect.any(String));
    expect(suggestion?.escalation.map((p) => p.level)).toEqual([1, 2]);
  });
});

describe('status updates', () => {
  it('drafts from the template and records when the last update was posted', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    const { id } = await declared(core);
    const { text } = await op(core, 'draftStatusUpdate', { id, audience: 'internal', impact: 'Card payments fail for about 30% of customers.' });
    expect(text).toBe(
      '[SEV2] Checkout failing — investigating\nServices: checkout\nImpact: Card payments fail for about 30% of customers.\nCommander: not yet assigned\nNext update by 04:00 UTC.',
    );
    clock.advance(10 * 60_000);
    await op(core, 'postStatusUpdate', { id, audience: 'internal', text });
    expect((await op(core, 'getIncident', { id })).lastUpdateAt).toBe('2026-11-27T03:10:00.000Z');
  });
});

describe('never losing work', () => {
  it('a restart finds the incident exactly as it was', async () => {
    const dataDir = tempDir();
    const clock = fixedClock('2026-11-27T03:00:00Z');
    const first = openCore({ dataDir, assetsDir: ASSETS_DIR, clock });
    first.prepareWorkspace({ demo: true });
    const { id } = await declared(first);
    const [runbook] = await op(first, 'suggestRunbooks', { id });
    await op(first, 'attachRunbook', { id, runbookId: runbook?.id ?? -1 });
    const [attached] = (await op(first, 'getIncident', { id })).runbooks;
    await op(first, 'setStepState', { id, runbookId: attached?.runbookId ?? -1, stepId: attached?.steps[0]?.id ?? '', state: 'started' });
    await op(first, 'assignRole', { id, role: 'scribe', person: { name: 'Lee Park' } });
    const before = { incident: await op(first, 'getIncident', { id }), timeline: await op(first, 'getTimeline', { id }) };
    first.close();

    const second = openCore({ dataDir: path.resolve(dataDir), assetsDir: ASSETS_DIR, clock });
    expect(await op(second, 'getIncident', { id })).toEqual(before.incident);
    expect(await op(second, 'getTimeline', { id })).toEqual(before.timeline);
    expect((await op(second, 'listIncidents', { open: true })).map((i) => i.id)).toEqual([id]);
    second.close();
  });

  it('several incidents can be open at once; drills stay out of the list unless asked for', async () => {
    const { core } = memoryCore();
    await declared(core, 'SEV1');
    await declared(core, 'SEV2');
    await op(core, 'declareIncident', { title: 'Game day', severity: 'SEV2', drill: true });
    expect((await op(core, 'listIncidents', { open: true })).map((i) => i.severity)).toEqual(['SEV2', 'SEV1']);
    expect(await op(core, 'listIncidents', { includeDrills: true })).toHaveLength(3);
  });
});
