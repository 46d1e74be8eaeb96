import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceDir } from '../../../src/main/sync/service';
import { holdfast } from '../../fixtures/cli';
import { op } from '../../fixtures/core';
import { demoChangeInput } from '../changes/fixtures';
import { closeMachines, twoDemoMachines, type Machine } from './helpers';

afterEach(closeMachines);

async function changeByTitle(m: Machine, title: string) {
  const found = (await op(m.core, 'listChanges', {})).find((change) => change.title === title);
  if (!found) throw new Error(`${m.name} has no change titled ${title}`);
  return op(m.core, 'getChange', { id: found.id });
}

async function runbookTitle(m: Machine, id: number): Promise<string> {
  return (await op(m.core, 'getRunbook', { id })).title;
}

/** Writes a file into a machine's workspace by hand, as a teammate editing the repository would. */
function handWrite(m: Machine, file: string, text: string): void {
  const full = path.join(workspaceDir(m.dataDir), ...file.split('/'));
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
}

describe('changes and their logs travel', () => {
  it('a change planned on A reaches B with its plan and rollback runbooks and its log; walked offline on both, the logs merge to one log and one state', { timeout: 120_000 }, async () => {
    const { a, b } = await twoDemoMachines({ roster: true });
    const start = a.clock.now().getTime() - 60_000;
    const planned = await op(a.core, 'createChange', demoChangeInput(start));
    await op(a.core, 'recordGate', { id: planned.id, tier: 'canary', result: 'pass', evidence: 'error rate 0.2 %' });
    await op(a.core, 'sync', {});
    const pulled = await op(b.core, 'sync', {});
    expect(pulled.problems).toEqual([]);
    expect(pulled.pulled).toMatchObject({ changes: 1, changeLog: 3 });
    expect(b.events).toContainEqual(expect.objectContaining({ type: 'changes.changed' }));

    const onA = await op(a.core, 'getChange', { id: planned.id });
    const onB = await changeByTitle(b, 'Upgrade the payment client');
    expect(onB.uid).toBe(onA.uid);
    expect(onB.state).toBe(onA.state);
    expect(onB.log).toEqual(onA.log);
    // The runbooks are B's own (local numbers differ from machine to machine), the same ones by their stable id.
    expect(onB.plan?.runbook?.title).toBe(await runbookTitle(a, 1));
    expect(onB.rollback?.runbook?.title).toBe(await runbookTitle(a, 3));

    // Offline: A starts it, B notes something on it; then A, B, A sync.
    a.clock.advance(60_000);
    b.clock.advance(60_000);
    await op(a.core, 'walkChange', { id: onA.id, action: 'start', evidence: 'canary at 5 %' });
    await op(b.core, 'walkChange', { id: onB.id, action: 'note', evidence: 'the payment team is watching the dashboards' });
    const rounds = [await op(a.core, 'sync', {}), await op(b.core, 'sync', {}), await op(a.core, 'sync', {})];
    expect(rounds.map((round) => [round.conflicts, round.problems])).toEqual([
      [[], []],
      [[], []],
      [[], []],
    ]);
    expect(rounds[1]?.pulled.changeLog).toBe(1);
    expect(rounds[2]?.pulled.changeLog).toBe(1);
    const [finalA, finalB] = [await op(a.core, 'getChange', { id: onA.id }), await op(b.core, 'getChange', { id: onB.id })];
    expect(finalA.log.map((entry) => entry.kind)).toEqual(['created', 'scheduled', 'gate', 'started', 'note']);
    expect(finalB.log).toEqual(finalA.log);
    expect([finalA.state, finalB.state]).toEqual(['in-progress', 'in-progress']);
    // Nothing more to share: a sync of each writes nothing again.
    expect((await op(b.core, 'sync', {})).pushed).toBe(0);
  });

  it('reports a log entry or a change file that cannot be read with its path and line, and takes in the rest', { timeout: 120_000 }, async () => {
    const { a, b } = await twoDemoMachines({ roster: true });
    const made = await op(a.core, 'createChange', {
      title: 'Rotate the TLS certificates',
      services: ['checkout'],
      type: 'normal',
      risk: 'low',
      owner: 'maya',
      start: '2026-12-01T10:00:00Z',
      end: '2026-12-01T11:00:00Z',
      draft: true,
    });
    await op(a.core, 'sync', {});
    // A teammate's tool writes a log entry cut short, and a second change whose window ends before it starts.
    const entryFile = `changes/${made.uid}/log/01KDVDNA00GGGGGGGGGGGGGGGG.json`;
    handWrite(a, entryFile, '{\n  "uid": "01KDVDNA00GGGGGGGGGGGGGGGG",\n  "change": ');
    const other = '01KDVDNA00HHHHHHHHHHHHHHHH';
    const change = fs.readFileSync(path.join(workspaceDir(a.dataDir), 'changes', made.uid, 'change.yaml'), 'utf8');
    handWrite(a, `changes/${other}/change.yaml`, change.replace(made.uid, other).replace(/^( +end: ).*$/m, '$12026-12-01T09:00:00Z'));
    await op(a.core, 'sync', {});

    const report = await op(b.core, 'sync', {});
    const windowLine = change.split('\n').findIndex((line) => line.startsWith('window:')) + 1;
    expect(report.problems).toEqual([
      { path: `changes/${other}/change.yaml`, line: windowLine + 2, message: 'window.end: must be after the start' },
      { path: entryFile, line: 3, message: 'not JSON (the file may have been cut short)' },
    ]);
    expect((await op(b.core, 'listChanges', {})).map((listed) => listed.uid)).toEqual([made.uid]);
    // The command line says so and exits 1.
    await op(a.core, 'sync', {});
    handWrite(a, entryFile.replace('GGGG.json', 'GGGH.json'), '[');
    await op(a.core, 'sync', {});
    b.core.close();
    const cli = await holdfast('--data', b.dataDir, 'sync');
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/^Not read: changes\/.*\/log\/01KDVDNA00GGGGGGGGGGGGGGGH\.json:1: not JSON/m);
  });
});

