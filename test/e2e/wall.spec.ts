import type { Page } from '@playwright/test';
import { callApi, expect, openConsole, screenshot, seriousViolations, test, type RunningConsole } from './web-console';

/**
 * The wall display: every open incident (or one) on a TV across the room, from
 * the viewer's link, live, legible at 1080p, with nothing to edit or scroll.
 */

interface Incident {
  id: number;
  runbooks: { runbookId: number; steps: { id: string }[] }[];
}

const TV = { width: 1920, height: 1080 };

/** Two open incidents: a SEV1 being worked (commander, a runbook step started, notes) and a fresh SEV3. */
async function twoIncidents(request: Parameters<typeof callApi>[0], holdfast: RunningConsole): Promise<{ checkout: Incident; search: Incident }> {
  const api = <T>(operation: string, input: unknown) => callApi<T>(request, holdfast, operation, input);
  const { items } = await api<{ items: { id: number; title: string }[] }>('listRunbooks', {});
  const runbook = items.find((item) => item.title === 'Checkout error rate above 2%');
  if (!runbook) throw new Error('the demo workspace has no checkout runbook');
  const search = await api<Incident>('declareIncident', { title: 'Search p99 above 2 s', severity: 'SEV3', services: ['search'] });
  const declared = await api<Incident>('declareIncident', { title: 'Checkout failing for card payments', severity: 'SEV1', services: ['checkout'] });
  await api('assignRole', { id: declared.id, role: 'commander', person: { name: 'Priya Raman', handle: 'priya' } });
  await api('assignRole', { id: declared.id, role: 'scribe', person: { name: 'Lee Park', handle: 'lee' } });
  await api('attachRunbook', { id: declared.id, runbookId: runbook.id });
  const checkout = await api<Incident>('getIncident', { id: declared.id });
  const [first, second] = checkout.runbooks[0]?.steps ?? [];
  await api('setStepState', { id: checkout.id, runbookId: runbook.id, stepId: first?.id, state: 'done' });
  await api('setStepState', { id: checkout.id, runbookId: runbook.id, stepId: second?.id, state: 'started' });
  await api('logNote', { id: checkout.id, text: 'Card payments failing with 502 from checkout-api' });
  return { checkout, search };
}

/** The text on the wall set smaller than 28 px (its words and size), the "Leave" hint aside. */
const smallText = (page: Page) =>
  page.locator('.wall').evaluate((wall) => {
    const small: string[] = [];
    const walker = document.createTreeWalker(wall, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest('.wall-leave')) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < 28) small.push(`${node.textContent.trim()} (${size} px)`);
    }
    return small;
  });

