import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { callApi, expect, screenshot, startConsole, test, type RunningConsole } from './web-console';

// A responder in New York: every time the console shows names its zone.
test.use({ timezoneId: 'America/New_York' });

async function openConsole(page: Page, url: string, hash: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate((target) => (window.location.hash = target), hash);
}

/**
 * Puts text into a field as a paste does: the whole text in one input event.
 * (Playwright's fill and insertText go through the editing pipeline line by
 * line, which takes Chromium many seconds for 1,500 lines.)
 */
async function paste(field: Locator, text: string): Promise<void> {
  await field.evaluate((element, value) => {
    const textarea = element as HTMLTextAreaElement;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, value);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** About 100 kB of log, 1,200-odd lines, as a responder pastes it. */
function logPaste(): string {
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < 100_000; i += 1) lines.push(`03:${String(i % 60).padStart(2, '0')}:07 ERROR payments-api pod/payments-${i} upstream connect error`);
  return lines.join('\n');
}

const RUNBOOK = `# Checkout errors

## Mitigation

1. Post in \`#inc-checkout\` that \`payments-api\` is degraded
2. If the pager is silent, switch to the
   [backup channel](https://chat.example.com/backup)
3. Roll back with \`kubectl -n shop rollout undo deployment/checkout\`, then watch:
   \`\`\`sh
   kubectl -n shop rollout status deployment/checkout
   \`\`\`
`;

async function incidentWithRunbook(request: APIRequestContext, holdfast: RunningConsole): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-e2e-runbook-'));
  fs.writeFileSync(path.join(dir, 'checkout-errors.md'), RUNBOOK);
  await callApi(request, holdfast, 'importRunbooks', { paths: [dir] });
  fs.rmSync(dir, { recursive: true, force: true });
  const list = await callApi<{ items: { id: number; title: string }[] }>(request, holdfast, 'listRunbooks', {});
  const runbook = list.items.find((item) => item.title === 'Checkout errors');
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Checkout failing', severity: 'SEV2', services: ['checkout'] });
  await callApi(request, holdfast, 'attachRunbook', { id: incident.id, runbookId: runbook?.id });
  return incident.id;
}

test('a pasted 100 kB log is logged whole and shown folded, one click from all of it; a note over the limit is refused, not cut', async ({ page, holdfast, request }) => {
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Payments failing', severity: 'SEV2', services: ['payments-api'] });
  await openConsole(page, holdfast.url, `#/incidents/${incident.id}`);
  const log = logPaste();
  const lines = log.split('\n');
  const note = page.getByLabel('Add a note to the timeline');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments failing' })).toBeVisible();
  await paste(note, log);
  await note.press('Enter');

  const row = page.locator('.tl-event[data-type="note"]');
  await expect(row).toContainText(lines[0] ?? '');
  await expect(row).not.toContainText(lines.at(-1) ?? '');
  const unfold = row.getByRole('button', { name: `Show all ${lines.length.toLocaleString('en')} lines` });
  await expect(unfold).toHaveAttribute('aria-expanded', 'false');
  await screenshot(page, 'timeline-folded-log');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'timeline-folded-log-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await unfold.click();
  await expect(row).toContainText(lines.at(-1) ?? '');
  await expect(row.getByRole('button', { name: /^Show less/ })).toHaveAttribute('aria-expanded', 'true');
  const stored = await callApi<{ type: string; text: string }[]>(request, holdfast, 'getTimeline', { id: incident.id });
  expect(stored.find((event) => event.type === 'note')?.text).toBe(log);

  // One character over the limit: said, with the count; nothing sent, nothing cut.
  await paste(note, 'x'.repeat(1_000_001));
  await expect(page.getByRole('alert')).toContainText('Too long: 1,000,001 characters; a note holds at most 1,000,000.');
  await expect(page.getByRole('button', { name: 'Log note' })).toBeDisabled();
  await note.press('Enter');
  expect(await note.evaluate((field) => (field as HTMLTextAreaElement).value.length)).toBe(1_000_001);
  expect(await callApi<unknown[]>(request, holdfast, 'getTimeline', { id: incident.id })).toHaveLength(stored.length);
  await screenshot(page, 'note-over-limit');
});