describe('change windows travel, merged per window', () => {
  it('a freeze added on A holds back B; a window removed on one machine while the other adds one leaves the one added on both', { timeout: 120_000 }, async () => {
    const { a, b } = await twoDemoMachines({ roster: true });
    const freeze = await op(a.core, 'addChangeWindow', { name: 'Holiday freeze', kind: 'freeze', services: 'all', reason: 'the holidays', from: '2026-12-20T00:00:00Z', to: '2027-01-03T00:00:00Z' });
    await op(a.core, 'sync', {});
    const pulled = await op(b.core, 'sync', {});
    expect(pulled.pulled).toMatchObject({ windows: 1 });
    const onB = await op(b.core, 'listChangeWindows', {});
    expect(onB.map((window) => ({ uid: window.uid, name: window.name, kind: window.kind, from: window.from, to: window.to, reason: window.reason }))).toEqual([
      { uid: freeze.uid, name: 'Holiday freeze', kind: 'freeze', from: '2026-12-20T00:00:00Z', to: '2027-01-03T00:00:00Z', reason: 'the holidays' },
    ]);
    // The freeze now judges B's changes.
    const planned = await op(b.core, 'createChange', { title: 'Resize the cache', services: ['checkout'], type: 'normal', risk: 'low', owner: 'maya', start: '2026-12-24T10:00:00Z', end: '2026-12-24T11:00:00Z', draft: true });
    expect((await op(b.core, 'checkChange', { id: planned.id })).verdict).toBe('block');

    // Offline: B removes the freeze, A adds a peak window; B, A, B sync.
    await op(b.core, 'removeChangeWindow', { id: onB[0]?.id ?? 0 });
    await op(a.core, 'addChangeWindow', { name: 'Black Friday', kind: 'peak', services: ['checkout'], reason: '', cron: '0 0 27 11 *', duration: '1d', zone: 'America/New_York' });
    const rounds = [await op(b.core, 'sync', {}), await op(a.core, 'sync', {}), await op(b.core, 'sync', {})];
    expect(rounds.map((round) => [round.conflicts, round.problems])).toEqual([
      [[], []],
      [[], []],
      [[], []],
    ]);
    const names = async (m: Machine) => (await op(m.core, 'listChangeWindows', {})).map((window) => window.name);
    expect(await names(a)).toEqual(['Black Friday']);
    expect(await names(b)).toEqual(['Black Friday']);
    expect(a.events).toContainEqual(expect.objectContaining({ type: 'changes.changed' }));
  });

  it('reports a window that cannot be used with its line, takes in the others, and keeps this machine’s copy of it', { timeout: 120_000 }, async () => {
    const { a, b } = await twoDemoMachines({ roster: true });
    await op(a.core, 'addChangeWindow', { name: 'Holiday freeze', kind: 'freeze', services: 'all', reason: '', from: '2026-12-20T00:00:00Z', to: '2027-01-03T00:00:00Z' });
    await op(a.core, 'sync', {});
    await op(b.core, 'sync', {});
    const file = path.join(workspaceDir(a.dataDir), 'windows.yaml');
    const text = fs.readFileSync(file, 'utf8');
    // A teammate edits the file by hand: the freeze's zone is one no tz database knows, and a new window is added.
    handWrite(a, 'windows.yaml', `${text.replace("to: 2027-01-03T00:00:00Z", 'to: 2027-01-03T00:00:00Z\n    zone: Mars/Olympus')}  - name: Quarter close\n    kind: peak\n    from: 2026-12-30T00:00:00Z\n    to: 2027-01-01T00:00:00Z\n`);
    await op(a.core, 'sync', {});
    const report = await op(b.core, 'sync', {});
    const zoneLine = fs.readFileSync(path.join(workspaceDir(b.dataDir), 'windows.yaml'), 'utf8').split('\n').findIndex((line) => line.includes('Mars/Olympus')) + 1;
    expect(report.problems).toEqual([{ path: 'windows.yaml', line: zoneLine, message: expect.stringMatching(/^windows\[0\]\.zone: "Mars\/Olympus" is not a time zone/) as string }]);
    expect((await op(b.core, 'listChangeWindows', {})).map((window) => [window.name, window.to])).toEqual([
      ['Holiday freeze', '2027-01-03T00:00:00Z'],
      ['Quarter close', '2027-01-01T00:00:00Z'],
    ]);
    // B's next sync does not write over the teammate's file: the entry it could not read stays for someone to fix.
    await op(b.core, 'sync', {});
    expect(fs.readFileSync(path.join(workspaceDir(b.dataDir), 'windows.yaml'), 'utf8')).toContain('Mars/Olympus');
  });
});
