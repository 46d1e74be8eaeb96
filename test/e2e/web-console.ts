import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';

export interface RunningConsole {
  /** The full link with the token, as `holdfast web` prints it. */
  url: string;
  /** The read-only link (viewer token) it prints on the next line. */
  viewerUrl: string;
  origin: string;
  token: string;
  dataDir: string;
}

/** The built `holdfast` bin (`HOLDFAST_DIST`/node/cli.js). */
export const CLI = path.resolve(process.env.HOLDFAST_DIST ?? 'dist', 'node/cli.js');

/** Runs the built `holdfast` CLI to completion (to prepare a data folder, or to check one). */
export function holdfastCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Starts the built `holdfast web` on a fresh data folder (or on `options.dataDir`,
 * which the caller prepared and removes) and waits for its one-line address.
 */
export async function startConsole(
  extraArgs: string[] = [],
  options: { dataDir?: string } = {},
): Promise<RunningConsole & { stop(): Promise<void>; stderr(): string }> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [CLI, 'web', '--data', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [url, viewerUrl] = await new Promise<[string, string]>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Holdfast console: (\S+)$/m.exec(stdout);
      const viewer = /^Viewer \(read-only\): (\S+)$/m.exec(stdout);
      if (match?.[1] && viewer?.[1]) resolve([match[1], viewer[1]]);
    });
    child.once('exit', (code) => reject(new Error(`holdfast web exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    viewerUrl,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    dataDir,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Who is at a test's browser unless it says otherwise (`test.use({ responder: null })`: nobody yet, so it is asked). */
export const TEST_RESPONDER = { name: 'Sam Okoro', handle: null };

/**
 * Tells a browser profile who is at it, as its "Who are you?" answer would
 * (src/renderer/api/responder.ts): on every page it opens, unless a name was
 * already chosen there.
 */
export async function rememberResponder(context: BrowserContext, responder: { name: string; handle: string | null }): Promise<void> {
  await context.addInitScript((value) => {
    try {
      if (window.localStorage.getItem('holdfast.responder') === null) window.localStorage.setItem('holdfast.responder', value);
    } catch {
      // A page without storage (about:blank) has nobody to remember.
    }
  }, JSON.stringify(responder));
}

/** `holdfast` running on the demo workspace, one per test; its browser already knows who is at it. */
export const test = base.extend<{ holdfast: RunningConsole; responder: { name: string; handle: string | null } | null }>({
  responder: [TEST_RESPONDER, { option: true }],
  context: async ({ context, responder }, use) => {
    if (responder) await rememberResponder(context, responder);
    await use(context);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  holdfast: async ({}, use) => {
    const running = await startConsole();
    await use(running);
    await running.stop();
  },
});

export { expect };

/** Saves what the test checked, for people to look at (test-results/screens/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('test-results', 'screens', `${name}.png`), fullPage: false });
}

/** Calls one operation of the running console's API, as the console itself does; throws on an error result. */
export async function callApi<T = unknown>(
  request: APIRequestContext,
  holdfast: Pick<RunningConsole, 'origin' | 'token'>,
  operation: string,
  input: unknown,
): Promise<T> {
  const response = await request.post(`${holdfast.origin}/api/${operation}`, {
    headers: { Authorization: `Bearer ${holdfast.token}` },
    data: input,
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Opens the console from its link, waits until it is ready, and goes to `hash`. */
export async function openConsole(page: Page, url: string, hash: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate((target) => (window.location.hash = target), hash);
}

/** Serious and critical WCAG A/AA violations on the page as it is now, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}
