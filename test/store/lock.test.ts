import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataFolder, lockHolder } from '../../src/main/store/lock';
import { holdfast } from '../fixtures/cli';
import { finished, spawnHoldfast, startWebProcess, type WebProcess } from '../fixtures/holdfast-process';
import { tempDir } from '../fixtures/temp';

const NOW = new Date('2026-11-27T03:00:00Z');
const running: WebProcess[] = [];
afterEach(async () => {
  for (const web of running.splice(0)) await web.stop();
});


describe('the data folder lock', () => {
  it('is held by one holder at a time, says who holds it, and is free again once released', () => {
    const dir = tempDir();
    const web = lockDataFolder(dir, 'web', NOW);
    expect(lockHolder(dir)).toEqual({ kind: 'web', pid: process.pid, since: NOW.toISOString() });
    expect(() => lockDataFolder(dir, 'web', NOW)).toThrow(/holdfast web \(process \d+, since 2026-11-27 03:00 UTC\) already has the store in .* open/);
    expect(() => lockDataFolder(dir, 'restore', NOW)).toThrow(/Restore from the running app instead: open its Backups screen/);
    web.release();
    expect(lockHolder(dir)).toBeNull();
    lockDataFolder(dir, 'restore', NOW).release();
  });

  it('is dropped by the system when its holder is killed (kill -9 leaves no stale lock)', async () => {
    const data = tempDir();
    const web = await startWebProcess(data);
    expect(lockHolder(data)).toMatchObject({ kind: 'web', pid: web.child.pid });
    web.child.kill('SIGKILL');
    await finished(web.child);
    expect(lockHolder(data)).toBeNull();
    const again = await startWebProcess(data);
    running.push(again);
    expect((await again.call('listIncidents', {})).body.ok).toBe(true);
  }, 60_000);
});

describe('backup restore while holdfast web runs on the folder', () => {
  it('is refused, says how to restore from the running app, and every note the console acknowledged is on disk', async () => {
    const data = tempDir();
    const web = await startWebProcess(data);
    running.push(web);
    const declared = await web.call('declareIncident', { title: 'Checkout down', severity: 'SEV1' });
    const id = (declared.body.value as { id: number }).id;
    const backup = (await web.call('createBackup', {})).body.value as { file: string };

    const notes: string[] = [];
    for (let n = 0; n < 10; n++) {
      const text = `before the restore ${n}`;
      expect((await web.call('logNote', { id, text })).body.ok).toBe(true);
      notes.push(text);
    }
    // A real second process, as a user at another terminal.
    const restore = await finished(spawnHoldfast(['--data', data, 'backup', 'restore', backup.file]));
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/^holdfast: holdfast web \(process \d+, since .*\) has the store in .* open, so it was not replaced\. Restore from the running app instead: open its Backups screen/);
    for (let n = 0; n < 10; n++) {
      const text = `after the refused restore ${n}`;
      expect((await web.call('logNote', { id, text })).body.ok).toBe(true);
      notes.push(text);
    }
    await running.pop()?.stop();

    const db = new Database(path.join(data, 'holdfast.db'), { readonly: true });
    const stored = db.prepare<[], string>("SELECT text FROM incident_events WHERE type = 'note' ORDER BY id").pluck().all();
    db.close();
    expect(stored).toEqual(notes);
    expect(fs.readdirSync(data).filter((name) => name.includes('restoring'))).toEqual([]);

    // Stopped, the same restore goes through.
    expect((await holdfast('--data', data, 'backup', 'restore', backup.file)).status).toBe(0);
  }, 90_000);

  it('a second holdfast web on the same folder says another one holds it, and the first keeps working', async () => {
    const data = tempDir();
    const first = await startWebProcess(data);
    running.push(first);
    await expect(startWebProcess(data)).rejects.toThrow(/holdfast web \(process \d+, .*\) already has the store in .* open\. Use its console/);
    expect((await first.call('declareIncident', { title: 'Still here', severity: 'SEV3' })).body.ok).toBe(true);
  }, 60_000);
});
