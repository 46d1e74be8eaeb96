import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, ASSETS_DIR, tempDir } from '../fixtures/temp';

const WRITER = path.join(APP_ROOT, 'test', 'store', 'crash-writer.ts');

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
