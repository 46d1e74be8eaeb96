import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncRepository } from '../../../src/main/sync/cycle';
import { readIncident, writeEvent, writeIncident } from '../../../src/main/sync/incident-files';
import { APP_ROOT } from '../../fixtures/temp';
import { bareRemote, clock, eventFile, incidentFile, machine } from './helpers';

const WRITER = path.join(APP_ROOT, 'test', 'fixtures', 'sync', 'writer.ts');
const ROUNDS = 20;

/** Runs the writer until it has acknowledged a few events and a random while more, then SIGKILLs it and every git it started. */
function runAndKill(repoDir: string, incident: string, round: number): Promise<{ acknowledged: string[]; midSync: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, repoDir, incident, `round ${round}`], { cwd: APP_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const acknowledged: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let buffered = '';
    let timer: NodeJS.Timeout | null = null;
    let syncing = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
        else if (line === 'sync' || line === 'synced') syncing = line === 'sync';
      }
      if (timer === null && acknowledged.length > 0) {
        timer = setTimeout(() => killGroup(child.pid), 50 + Math.floor(Math.random() * 700));
      }
    });
    child.once('exit', (_code, signal) => {
      if (timer !== null) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ acknowledged, midSync: syncing });
      else reject(new Error(`The writer stopped on its own (${stderr.trim() || 'no message'})`));
    });
  });
}

function killGroup(pid: number | undefined): void {
  try {
    if (pid !== undefined) process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

describe('killing Holdfast during a sync', () => {
  it(`loses no acknowledged event and leaves the repository consistent (${ROUNDS} rounds of SIGKILL)`, async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    // The remote's side of a push runs in its own session, as a server's would: killing A's process group
    // must not also kill the remote mid-push and leave its HEAD.lock, which no client could clear.
    execFileSync('git', ['config', 'remote.origin.receivepack', 'setsid git-receive-pack'], { cwd: a.dir });
    const incident = incidentFile(Date.now(), { title: 'Killed mid-sync' });
    writeIncident(a.dir, incident);
    await syncRepository(a, { name: 'Ana' }, clock);
    await syncRepository(b, { name: 'Bo' }, clock);
    const acknowledged = new Set<string>();
    let killedMidSync = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const run = await runAndKill(a.dir, incident.uid, round);
      for (const uid of run.acknowledged) acknowledged.add(uid);
      if (run.midSync) killedMidSync++;
      // B keeps working too, so A's next sync has something to merge.
      const note = eventFile(incident.uid, Date.now(), { actor: 'Bo', text: `B after round ${round}` });
      writeEvent(b.dir, note);
      acknowledged.add(note.uid);
      await syncRepository(b, { name: 'Bo' }, clock);
    }
    await syncRepository(a, { name: 'Ana' }, clock);
    await syncRepository(b, { name: 'Bo' }, clock);

    for (const repo of [a, b]) {
      const read = readIncident(repo.dir, incident.uid);
      expect(read.problems).toEqual([]);
      const held = new Set(read.events.map((event) => event.uid));
      expect([...acknowledged].filter((uid) => !held.has(uid))).toEqual([]);
      execFileSync('git', ['fsck', '--no-progress'], { cwd: repo.dir, stdio: 'pipe' });
      expect(execFileSync('git', ['status', '--porcelain'], { cwd: repo.dir, encoding: 'utf8' })).toBe('');
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 2);
    // The kills land inside syncs (git committing, fetching, merging, pushing), not only between them.
    expect(killedMidSync).toBeGreaterThanOrEqual(ROUNDS / 4);
  }, 300_000);
});
