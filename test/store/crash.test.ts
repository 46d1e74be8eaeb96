import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/core/core';
import { CoreKeeper } from '../../src/main/core/keeper';
import { createBackup } from '../../src/main/store/backup';
import { restoreBackup } from '../../src/main/store/restore';
import { damageStore } from '../fixtures/damage';
import { holdfast } from '../fixtures/cli';
import { APP_ROOT, ASSETS_DIR, tempDir } from '../fixtures/temp';

const WRITER = path.join(APP_ROOT, 'test', 'store', 'crash-writer.ts');
const RESTORER = path.join(APP_ROOT, 'test', 'store', 'restore-runner.ts');

/** Runs the writer until it has acknowledged `acks` events (and a little beyond), then SIGKILLs it. */
function runAndKill(dataDir: string, prefix: string, acks: number, extraMs: number): Promise<Map<number, string>> {
  return new Promise((resolve, reject) => {
    // tsx as a loader in this very process (not the tsx CLI, which runs a second process SIGKILL would miss).
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, ASSETS_DIR, prefix], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged = new Map<number, string>();
    let buffer = '';
    let stderr = '';
    let killScheduled = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack (\d+) (.*)$/.exec(line);
        if (match) acknowledged.set(Number(match[1]), match[2] ?? '');
      }
      if (!killScheduled && acknowledged.size >= acks) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    const stuck = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`writer acknowledged only ${acknowledged.size} of ${acks} events in 30 s: ${stderr}`));
    }, 30_000);
    child.once('exit', (code, signal) => {
      clearTimeout(stuck);
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`writer exited by itself (${code}): ${stderr}`));
    });
  });
}

describe('a crash never loses an acknowledged timeline event', () => {
  it('survives 20 SIGKILLs at random moments: every acknowledged event is there, whole, and the file is sound', async () => {
    const dataDir = tempDir();
    const all = new Map<number, string>();
    for (let round = 0; round < 20; round += 1) {
      const acks = 1 + Math.floor(Math.random() * 20);
      const extraMs = Math.floor(Math.random() * 15);
      for (const [id, text] of await runAndKill(dataDir, `r${round}`, acks, extraMs)) all.set(id, text);

      const db = new Database(path.join(dataDir, 'holdfast.db'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare<[], { id: number; text: string; data: string }>("SELECT id, text, data FROM incident_events WHERE type = 'note'").all();
      const stored = new Map(rows.map((row) => [row.id, row.text]));
      for (const [id, text] of all) expect(stored.get(id), `event ${id} after round ${round}`).toBe(text);
      // Nothing torn: every stored note is one the writer could have written, complete.
      for (const row of rows) {
        expect(row.text).toMatch(/^r\d+-(\d+):x*$/);
        const n = Number(/^r\d+-(\d+)/.exec(row.text)?.[1]);
        expect(row.text.length - row.text.indexOf(':') - 1).toBe(n % 200);
        expect(() => JSON.parse(row.data) as unknown).not.toThrow();
      }
      db.close();
    }
    expect(all.size).toBeGreaterThanOrEqual(20);
  }, 180_000);
});

/** Runs a restore in its own process and SIGKILLs it `afterMs` after it starts restoring (or lets it finish). */
function restoreAndKill(dataDir: string, backup: string, afterMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RESTORER, dataDir, backup], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const started = !stdout.includes('go\n');
      stdout += chunk.toString();
      if (started && stdout.includes('go\n')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(stdout.includes('done 0') ? 'finished' : 'killed');
      else if (code === 0 && stdout.includes('done 0')) resolve('finished');
      else reject(new Error(`restore failed (${code}): ${stderr}`));
    });
  });
}

/** The marker of the store in the folder, after checking it is whole and sound. */
function markerIn(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'holdfast.db'), { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare<[], string>("SELECT value FROM settings WHERE key = 'crash.marker'").pluck().get() ?? 'none';
  } finally {
    db.close();
  }
}

