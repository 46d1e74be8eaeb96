import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventFile } from '../../../src/shared/sync';
import { newUid } from '../../../src/main/sync/ids';
import { eventText, incidentUids, readIncident, writeEvent, writeIncident } from '../../../src/main/sync/incident-files';
import { classifyPath, countByKind, eventPath, incidentPath } from '../../../src/main/sync/layout';
import { tempDir } from '../../fixtures/temp';
import { eventFile, incidentFile } from './helpers';

const T0 = Date.parse('2026-11-27T03:00:00Z');

function workspace(): string {
  const dir = tempDir('holdfast-ws-');
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

const incident = () => incidentFile(T0, { declared_at: '2026-11-27T03:01:00Z', time_zone: 'America/New_York' });
const note = (incidentUid: string, text: string, minute = 1) => eventFile(incidentUid, T0 + minute * 60_000, { text, actor_handle: 'ana' });

describe('the layout of a workspace', () => {
  it('names each file by what it holds', () => {
    const uid = newUid(T0);
    const event = newUid(T0 + 1);
    expect(classifyPath(incidentPath(uid))).toBe('incident');
    expect(classifyPath(eventPath(uid, event))).toBe('event');
    expect(classifyPath('runbooks/storage/disk-full.md')).toBe('runbook');
    expect(classifyPath('roster.yaml')).toBe('roster');
    expect(classifyPath('slos/checkout.yaml')).toBe('slo');
    expect(classifyPath('incidents/not-a-ulid/incident.yaml')).toBe('other');
    expect(countByKind([eventPath(uid, event), eventPath(uid, newUid(T0 + 2)), 'runbooks/a.md', 'README.md'])).toMatchObject({ events: 2, runbooks: 1, incidents: 0 });
  });
});

describe('incident files', () => {
  it('reads back what it wrote, byte for byte the same each time', () => {
    const dir = workspace();
    const declared = incident();
    const events = [note(declared.uid, 'first', 1), note(declared.uid, '  a pasted log\n\n  kept exactly\n', 2)];
    writeIncident(dir, declared);
    for (const event of events) writeEvent(dir, event);
    const before = fs.readFileSync(path.join(dir, eventPath(declared.uid, events[1]?.uid ?? '')), 'utf8');
    writeEvent(dir, events[1] as EventFile);
    expect(fs.readFileSync(path.join(dir, eventPath(declared.uid, events[1]?.uid ?? '')), 'utf8')).toBe(before);
    const read = readIncident(dir, declared.uid);
    expect(read.problems).toEqual([]);
    expect(read.incident).toEqual(declared);
    expect(read.events.sort((a, b) => a.uid.localeCompare(b.uid))).toEqual(events);
    expect(incidentUids(dir)).toEqual([declared.uid]);
    // Nothing half-written is left in the working copy.
    expect(fs.readdirSync(path.join(dir, 'incidents', declared.uid, 'events'))).toHaveLength(2);
  });

  it('refuses to change an event once written: a correction is its own event', () => {
    const dir = workspace();
    const event = note(newUid(T0), 'original');
    writeEvent(dir, event);
    expect(() => writeEvent(dir, { ...event, text: 'edited' })).toThrow(/already holds another event: timeline events are never changed; record a correction instead/);
  });

  it('reports each file it cannot read with its line, and reads the rest', () => {
    const dir = workspace();
    const declared = incident();
    writeIncident(dir, declared);
    const good = note(declared.uid, 'kept');
    writeEvent(dir, good);
    const cut = note(declared.uid, 'cut short', 2);
    const cutPath = eventPath(declared.uid, cut.uid);
    fs.writeFileSync(path.join(dir, cutPath), eventText(cut).slice(0, 60));
    const wrongType = note(declared.uid, 'bad type', 3);
    const wrongPath = eventPath(declared.uid, wrongType.uid);
    fs.writeFileSync(path.join(dir, wrongPath), eventText(wrongType).replace('"note"', '"gossip"'));
    const read = readIncident(dir, declared.uid);
    expect(read.events).toEqual([good]);
    const problems = Object.fromEntries(read.problems.map((problem) => [problem.path, problem]));
    expect(problems[cutPath]).toMatchObject({ message: 'not JSON (the file may have been cut short)' });
    expect(problems[wrongPath]).toMatchObject({ line: 5 });
    expect(problems[wrongPath]?.message).toMatch(/^`type`/);
  });

  it('names the line of a broken incident.yaml and still reads its events', () => {
    const dir = workspace();
    const declared = incident();
    writeIncident(dir, declared);
    writeEvent(dir, note(declared.uid, 'kept'));
    const file = path.join(dir, incidentPath(declared.uid));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('severity: SEV2', 'severity: SEV9'));
    const read = readIncident(dir, declared.uid);
    expect(read.incident).toBeNull();
    expect(read.events).toHaveLength(1);
    expect(read.problems).toEqual([{ path: incidentPath(declared.uid), line: 3, message: expect.stringMatching(/^`severity`/) as string }]);
  });
});
