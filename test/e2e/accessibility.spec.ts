import type { Page } from '@playwright/test';
import { callApi, expect, seriousViolations, test, type RunningConsole } from './web-console';

async function open(page: Page, holdfast: RunningConsole, hash: string): Promise<void> {
  await page.goto(`${holdfast.origin}/${hash}#token=${holdfast.token}`.replace(`/${hash}#token`, `/#token`));
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.evaluate((target) => (window.location.hash = target), hash);
}

interface Screen {
  name: string;
  hash: (ids: { runbook: number; open: number; resolved: number }) => string;
  /** Something that is only there once the screen has its data. */
  ready: (page: Page) => Promise<void>;
}

const SCREENS: Screen[] = [
  { name: 'runbook library', hash: () => '#/runbooks', ready: (page) => expect(page.locator('#runbook-results li').first()).toBeVisible() },
  {
    name: 'runbook reader',
    hash: (ids) => `#/runbooks/${ids.runbook}`,
    ready: (page) => expect(page.getByRole('article').getByRole('heading', { level: 1 })).toBeVisible(),
  },
  { name: 'Now board', hash: () => '#/oncall', ready: (page) => expect(page.getByRole('article').first()).toContainText('Escalation') },
  {
    name: 'incident runner',
    hash: (ids) => `#/incidents/${ids.open}`,
    ready: (page) => expect(page.locator('.runner .current-number')).toHaveText('Step 1'),
  },
  {
    name: 'post-mortem',
    hash: (ids) => `#/incidents/${ids.resolved}/postmortem`,
    ready: (page) => expect(page.getByRole('region', { name: 'Summary', exact: true })).toBeVisible(),
  },
  { name: 'metrics', hash: () => '#/metrics', ready: (page) => expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible() },
];

for (const theme of ['light', 'dark', 'contrast'] as const) {
  test(`axe finds no serious or critical violations on the main screens (${theme} theme)`, async ({ page, request, holdfast }) => {
    test.setTimeout(150_000);
    const { items } = await callApi<{ items: { id: number; title: string }[] }>(request, holdfast, 'listRunbooks', {});
    const runbook = items.find((item) => item.title.startsWith('Checkout error rate')) ?? items[0];
    if (!runbook) throw new Error('the demo workspace has no runbooks');
    const open_ = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
    await callApi(request, holdfast, 'attachRunbook', { id: open_.id, runbookId: runbook.id });
    const resolved = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Edge certificate expired', severity: 'SEV3', services: ['edge-proxy'] });
    await callApi(request, holdfast, 'acknowledgeIncident', { id: resolved.id });
    await callApi(request, holdfast, 'changeStatus', { id: resolved.id, status: 'resolved', summary: 'Renewed the certificate.' });
    const ids = { runbook: runbook.id, open: open_.id, resolved: resolved.id };

    await page.addInitScript((choice) => localStorage.setItem('holdfast.theme', choice), theme);
    await open(page, holdfast, '#/runbooks');
    const found: string[] = [];
    for (const screen of SCREENS) {
      await page.evaluate((target) => (window.location.hash = target), screen.hash(ids));
      await screen.ready(page);
      found.push(...(await seriousViolations(page)).map((line) => `${screen.name}: ${line}`));
    }
    // The keyboard overlays are screens of their own.
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('check');
    await expect(page.getByRole('option').first()).toBeVisible();
    found.push(...(await seriousViolations(page)).map((line) => `command palette: ${line}`));
    expect(found).toEqual([]);
  });
}
