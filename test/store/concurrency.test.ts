import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, startWebProcess, type WebProcess } from '../fixtures/holdfast-process';
import { APP_ROOT, tempDir } from '../fixtures/temp';

const LOOP = path.join(APP_ROOT, 'test', 'store', 'cli-writer-loop.ts');
const SECONDS = 30;
const running: WebProcess[] = [];
afterEach(async () => {
  for (const web of running.splice(0)) await web.stop();
});

describe('concurrent writers', () => {
  it(`web mode and two CLI writer loops for ${SECONDS} s: no write fails, and every acknowledged note is stored`, async () => {
    const data = tempDir();
    const web = await startWebProcess(data);
    running.push(web);
    const declared = await web.call('declareIncident', { title: 'Load test', severity: 'SEV2' });
    const id = String((declared.body.value as { id: number }).id);

    const loops = ['cli-a', 'cli-b'].map((prefix) =>
      finished(spawn(process.execPath, ['--import', 'tsx', LOOP, data, id, prefix, String(SECONDS)], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })),
    );
    const end = Date.now() + SECONDS * 1000;
    let httpCalls = 0;
    const httpFailures: string[] = [];
    while (Date.now() < end) {
      // Each write reads and writes (the timeline's next sequence number), like the console's.
      const note = await web.call('logNote', { id: Number(id), text: `web-${httpCalls}` });
      if (!note.body.ok) httpFailures.push(`${note.status} ${note.body.error?.message ?? ''}`);
      httpCalls += 1;
    }
    const results = (await Promise.all(loops)).map((loop) => {
      expect(loop.status, loop.stderr).toBe(0);
      return JSON.parse(loop.stdout) as { runs: number; failed: number; failures: string[] };
    });
    await running.pop()?.stop();

    expect(httpFailures).toEqual([]);
    for (const result of results) expect(result.failures).toEqual([]);
    expect(httpCalls).toBeGreaterThan(50);
    for (const result of results) expect(result.runs).toBeGreaterThan(20);

    const db = new Database(path.join(data, 'holdfast.db'), { readonly: true });
    const counts = db
      .prepare<[], { who: string; n: number }>("SELECT substr(text, 1, instr(text, '-') - 1) AS who, count(*) AS n FROM incident_events WHERE type = 'note' GROUP BY who ORDER BY who")
      .all();
    db.close();
    expect(counts).toEqual([
      { who: 'cli', n: (results[0]?.runs ?? 0) + (results[1]?.runs ?? 0) },
      { who: 'web', n: httpCalls },
    ]);
  }, 150_000); // 30 s of load, plus process starts on a machine the rest of the suite keeps busy
});
