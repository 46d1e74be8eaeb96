import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventFile, IncidentFile } from '../../../src/shared/sync';
import { resolveConflict, syncRepository, syncStatus } from '../../../src/main/sync/cycle';
import { readIncident, writeEvent, writeIncident } from '../../../src/main/sync/incident-files';
import type { WorkspaceRepo } from '../../../src/main/sync/repository';
import { changeHeads, deriveState, mergeTimelines } from '../../../src/main/sync/timeline';
import { corpusDir, skipWithoutCorpus } from '../../fixtures/corpus';
import { documentedRoster } from '../../fixtures/roster';
import { bareRemote, clock, eventFile, incidentFile, machine, read, write } from './helpers';

const ANA = { name: 'Ana Lima' };
const BO = { name: 'Bo Andersen' };

/** The Markdown files of a folder, by path relative to it. */
function markdownUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.md')) files.set(entry.split(path.sep).join('/'), fs.readFileSync(path.join(dir, entry), 'utf8'));
  }
  return files;
}

let clockMs = Date.parse('2026-11-27T03:00:00Z');
/** Each event a millisecond after the last, as notes typed on two laptops interleave. */
function note(incident: string, actor: string, text: string): EventFile {
  clockMs += 7;
  return eventFile(incident, clockMs, { actor, text });
}

function timeline(repo: WorkspaceRepo, incident: string) {
  const read = readIncident(repo.dir, incident);
  expect(read.problems).toEqual([]);
  const { events } = mergeTimelines(read.events);
  return { incident: read.incident as IncidentFile, events };
}

describe('two machines on one remote', () => {
  it.skipIf(skipWithoutCorpus)('A shares the corpus and a roster; B has them after its sync', async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    const corpus = markdownUnder(path.join(corpusDir(), 'content'));
    expect(corpus.size).toBeGreaterThan(50);
    for (const [file, text] of corpus) write(a, `runbooks/${file}`, text);
    write(a, 'roster.yaml', documentedRoster());
    expect((await syncRepository(a, ANA, clock)).pushed).toBe(1);
    const pulled = await syncRepository(b, BO, clock);
    expect(pulled.pulled).toMatchObject({ runbooks: corpus.size, roster: 1 });
    expect(markdownUnder(path.join(b.dir, 'runbooks'))).toEqual(corpus);
    expect(read(b, 'roster.yaml')).toBe(documentedRoster());
  });

  it('merges 500 notes logged offline on each machine: both hold all 1,000 and the originals, in one order, with one state', { timeout: 120_000 }, async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    const incident = incidentFile(clockMs);
    writeIncident(a.dir, incident);
    const originals = [note(incident.uid, 'Ana Lima', 'declared'), note(incident.uid, 'Ana Lima', 'paging payments')];
    for (const event of originals) writeEvent(a.dir, event);
    await syncRepository(a, ANA, clock);
    await syncRepository(b, BO, clock);

    // The network goes: both keep notes, interleaved in time, and each changes the status without seeing the other.
    for (let i = 0; i < 500; i++) {
      writeEvent(a.dir, note(incident.uid, 'Ana Lima', `A note ${i}`));
      writeEvent(b.dir, note(incident.uid, 'Bo Andersen', `B note ${i}`));
    }
    const previous = changeHeads(timeline(a, incident.uid).events, 'status').map((head) => head.uid);
    clockMs += 1000;
    writeEvent(a.dir, { ...note(incident.uid, 'Ana Lima', 'Status investigating → identified'), type: 'status_changed', data: { from: 'investigating', to: 'identified', previous } });
    writeEvent(b.dir, { ...note(incident.uid, 'Bo Andersen', 'Status investigating → monitoring'), type: 'status_changed', data: { from: 'investigating', to: 'monitoring', previous } });

    const first = await syncRepository(a, ANA, clock);
    const second = await syncRepository(b, BO, clock);
    const third = await syncRepository(a, ANA, clock);
    expect([first.conflicts, second.conflicts, third.conflicts]).toEqual([[], [], []]);
    expect(second.pulled.events).toBe(501);
    expect(third.pulled.events).toBe(501);

    const [onA, onB] = [timeline(a, incident.uid), timeline(b, incident.uid)];
    expect(onA.events).toHaveLength(2 + 1000 + 2);
    expect(onB.events).toEqual(onA.events);
    const texts = new Set(onA.events.map((event) => event.text));
    for (let i = 0; i < 500; i++) expect(texts.has(`A note ${i}`) && texts.has(`B note ${i}`)).toBe(true);
    for (const original of originals) expect(onA.events).toContainEqual(original);
    const state = deriveState(onA.incident, onA.events);
    expect(deriveState(onB.incident, onB.events)).toEqual(state);
    expect(state.concurrent.map((change) => [change.field, change.changes.map((each) => each.value)])).toEqual([['status', ['identified', 'monitoring']]]);
    expect(await syncStatus(a)).toMatchObject({ ahead: 0, behind: 0, conflicts: [] });
  });

  it('merges roster edits per person, and lists one both changed until resolve settles it', async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    write(a, 'roster.yaml', 'people:\n  - handle: ana\n    name: Ana Lima\n    time_zone: America/New_York\n  - handle: bo\n    name: Bo Andersen\n    time_zone: Europe/London\n');
    await syncRepository(a, ANA, clock);
    await syncRepository(b, BO, clock);
    write(a, 'roster.yaml', read(a, 'roster.yaml').replace('America/New_York', 'America/Chicago').replace('Europe/London', 'Europe/Dublin'));
    write(b, 'roster.yaml', `${read(b, 'roster.yaml').replace('Europe/London', 'Europe/Paris')}  - handle: chen\n    name: Chen Wei\n    time_zone: Asia/Tokyo\n`);
    await syncRepository(a, ANA, clock);
    const report = await syncRepository(b, BO, clock);
    expect(report.conflicts).toEqual([{ path: 'roster.yaml', kind: 'entry', detail: expect.stringContaining('people[bo].time_zone was changed on both machines') as string }]);
    const merged = read(b, 'roster.yaml');
    expect(merged).toContain('America/Chicago');
    expect(merged).toContain('Europe/Paris');
    expect(merged).toContain('handle: chen');

    await resolveConflict(b, 'roster.yaml', { take: 'theirs' }, BO);
    const settled = read(b, 'roster.yaml');
    expect(settled).toContain('Europe/Dublin');
    expect(settled).toContain('America/Chicago');
    expect(settled).toContain('handle: chen');
    await syncRepository(b, BO, clock);
    await syncRepository(a, ANA, clock);
    expect(read(a, 'roster.yaml')).toBe(settled);
    expect((await syncStatus(b)).conflicts).toEqual([]);
  });
});
