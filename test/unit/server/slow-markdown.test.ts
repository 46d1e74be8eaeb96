import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/core';
import { parseOnThisThread, parsingThread, PARSE_LIMITS } from '../../../src/main/runbooks/parser/pool';
import { startWebServer, type WebServer } from '../../../src/main/server/listen';
import { ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

const MB = 1_000_000;
/** Pathological Markdown of 1 MB each: what froze every console for minutes. */
const PATHOLOGICAL: Record<string, string> = {
  'deep block quotes': `${'>'.repeat(MB - 3)} x\n`,
  'deep lists': `${'- '.repeat(MB / 2 - 2)}x\n`,
  'emphasis run': `${'*a'.repeat(MB / 2 - 1)}\n`,
  'bracket run': `${'['.repeat(MB - 2)}a\n`,
  // No single bound refuses this one; the parse deadline stops it.
  'many short nested lists': '- - - - x\n'.repeat(MB / 10),
};

let core: Core;
let server: WebServer;
const deadline = PARSE_LIMITS.deadlineMs;

beforeAll(async () => {
  parseOnThisThread(false);
  PARSE_LIMITS.deadlineMs = 4000;
  core = openCore({ dataDir: tempDir(), assetsDir: ASSETS_DIR });
  const rendererDir = tempDir();
  writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Holdfast</title>' });
  server = await startWebServer({ core, rendererDir, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  PARSE_LIMITS.deadlineMs = deadline;
  parseOnThisThread(true);
  await server.close();
  core.close();
});

const post = async (operation: string, body: unknown, token = server.token) => {
  const response = await fetch(`${server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
};

/** Asks for something small every 100 ms while `work` runs; returns each answer's time (the bench reports them). */
async function latenciesDuring(work: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  const finished = work.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    const answer = await post('listRunbooks', {});
    expect(answer.status).toBe(200);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await finished;
  return latencies;
}

describe('pathological Markdown of 1 MB', { timeout: 180_000 }, () => {
  it('is refused to the viewer link before it is read', async () => {
    for (const [name, body] of Object.entries(PATHOLOGICAL)) {
      const answer = await post('previewRunbook', { body }, server.viewerToken);
      expect(answer.status, name).toBe(403);
      expect(answer.body.error?.code).toBe('FORBIDDEN');
    }
  });

  it('is refused to a responder within bounds, in words, while other requests are answered', async () => {
    await post('previewRunbook', { body: '# warm up' }); // starts the parser's workers
    expect(parsingThread()).toBe('worker');
    for (const [name, body] of Object.entries(PATHOLOGICAL)) {
      const preview = post('previewRunbook', { body });
      const latencies = await latenciesDuring(preview);
      const answer = await preview;
      expect(answer.status, name).toBe(400);
      expect(answer.body.error?.message, name).toMatch(
        /^(Line \d+ nests (block quotes|lists) [\d,]+ deep; at most 16|Line \d+ has [\d,]+ “.” in a row|Line \d+ holds [\d,]+ emphasis and link marks|Holdfast stopped reading this Markdown after 4 seconds)/,
      );
      // The parse runs on a worker: requests kept being answered while it ran (a blocked thread answers one, after it).
      if (answer.body.error?.message?.startsWith('Holdfast stopped reading')) expect(latencies.length, name).toBeGreaterThan(3);
    }
  });

  it('is not saved or imported: a clear error, the file named, nothing stored', async () => {
    const metadata = { title: 'Pathological' };
    for (const [name, body] of Object.entries(PATHOLOGICAL)) {
      const saved = await post('saveRunbook', { metadata, body });
      expect(saved.status, name).toBe(400);
      expect(saved.body.error?.message, name).toMatch(/^(Line \d+|Holdfast stopped reading)/);
    }
    const folder = tempDir();
    writeFiles(folder, Object.fromEntries(Object.entries(PATHOLOGICAL).map(([name, body]) => [`${name.replaceAll(' ', '-')}.md`, body])));
    writeFiles(folder, { 'fine.md': '# Fine\n\n## Steps\n\n- Restart the service\n' });
    const imported = await post('importRunbooks', { paths: [folder] });
    const report = imported.body.value as { imported: number; failed: { path: string; error: string }[] };
    expect(report.imported).toBe(1);
    expect(report.failed.map((failure) => path.basename(failure.path)).sort()).toEqual(
      Object.keys(PATHOLOGICAL).map((name) => `${name.replaceAll(' ', '-')}.md`).sort(),
    );
    for (const failure of report.failed) expect(failure.error).toMatch(/^(Line \d+|Holdfast stopped reading)/);
    const list = await post('listRunbooks', {});
    expect((list.body.value as { items: { title: string }[] }).items.map((item) => item.title)).toEqual(['Fine']);
  });
});