describe('a restore killed at any moment', () => {
  it('leaves a whole store, the old one or the new one, over 20 SIGKILLs; what it left half done is cleaned up', async () => {
    const dataDir = tempDir();
    const core = openCore({ dataDir, assetsDir: ASSETS_DIR });
    // Big enough that copying it takes a while: kills land inside the copy, the kept copy and the swap.
    const pad = core.store.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
    for (let i = 0; i < 400; i++) pad.run(`crash.pad.${i}`, 'p'.repeat(10_000));
    const backups: Record<string, string> = {};
    for (const marker of ['A', 'B']) {
      core.settings.set('crash.marker', marker);
      backups[marker] = (await createBackup(core.store, dataDir, new Date(marker === 'A' ? '2026-01-01T00:00:00Z' : '2026-01-02T00:00:00Z'))).file;
    }
    core.close();
    // The first restore, to the end, times a whole one (from its "go").
    const started = Date.now();
    expect(await restoreAndKill(dataDir, backups.A ?? '', 60_000)).toBe('finished');
    const wholeMs = Math.max(50, Date.now() - started - 300);
    expect(markerIn(dataDir)).toBe('A');

    let current = 'A';
    let killed = 0;
    // On a loaded machine a restore can finish before the kill lands: each finish halves the window the kills fall in.
    let windowMs = Math.min(wholeMs, 300);
    const store = path.join(dataDir, 'holdfast.db');
    for (let round = 0; round < 20; round += 1) {
      const target = current === 'A' ? 'B' : 'A';
      // Every other round the store it replaces is damaged: that one is kept aside, never lost.
      const damaged = round % 2 === 1;
      if (damaged) damageStore(store, 'header');
      const before = fs.readFileSync(store);
      const outcome = await restoreAndKill(dataDir, backups[target] ?? '', Math.floor(Math.random() * windowMs));
      if (outcome === 'killed') killed += 1;
      else windowMs = Math.max(1, Math.floor(windowMs / 2));
      expect(fs.existsSync(store), `round ${round}`).toBe(true);
      if (damaged && fs.readFileSync(store).equals(before)) {
        expect(outcome, `round ${round}`).toBe('killed');
        restoreBackup(dataDir, backups[current] ?? '', new Date()); // back to a sound store for the next round
        continue;
      }
      const found = markerIn(dataDir);
      expect(damaged ? [target] : [current, target], `round ${round}`).toContain(found);
      if (outcome === 'finished') expect(found).toBe(target);
      // A store never meets a journal that is not its own: the CLI opens it as it is.
      expect((await holdfast('--data', dataDir, 'check')).status, `round ${round}`).toBe(0);
      current = found;
    }
    expect(killed).toBeGreaterThanOrEqual(10);

    // The next start of the app, holding the folder, clears what killed restores left.
    (await CoreKeeper.open({ dataDir, assetsDir: ASSETS_DIR, demo: false, scheduler: false, app: 'web' })).close();
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('.restoring-'))).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 180_000);
});

describe('after a crash, a store that is empty or gone is never replaced by a new one', () => {
  it('a zero-byte store, and a -wal whose store was deleted: check and commands exit 1, the app opens recovery, nothing is created', async () => {
    const dataDir = tempDir();
    await runAndKill(dataDir, 'z', 5, 5);
    const store = path.join(dataDir, 'holdfast.db');
    const wal = fs.readFileSync(`${store}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    const saved = fs.readFileSync(store);

    fs.truncateSync(store, 0);
    for (const command of [['check'], ['incident', 'list']]) {
      const result = await holdfast('--data', dataDir, ...command);
      expect(result.status, command.join(' ')).toBe(1);
      expect(result.stderr).toContain('is empty (0 bytes)');
    }
    const zero = await CoreKeeper.open({ dataDir, assetsDir: ASSETS_DIR, demo: false, scheduler: false, app: 'web' });
    expect(zero.recoveryState().damaged).toBe(true);
    zero.close();
    expect(fs.statSync(store).size).toBe(0);

    fs.rmSync(store);
    const check = await holdfast('--data', dataDir, 'check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('is missing, but its journal holdfast.db-wal is still there');
    const orphan = await CoreKeeper.open({ dataDir, assetsDir: ASSETS_DIR, demo: false, scheduler: false, app: 'web' });
    expect(orphan.recoveryState().damaged).toBe(true);
    orphan.close();
    expect(fs.existsSync(store)).toBe(false);
    expect(fs.readFileSync(`${store}-wal`).equals(wal)).toBe(true);

    // Put back, the store and its journal are whole again: nothing was lost meanwhile.
    fs.writeFileSync(store, saved);
    expect((await holdfast('--data', dataDir, 'check')).status).toBe(0);
  }, 60_000);
});
