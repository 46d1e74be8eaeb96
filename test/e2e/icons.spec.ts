import type { Page } from '@playwright/test';
import { callApi, expect, screenshot, test } from './web-console';

/** Symbol characters that were used as icons; they depend on the machine's fonts (Debian's Chromium shows ⏱ and ⏸ as empty boxes). */
const ICON_GLYPHS = /[⏱⏸◐★☆⚠↗●○▶↷]/u;

async function open(page: Page, url: string, hash: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate((target) => (window.location.hash = target), hash);
}

/** No icon on the page is a typed symbol: the visible text holds none of them. */
async function expectNoIconGlyphs(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text.match(ICON_GLYPHS)).toBeNull();
}

test('icons are drawn as SVG, never typed as symbols the system fonts may lack', async ({ page, holdfast, request }) => {
  const runbooks = await callApi<{ items: { id: number; title: string }[] }>(request, holdfast, 'listRunbooks', {});
  const checkout = runbooks.items.find((runbook) => runbook.title === 'Checkout error rate above 2%');
  if (!checkout) throw new Error('the demo workspace has no checkout runbook');

  // The reader: a step's "⏱ 5m" in the Markdown is drawn, and so is the timer badge in the outline.
  await open(page, holdfast.url, `#/runbooks/${checkout.id}`);
  const document = page.locator('.reader .markdown').first();
  await expect(document).toContainText('roll it back now');
  await expect(document.locator('svg.timer-icon[aria-label="timer"]').first()).toBeVisible();
  await expect(page.locator('.timer-badge svg').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Theme:/ }).locator('svg')).toBeVisible();
  await expectNoIconGlyphs(page);
  await screenshot(page, 'icons-reader');

  // The incident screen: step states, timers and the key star.
  type Run = { id: number; incidentId: number };
  const [scenario] = await callApi<{ id: number }[]>(request, holdfast, 'listDrillScenarios', {});
  const run = await callApi<Run>(request, holdfast, 'startDrill', { scenarioId: scenario?.id });
  await callApi(request, holdfast, 'logNote', { id: run.incidentId, text: 'Error rate at 12%' });
  await open(page, holdfast.url, `#/incidents/${run.incidentId}`);
  const picks = page.locator('.step-pick');
  await expect(picks.first()).toBeVisible();
  expect(await page.locator('.step-pick-icon svg').count()).toBe(await picks.count());
  await expect(page.locator('.step-pick .timer-badge svg').first()).toBeVisible();
  await expect(page.locator('.tl-event').first().locator('svg').first()).toBeAttached();
  await expect(page.getByRole('region', { name: 'Drill' }).locator('.drill-banner-state svg')).toBeVisible();
  await expectNoIconGlyphs(page);

  // Paused: the banner's pause sign and the console's, drawn.
  await callApi(request, holdfast, 'pauseDrill', { id: run.id });
  await expect(page.getByRole('region', { name: 'Drill' })).toContainText('Paused by the facilitator');
  await expect(page.locator('.drill-banner-state svg')).toBeVisible();
  await expectNoIconGlyphs(page);
  await screenshot(page, 'icons-incident-paused');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'icons-incident-paused-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  const [inject] = (await callApi<{ injects: { injectId: string; offsetSeconds: number | null }[] }>(request, holdfast, 'getDrill', { id: run.id })).injects;
  await callApi(request, holdfast, 'drillInject', { id: run.id, injectId: inject?.injectId, action: 'hold' });
  await page.evaluate((target) => (window.location.hash = target), `#/drills/runs/${run.id}`);
  await expect(page.locator('.inject-countdown-held svg')).toBeVisible();
  await expectNoIconGlyphs(page);
  await screenshot(page, 'icons-drill-console');
});
