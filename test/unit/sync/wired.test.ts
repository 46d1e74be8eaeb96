import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdfast } from '../../fixtures/cli';
import { op, opError } from '../../fixtures/core';
import { corpusDir, skipWithoutCorpus } from '../../fixtures/corpus';
import { documentedRoster } from '../../fixtures/roster';
import { tempDir } from '../../fixtures/temp';
import { bareRemote, closeMachines, dataMachine, reopen, type Machine } from './helpers';

afterEach(closeMachines);

const timeline = async (m: Machine, id: number) => (await op(m.core, 'getTimeline', { id })).map((event) => ({ at: event.at, type: event.type, actor: event.actor, text: event.text }));

async function runbookByTitle(m: Machine, title: string) {
  const found = (await op(m.core, 'listRunbooks', {})).items.find((runbook) => runbook.title === title);
  if (!found) throw new Error(`${m.name} has no runbook titled ${title}`);
  return op(m.core, 'getRunbook', { id: found.id });
}

async function editRunbook(m: Machine, title: string, edit: (body: string) => string): Promise<void> {
  const runbook = await runbookByTitle(m, title);
  await op(m.core, 'saveRunbook', { id: runbook.id, baseRevision: runbook.revision, metadata: runbook.metadata, body: edit(runbook.body) });
}