test('step text renders as Markdown and is not cut; only commands get Copy buttons, each command once', async ({ page, holdfast, request }) => {
  const id = await incidentWithRunbook(request, holdfast);
  await openConsole(page, holdfast.url, `#/incidents/${id}`);
  const list = page.locator('.step-list');
  await expect(list.getByRole('button', { name: /switch to the backup channel/ })).toBeVisible();
  await expect(list.locator('code', { hasText: '#inc-checkout' })).toBeVisible();
  await expect(list).not.toContainText('`');

  // Step 1 names a channel and a service: code, no Copy buttons.
  const current = page.locator('.current-step');
  await expect(current.locator('code', { hasText: 'payments-api' })).toBeVisible();
  await expect(current.getByRole('button', { name: /^Copy/ })).toHaveCount(0);

  // Step 3: the inline command is copied where it stands, the block under the step; neither twice.
  await list.getByRole('button', { name: /Roll back with/ }).click();
  await expect(current.getByRole('button', { name: /^Copy/ })).toHaveCount(2);
  await expect(current.getByRole('button', { name: 'Copy command kubectl -n shop rollout undo deployment/checkout to clipboard' })).toBeVisible();
  await expect(current.locator('.step-commands')).toContainText('kubectl -n shop rollout status deployment/checkout');
  await expect(current.locator('.step-commands')).not.toContainText('rollout undo');
  await screenshot(page, 'step-inline-command');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'step-inline-command-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await current.getByRole('button', { name: /^Start/ }).click();
  const event = page.locator('.tl-event[data-type="step_started"]');
  await expect(event.locator('code', { hasText: 'kubectl -n shop rollout undo deployment/checkout' })).toBeVisible();
  await expect(event).not.toContainText('`');
});

test('times carry their zone, the timeline numbers count within the incident, charts read 24-hour', async ({ page, holdfast, request }) => {
  const other = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Search slow', severity: 'SEV4', services: [] });
  await callApi(request, holdfast, 'logNote', { id: other.id, text: 'noise on another incident' });
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Checkout failing', severity: 'SEV2', services: ['checkout'] });
  await callApi(request, holdfast, 'logNote', { id: incident.id, text: 'Error rate at 40%' });
  await openConsole(page, holdfast.url, `#/incidents/${incident.id}`);

  await expect(page.locator('.incident-facts')).toContainText(/Started \d{4}-\d\d-\d\d \d\d:\d\d E[SD]T/);
  const numbers = page.locator('.timeline-scroll .tl-id');
  await expect(numbers).toHaveText(['#1', '#2']);

  await callApi(request, holdfast, 'acknowledgeIncident', { id: incident.id });
  await callApi(request, holdfast, 'changeStatus', { id: incident.id, status: 'resolved', summary: 'A config push broke checkout; reverting it fixed it.' });
  await page.evaluate(() => (window.location.hash = '#/metrics'));
  const ticks = page.locator('.recharts-cartesian-axis-tick-value');
  await expect(ticks.first()).toBeVisible();
  const labels = await ticks.allTextContents();
  expect(labels.some((label) => /\b\d\d:\d\d\b/.test(label))).toBe(true);
  expect(labels.filter((label) => /\b(AM|PM)\b/i.test(label))).toEqual([]);
  await screenshot(page, 'metrics-24-hour');
});

test('a drill scorecard says short times in seconds, never decimal minutes', async ({ context, request }) => {
  const start = '2026-11-27T10:00:00.000Z';
  const holdfast = await startConsole(['--test-clock', start]);
  try {
    const scenario = await callApi<{ id: number }>(request, holdfast, 'importDrillScenarioText', {
      markdown: '---\ntitle: Quick acknowledge\ntargets:\n  acknowledge: 5m\n---\n\n# Quick acknowledge\n',
      fileName: 'quick.md',
    });
    const run = await callApi<{ id: number; incidentId: number }>(request, holdfast, 'startDrill', { scenarioId: scenario.id });
    const advance = async (seconds: number) =>
      expect((await request.post(`${holdfast.origin}/test/clock`, { headers: { Authorization: `Bearer ${holdfast.token}` }, data: { seconds } })).ok()).toBe(true);
    await advance(24);
    await callApi(request, holdfast, 'acknowledgeIncident', { id: run.incidentId });
    await advance(240);
    await callApi(request, holdfast, 'stopDrill', { id: run.id });

    await context.clock.install({ time: new Date(Date.parse(start) + 300_000) });
    const page = await context.newPage();
    await openConsole(page, holdfast.url, `#/drills/runs/${run.id}`);
    const measures = page.getByRole('table', { name: 'Times against targets' });
    await expect(measures.getByRole('row', { name: /^Time to acknowledge/ })).toContainText('24 s≤ 5 min✓ Met');
    await expect(page.locator('.scorecard')).not.toContainText(/\d\.\d min/);
    await screenshot(page, 'drill-scorecard-seconds');
  } finally {
    await holdfast.stop();
  }
});
