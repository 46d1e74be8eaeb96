import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright';
import type { RunbookHit } from '../../src/shared/runbooks';
import type { BenchQuery } from './queries';
import { SEARCH_LIMIT } from './search';

export interface WebFigures {
  listPaintedMs: number;
  keystrokeMs: number[];
  timelineMs: number;
  timelineRows: number;
  serverPeakRssMb: number;
  chromium: string;
}

export interface WebOptions {
  repoRoot: string;
  /** The build folder's name (HOLDFAST_DIST), relative to the checkout. */
  distName: string;
  dataDir: string;
  queries: BenchQuery[];
  keystrokes: number;
  openIncidentId: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the console into `distName` unless its build is newer than every source file. */
export function ensureBuilt(repoRoot: string, distName: string): void {
  const cli = path.join(repoRoot, distName, 'node', 'cli.js');
  const built = fs.existsSync(cli) ? fs.statSync(cli).mtimeMs : 0;
  if (built > newestFile(path.join(repoRoot, 'src'))) return;
  process.stderr.write(`[bench] building the console into ${distName}/ (sources changed)\n`);
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, env: { ...process.env, HOLDFAST_DIST: distName }, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The console did not build; see the output above.');
}

/**
 * The console in Chromium against `holdfast web` on the benchmark's data:
 * navigation → runbook list painted; a keystroke in search → its results
 * painted; opening the long incident → its timeline painted with the page
 * idle again; the timeline's DOM rows; and the server's peak resident memory.
 * "Painted" is the end of the first frame after the DOM shows the answer
 * (requestAnimationFrame, then a task).
 */
export async function measureWeb(options: WebOptions): Promise<WebFigures> {
  ensureBuilt(options.repoRoot, options.distName);
  const server = await startServer(options);
  const browser = await chromium.launch({
    executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.addInitScript(PAINT_PROBE);
    await page.goto(server.url);
    const painted = await page.waitForFunction(() => window.__bench?.listPainted ?? null, null, { timeout: 60_000 });
    const listPaintedMs = (await painted.jsonValue()) as number;

    const keystrokeMs: number[] = [];
    for (const query of options.queries) {
      if (keystrokeMs.length >= options.keystrokes) break;
      const ms = await timeKeystroke(page, server, query.text);
      if (ms !== null) keystrokeMs.push(ms);
    }

    await page.fill('#runbook-search', '');
    const timeline = await page.evaluate(async (id) => {
      const probe = window.__bench;
      if (!probe) throw new Error('paint probe missing');
      const done = probe.when(() => document.querySelectorAll('.tl-row').length > 0 && /\(\d{3,}\)/.test(document.querySelector('.timeline-panel .count')?.textContent ?? ''));
      const start = performance.now();
      location.hash = `#/incidents/${id}`;
      const end = await done;
      return { ms: end - start, rows: document.querySelectorAll('.tl-row').length };
    }, options.openIncidentId);

    // Load what the web server serves most heavily before reading its peak memory.
    for (const [operation, input] of [
      ['whoIsOnCall', {}],
      ['listRunbooks', {}],
      ['exportPostmortem', { incidentId: options.openIncidentId, format: 'html' }],
      ['listIncidents', {}],
    ] as const) {
      await server.call(operation, input);
    }
    return {
      listPaintedMs,
      keystrokeMs,
      timelineMs: timeline.ms,
      timelineRows: timeline.rows,
      serverPeakRssMb: server.peakRssMb(),
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

function newestFile(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

interface RunningServer {
  url: string;
  call(operation: string, input: unknown): Promise<unknown>;
  peakRssMb(): number;
  stop(): Promise<void>;
}

async function startServer(options: WebOptions): Promise<RunningServer> {
  const cli = path.join(options.repoRoot, options.distName, 'node', 'cli.js');
  const child = spawn(process.execPath, [cli, 'web', '--data', options.dataDir, '--port', '0', '--empty'], {
    env: { ...process.env, HOLDFAST_DIST: options.distName },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Holdfast console: (\S+)$/m.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`holdfast web exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  const token = parsed.hash.replace('#token=', '');
  return {
    url,
    async call(operation, input) {
      const response = await fetch(`${parsed.origin}/api/${operation}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(`${operation} failed on the web server: ${result.error?.message ?? response.status}`);
      return result.value;
    },
    peakRssMb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
      return kb / 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * One keystroke: the query minus its last letter is typed and its results
 * settle; then the last letter is pressed, and the time runs from the key
 * event to the frame that shows the results the API gives for the whole query.
 * Null when the last letter would not change what is shown.
 */
async function timeKeystroke(page: Page, server: RunningServer, text: string): Promise<number | null> {
  const before = text.slice(0, -1);
  const [expected, previous] = (await Promise.all([
    server.call('searchRunbooks', { query: text, limit: SEARCH_LIMIT }),
    before.trim() ? server.call('searchRunbooks', { query: before, limit: SEARCH_LIMIT }) : Promise.resolve([]),
  ])) as [RunbookHit[], RunbookHit[]];
  const first = expected[0];
  if (!first || (previous[0]?.id === first.id && previous.length === expected.length)) return null;
  const status = `${expected.length === SEARCH_LIMIT ? '50+' : expected.length} matching`;

  const settled = page.waitForResponse((response) => response.url().endsWith('/api/searchRunbooks'));
  await page.fill('#runbook-search', before);
  if (before.trim()) await settled;
  await page.waitForTimeout(50);
  const measuring = page.evaluate(
    ({ title, status }) => {
      const probe = window.__bench;
      if (!probe) throw new Error('paint probe missing');
      return probe.keystroke(
        () =>
          (document.querySelector('#runbook-results li .result-title')?.textContent ?? '').startsWith(title) &&
          (document.querySelector('.list-status')?.textContent ?? '').includes(status),
      );
    },
    { title: first.title, status },
  );
  await page.waitForFunction(() => window.__bench?.armed === true);
  await page.press('#runbook-search', text.slice(-1));
  return measuring;
}

declare global {
  interface Window {
    __bench?: {
      listPainted: number | null;
      armed: boolean;
      /** Resolves with the time of the first painted frame after `ready()` holds. */
      when(ready: () => boolean): Promise<number>;
      /** Waits for the next keydown in search, then for `ready()`: resolves with the milliseconds between. */
      keystroke(ready: () => boolean): Promise<number>;
    };
  }
}

/** Runs in the page before the console's own code. */
const PAINT_PROBE = `(() => {
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
  const when = (ready) => new Promise((resolve) => {
    const check = () => {
      if (!ready()) return false;
      observer.disconnect();
      afterPaint().then(resolve);
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    check();
  });
  const probe = {
    listPainted: null,
    armed: false,
    when,
    keystroke(ready) {
      return new Promise((resolve) => {
        const input = document.getElementById('runbook-search');
        input.addEventListener('keydown', (event) => {
          probe.armed = false;
          const start = event.timeStamp;
          when(ready).then((end) => resolve(end - start));
        }, { once: true });
        probe.armed = true;
      });
    },
  };
  window.__bench = probe;
  const start = () => when(() => document.querySelector('#runbook-results li') !== null).then((t) => { probe.listPainted = t; });
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();`;