test('the wall display shows every open incident’s essentials from the viewer link, updates live, and has nothing to edit', async ({ page, context, request, holdfast }) => {
  test.setTimeout(90_000);
  const { checkout, search } = await twoIncidents(request, holdfast);
  await page.setViewportSize(TV);
  // A TV opens the viewer's wall link directly.
  await page.goto(`${holdfast.viewerUrl}&to=/wall`);
  await expect(page).toHaveURL(/#\/wall$/);
  const wall = page.getByTestId('wall');
  const tiles = wall.getByRole('article');
  await expect(tiles).toHaveCount(2);
  await expect(wall.getByRole('heading', { level: 1 })).toHaveText('Open incidents (2)');

  // The most severe first, each with its essentials.
  const sev1 = tiles.nth(0);
  await expect(sev1.getByRole('heading', { level: 2 })).toHaveText('Checkout failing for card payments');
  await expect(sev1.locator('.wall-sev')).toHaveText('SEV1');
  await expect(sev1.locator('.wall-status')).toHaveText('Investigating');
  await expect(sev1.locator('.wall-elapsed')).toHaveText(/\d+ (s|min)/);
  await expect(sev1.locator('.wall-update')).toHaveText(/^in \d+ (s|min)$/);
  await expect(sev1.locator('.wall-roles')).toContainText('Commander Priya Raman');
  await expect(sev1.locator('.wall-roles')).toContainText('Scribe Lee Park');
  await expect(sev1.getByRole('list', { name: 'Runbooks' })).toContainText('Step 2 of 16 · Checkout error rate above 2%');
  await expect(sev1.locator('.wall-now')).toHaveText('Now:');
  await expect(sev1.getByRole('region', { name: 'Last notes' })).toContainText('Card payments failing with 502 from checkout-api');
  const sev3 = tiles.nth(1);
  await expect(sev3.getByRole('heading', { level: 2 })).toHaveText('Search p99 above 2 s');
  await expect(sev3.locator('.wall-roles')).toHaveText('No commander yet');
  await expect(sev3.getByRole('region', { name: 'Last notes' })).toHaveText('No notes yet');

  // Read across a room: no text under 28 px at 1080p; nothing scrolls; every essential is on screen.
  expect(await smallText(page)).toEqual([]);
  expect(await page.evaluate(() => document.scrollingElement && document.scrollingElement.scrollHeight <= window.innerHeight)).toBe(true);
  for (const tile of [sev1, sev3]) {
    for (const part of ['.wall-title', '.wall-facts', '.wall-roles']) {
      await expect(tile.locator(part)).toBeInViewport({ ratio: 1 });
    }
  }
  await expect(sev1.locator('.wall-steps')).toBeInViewport({ ratio: 1 });
  // No control at all: a wall is looked at, not worked.
  await expect(wall.locator('button, input, textarea, select, [contenteditable="true"]')).toHaveCount(0);
  await screenshot(page, 'wall-two');

  // A note logged on a responder's console appears on the wall without a reload.
  const responder = await context.newPage();
  await openConsole(responder, holdfast.url, `#/incidents/${search.id}`);
  const note = responder.getByLabel('Add a note to the timeline');
  await note.fill('Index merge storm after the nightly rebuild');
  await note.press('Enter');
  await expect(sev3.getByRole('region', { name: 'Last notes' })).toContainText('Index merge storm after the nightly rebuild');
  // So does a step walked there, and a third incident declared.
  await callApi(request, holdfast, 'setStepState', { id: checkout.id, runbookId: checkout.runbooks[0]?.runbookId, stepId: checkout.runbooks[0]?.steps[1]?.id, state: 'done' });
  await expect(sev1.getByRole('list', { name: 'Runbooks' })).toContainText('Step 3 of 16');
  await callApi(request, holdfast, 'declareIncident', { title: 'Edge certificate expired', severity: 'SEV2', services: ['edge-proxy'] });
  await expect(tiles).toHaveCount(3);
  await expect(tiles.nth(1).getByRole('heading', { level: 2 })).toHaveText('Edge certificate expired');
  expect(await smallText(page)).toEqual([]);
  expect(await page.evaluate(() => document.scrollingElement && document.scrollingElement.scrollHeight <= window.innerHeight)).toBe(true);

  // Esc leaves it, for the list of incidents.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/incidents$/);
  await expect(page.getByRole('table', { name: 'Open incidents' })).toBeVisible();
});

test('one incident’s wall display opens from the incident screen and Esc goes back to it', async ({ page, request, holdfast }) => {
  const { checkout } = await twoIncidents(request, holdfast);
  await page.setViewportSize(TV);
  await openConsole(page, holdfast.url, `#/incidents/${checkout.id}`);
  await page.getByRole('link', { name: 'Wall display' }).click();
  await expect(page).toHaveURL(new RegExp(`#/wall/${checkout.id}$`));
  const tiles = page.getByTestId('wall').getByRole('article');
  await expect(tiles).toHaveCount(1);
  await expect(tiles.getByRole('heading', { level: 2 })).toHaveText('Checkout failing for card payments');
  await expect(tiles.getByRole('region', { name: 'Last notes' })).toContainText('Card payments failing');
  await expect(page.getByRole('banner').getByRole('navigation')).toHaveCount(0);
  expect(await smallText(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/incidents/${checkout.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout failing for card payments' })).toBeVisible();
  // The list of incidents leads to the wall of all of them.
  await page.evaluate(() => (window.location.hash = '#/incidents'));
  await page.getByRole('link', { name: 'Wall display' }).click();
  await expect(page.getByTestId('wall').getByRole('article')).toHaveCount(2);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations on the wall display (${theme} theme)`, async ({ page, request, holdfast }) => {
    await twoIncidents(request, holdfast);
    await page.addInitScript((choice) => localStorage.setItem('holdfast.theme', choice), theme);
    await page.setViewportSize(TV);
    await page.goto(`${holdfast.viewerUrl}&to=/wall`);
    await expect(page.getByTestId('wall').getByRole('article')).toHaveCount(2);
    await expect(page.getByRole('region', { name: 'Last notes' }).first()).toContainText('Card payments');
    expect(await seriousViolations(page)).toEqual([]);
  });
}