describe.skipIf(skipWithoutCorpus)('two data folders on one remote, through the operations and the CLI', () => {
  it('shares the corpus, the roster and an incident; merges 500 offline notes from each; merges runbook sections; settles a same-line conflict with nothing lost', { timeout: 480_000 }, async () => {
    const remote = bareRemote();
    const a = dataMachine('Ana', '2026-11-27T03:00:00.000Z');
    const b = dataMachine('Bo', '2026-11-27T03:00:00.003Z');

    // A imports the shared corpus and a roster, and connects: the empty remote gets A's data.
    const imported = await op(a.core, 'importRunbooks', { paths: [path.join(corpusDir(), 'content')] });
    expect(imported.failed).toEqual([]);
    const rosterFile = path.join(tempDir(), 'roster.yaml');
    fs.writeFileSync(rosterFile, documentedRoster());
    await op(a.core, 'importRoster', { path: rosterFile });
    const first = await op(a.core, 'syncInit', { remote });
    expect(first).toMatchObject({ cloned: false, pushed: 1, conflicts: [], problems: [] });

    // B connects to the same remote and has them.
    const joined = await op(b.core, 'syncInit', { remote });
    expect(joined.cloned).toBe(true);
    expect(joined.problems).toEqual([]);
    expect(joined.pulled.runbooks).toBeGreaterThanOrEqual(imported.imported);
    expect(joined.pulled.roster).toBe(1);
    const titles = async (m: Machine) => (await op(m.core, 'listRunbooks', {})).items.map((runbook) => runbook.title).sort();
    expect(await titles(b)).toEqual(await titles(a));
    expect(await op(b.core, 'exportRoster', {})).toEqual(await op(a.core, 'exportRoster', {}));
    // The screens of B's consoles are told.
    expect(b.events.map((event) => event.type)).toEqual(expect.arrayContaining(['sync.changed', 'runbooks.changed', 'rosters.changed']));
    // A second sync with nothing new changes nothing and pushes nothing.
    expect(await op(b.core, 'sync', {})).toMatchObject({ pushed: 0, conflicts: [], problems: [] });

    // An incident declared on A, synced to B.
    const incident = await op(a.core, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
    a.clock.advance(1000);
    await op(a.core, 'logNote', { id: incident.id, text: 'paging payments' });
    await op(a.core, 'sync', {});
    const pulled = await op(b.core, 'sync', {});
    expect(pulled.pulled).toMatchObject({ incidents: 1, events: 2 });
    const onB = (await op(b.core, 'listIncidents', {})).find((candidate) => candidate.title === 'Checkout errors');
    if (!onB) throw new Error('B has no incident after its sync');
    expect(await timeline(b, onB.id)).toEqual(await timeline(a, incident.id));

    // The network goes: both log 500 notes, interleaved in time, then sync in turn (A, B, A).
    a.clock.advance(60_000);
    b.clock.advance(60_000);
    for (let i = 0; i < 500; i++) {
      a.clock.advance(7);
      await op(a.core, 'logNote', { id: incident.id, text: `A note ${i}` });
      b.clock.advance(7);
      await op(b.core, 'logNote', { id: onB.id, text: `B note ${i}` });
    }
    // One side moves the incident on while offline: the state both derive must agree.
    await op(a.core, 'changeStatus', { id: incident.id, status: 'identified' });
    const rounds = [await op(a.core, 'sync', {}), await op(b.core, 'sync', {}), await op(a.core, 'sync', {})];
    expect(rounds.map((round) => [round.conflicts, round.problems])).toEqual([
      [[], []],
      [[], []],
      [[], []],
    ]);
    expect(rounds[1]?.pulled.events).toBeGreaterThanOrEqual(500);
    expect(rounds[2]?.pulled.events).toBe(500);
    const [onATimeline, onBTimeline] = [await timeline(a, incident.id), await timeline(b, onB.id)];
    expect(onBTimeline).toEqual(onATimeline);
    const texts = onATimeline.map((event) => event.text);
    for (let i = 0; i < 500; i++) expect(texts.includes(`A note ${i}`) && texts.includes(`B note ${i}`)).toBe(true);
    expect(texts).toEqual(expect.arrayContaining(['Declared SEV2: Checkout errors', 'paging payments']));
    // Time order: every machine shows one order.
    expect(onATimeline.map((event) => event.at)).toEqual(onATimeline.map((event) => event.at).sort());
    const state = (detail: Awaited<ReturnType<typeof op<'getIncident'>>>) => ({
      status: detail.status,
      severity: detail.severity,
      acknowledgedAt: detail.acknowledgedAt,
      resolvedAt: detail.resolvedAt,
    });
    const [stateA, stateB] = [state(await op(a.core, 'getIncident', { id: incident.id })), state(await op(b.core, 'getIncident', { id: onB.id }))];
    expect(stateB).toEqual(stateA);
    expect(stateA.status).toBe('identified');
    expect(b.events).toContainEqual(expect.objectContaining({ type: 'incident.changed', id: onB.id }));

    // Edits to different sections of one runbook merge on their own.
    await editRunbook(a, 'TargetDown', (body) => body.replace('## Impact\n', '## Impact\n\nAna: the checkout targets first.\n'));
    await editRunbook(b, 'TargetDown', (body) => body.replace('## Mitigation\n', '## Mitigation\n\nBo: restart the exporter.\n'));
    await op(a.core, 'sync', {});
    expect((await op(b.core, 'sync', {})).conflicts).toEqual([]);
    await op(a.core, 'sync', {});
    for (const m of [a, b]) {
      const body = (await runbookByTitle(m, 'TargetDown')).body;
      expect(body).toContain('Ana: the checkout targets first.');
      expect(body).toContain('Bo: restart the exporter.');
    }

    // The same line changed on both: a conflict, this machine's version kept, settled by `holdfast sync resolve` with nothing lost.
    await editRunbook(a, 'TargetDown', (body) => body.replace('Bo: restart the exporter.', 'Bo: restart the exporter, then check /targets.'));
    await editRunbook(b, 'TargetDown', (body) => body.replace('Bo: restart the exporter.', 'Bo: restart the exporter and page the owner.'));
    await op(a.core, 'sync', {});
    const clash = await op(b.core, 'sync', {});
    expect(clash.conflicts).toEqual([{ path: expect.stringMatching(/^runbooks\/.*TargetDown\.md$/) as string, kind: 'runbook', detail: expect.stringContaining('same place') as string }]);
    const conflicted = clash.conflicts[0]?.path ?? '';
    expect((await runbookByTitle(b, 'TargetDown')).body).toContain('page the owner');
    const versions = await op(b.core, 'syncConflict', { path: conflicted });
    expect(versions.mine).toContain('page the owner');
    expect(versions.theirs).toContain('then check /targets');
    expect((await op(b.core, 'syncStatus', {})).conflicts.map((conflict) => conflict.path)).toEqual([conflicted]);

    // B writes the merge by hand (both lines) and settles it from the command line.
    const merged = (versions.mine ?? '').replace('Bo: restart the exporter and page the owner.', 'Bo: restart the exporter, then check /targets, and page the owner.');
    const mergedFile = path.join(tempDir(), 'merged.md');
    fs.writeFileSync(mergedFile, merged);
    b.core.close();
    const resolved = await holdfast('--data', b.dataDir, 'sync', 'resolve', conflicted, '--file', mergedFile);
    expect(resolved.stderr).toBe('');
    expect(resolved.status).toBe(0);
    const status = await holdfast('--data', b.dataDir, 'sync', 'status', '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({ remote, conflicts: [] });
    reopen(b);
    expect((await runbookByTitle(b, 'TargetDown')).body).toContain('then check /targets, and page the owner.');
    await op(b.core, 'sync', {});
    await op(a.core, 'sync', {});
    expect((await runbookByTitle(a, 'TargetDown')).body).toEqual((await runbookByTitle(b, 'TargetDown')).body);
    expect((await runbookByTitle(a, 'TargetDown')).body).toContain('Ana: the checkout targets first.');
  });

  it('refuses a folder not connected, and a resolve with nothing to resolve, in words', async () => {
    const a = dataMachine('Ana', '2026-11-27T03:00:00.000Z');
    expect(await opError(a.core, 'sync', {})).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('holdfast sync init REMOTE') as string });
    expect(await op(a.core, 'syncStatus', {})).toEqual({ remote: null, lastSync: null, ahead: 0, behind: 0, conflicts: [] });
    await op(a.core, 'syncInit', { remote: bareRemote() });
    expect(await opError(a.core, 'syncResolve', { path: 'roster.yaml', choice: { take: 'mine' } })).toMatchObject({ code: 'NOT_FOUND', message: 'roster.yaml has no conflict to resolve. There are no open conflicts.' });
    const cli = await holdfast('--data', a.dataDir, 'sync', 'resolve', 'roster.yaml');
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toContain('Choose one of --mine, --theirs or --file FILE');
  });
});
