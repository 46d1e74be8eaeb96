import type { Browser, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi, expect, screenshot, startConsole, test } from './web-console';

// These browsers have not said who is at them yet: each is asked.
test.use({ responder: null });

/** A browser profile of its own (its own localStorage), open on `url`, ready. */
async function profile(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  return page;
}

const whoAreYou = (page: Page) => page.getByRole('dialog', { name: 'Who are you?' });

test('two responders on one holdfast web, each asked once, each note under its author; the viewer is never asked and logs nothing', async ({
  browser,
  request,
  holdfast,
}) => {
  test.setTimeout(60_000);
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Checkout failing for card payments', severity: 'SEV2' });

  // Priya picks herself from the roster with the keyboard: her handle goes with her name.
  const priya = await profile(browser, holdfast.url);
  const priyaAsked = whoAreYou(priya);
  await expect(priyaAsked).toBeVisible();
  const priyaName = priyaAsked.getByRole('combobox', { name: 'Your name' });
  await expect(priyaName).toBeFocused();
  await priya.keyboard.type('pri');
  await expect(priyaAsked.getByRole('option', { name: /Priya Raman/ })).toBeVisible();
  await screenshot(priya, 'responders-who-are-you-light');
  await priya.keyboard.press('ArrowDown');
  await expect(priyaAsked.getByRole('option', { name: /Priya Raman/ })).toHaveAttribute('aria-selected', 'true');
  await priya.keyboard.press('Enter');
  await expect(priyaAsked).toBeHidden();
  await expect(priya.getByRole('button', { name: 'You: Priya Raman. Change your name' })).toBeVisible();

  // A second responder in another browser types a name of their own, not on the roster; an empty one is refused first.
  const owl = await profile(browser, holdfast.url, 'dark');
  const owlAsked = whoAreYou(owl);
  await expect(owlAsked).toBeVisible();
  await owl.keyboard.press('Enter');
  await expect(owlAsked.getByRole('alert')).toHaveText('Type your name, or pick yourself from the roster: it goes beside everything you log.');
  await owl.keyboard.type('Night Owl');
  await expect(owlAsked.getByRole('option')).toHaveCount(0);
  await screenshot(owl, 'responders-who-are-you-dark');
  await owl.keyboard.press('Enter');
  await expect(owlAsked).toBeHidden();

  // Both log notes into the one incident.
  for (const [page, text] of [
    [priya, 'Rolling back checkout to v142'],
    [owl, 'Card declines down to 2% after the rollback'],
    [priya, 'Keeping v142 until the payment provider confirms'],
  ] as const) {
    await page.evaluate((id) => (window.location.hash = `#/incidents/${id}`), incident.id);
    const note = page.getByLabel('Add a note to the timeline');
    await note.fill(text);
    await note.press('Enter');
    await expect(page.locator('.timeline-scroll').getByText(text)).toBeVisible();
  }

  // Each timeline shows each note under its author, live in the other browser too.
  for (const page of [priya, owl]) {
    const notes = page.locator('.timeline-scroll .tl-event[data-type="note"]');
    await expect(notes).toHaveCount(3);
    await expect(notes.filter({ hasText: 'Rolling back checkout to v142' }).locator('.tl-actor')).toHaveText('Priya Raman');
    await expect(notes.filter({ hasText: 'Card declines down to 2%' }).locator('.tl-actor')).toHaveText('Night Owl');
    await expect(notes.filter({ hasText: 'Keeping v142' }).locator('.tl-actor')).toHaveText('Priya Raman');
  }
  // The top bar holds the responder's initials and the open incident's count without pushing a control out of the window.
  expect(await owl.locator('.top-bar').evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await screenshot(owl, 'responders-timeline-dark');
  const timeline = await callApi<{ type: string; actor: string; actorHandle: string | null; text: string }[]>(request, holdfast, 'getTimeline', { id: incident.id });
  expect(timeline.filter((event) => event.type === 'note').map((event) => [event.actor, event.actorHandle])).toEqual([
    ['Priya Raman', 'priya'],
    ['Night Owl', null],
    ['Priya Raman', 'priya'],
  ]);

  // A reload does not ask again: the browser kept its answer.
  await owl.reload();
  await expect(owl.locator('html[data-ready="true"]')).toBeAttached();
  await expect(owl.getByRole('button', { name: 'You: Night Owl. Change your name' })).toBeVisible();
  await expect(whoAreYou(owl)).toHaveCount(0);

  // The viewer link (a wall display, anyone with the read-only link): never asked, no name, nothing to log with.
  const viewer = await profile(browser, holdfast.viewerUrl);
  await viewer.evaluate((id) => (window.location.hash = `#/incidents/${id}`), incident.id);
  await expect(viewer.locator('.timeline-scroll').getByText('Card declines down to 2%')).toBeVisible();
  await expect(whoAreYou(viewer)).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^You:/ })).toHaveCount(0);
  await expect(viewer.getByLabel('Add a note to the timeline')).toHaveCount(0);
  // Even naming someone, the viewer's token cannot write.
  const viewerToken = new URL(holdfast.viewerUrl).hash.replace(/^#token=/, '').replace(/&.*$/, '');
  const refused = await request.post(`${holdfast.origin}/api/logNote`, {
    headers: { Authorization: `Bearer ${viewerToken}`, 'X-Holdfast-Responder': encodeURIComponent(JSON.stringify({ name: 'Wall', handle: null })) },
    data: { id: incident.id, text: 'From the wall' },
  });
  expect(refused.status()).toBe(403);
  expect((await callApi<unknown[]>(request, holdfast, 'getTimeline', { id: incident.id })).length).toBe(timeline.length);
});

test('the name changes from the top bar, and a name that cannot be one is refused in words', async ({ browser, holdfast, request }) => {
  const page = await profile(browser, holdfast.url);
  await whoAreYou(page).getByRole('combobox', { name: 'Your name' }).fill('Kit');
  await page.keyboard.press('Enter');
  // The top bar shows whose console it is; nothing in it is pushed out of the window for it.
  const bar = page.locator('.top-bar');
  expect(await bar.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await page.getByRole('button', { name: 'You: Kit. Change your name' }).click();
  const dialog = whoAreYou(page);
  const name = dialog.getByRole('combobox', { name: 'Your name' });
  await expect(name).toHaveValue('Kit');
  await name.fill('maya');
  await page.keyboard.press('Enter');
  // A roster handle typed whole is that person.
  await expect(page.getByRole('button', { name: 'You: Maya Torres. Change your name' })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/settings'));
  await expect(page.getByText('You log as Maya Torres (@maya on the roster).')).toBeVisible();
  await screenshot(page, 'responders-settings-light');

  // The server refuses what no console sends: a name with a line break, in words, storing nothing.
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Search slow', severity: 'SEV3' });
  const response = await request.post(`${holdfast.origin}/api/logNote`, {
    headers: { Authorization: `Bearer ${holdfast.token}`, 'X-Holdfast-Responder': encodeURIComponent(JSON.stringify({ name: 'Maya\nTorres', handle: null })) },
    data: { id: incident.id, text: 'x' },
  });
  expect(response.status()).toBe(400);
  const refusal = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
  expect(refusal).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(refusal.error.message).toMatch(/^The responder name from this console has a control character/);
});

test('the name chosen survives a restart of holdfast web on another port; the viewer link stays anonymous', async ({ browser, request }) => {
  test.setTimeout(90_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-e2e-restart-'));
  let running = await startConsole([], { dataDir });
  try {
    const page = await profile(browser, running.url);
    await whoAreYou(page).getByRole('combobox', { name: 'Your name' }).fill('Night Owl');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'You: Night Owl. Change your name' })).toBeVisible();

    // The server restarts on the same data folder: another port (so another origin), new tokens.
    const before = running.origin;
    for (let attempt = 0; attempt < 3 && running.origin === before; attempt++) {
      await running.stop();
      running = await startConsole([], { dataDir });
    }
    expect(running.origin).not.toBe(before);
    await page.goto(running.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await expect(page.getByRole('button', { name: 'You: Night Owl. Change your name' })).toBeVisible();
    await expect(whoAreYou(page)).toHaveCount(0);
    // And writes go under it.
    const incident = await callApi<{ id: number }>(request, running, 'declareIncident', { title: 'Queue backlog', severity: 'SEV3' });
    await page.evaluate((id) => (window.location.hash = `#/incidents/${id}`), incident.id);
    const note = page.getByLabel('Add a note to the timeline');
    await note.fill('Draining the queue');
    await note.press('Enter');
    await expect(page.locator('.timeline-scroll .tl-event[data-type="note"] .tl-actor')).toHaveText('Night Owl');

    // The viewer link, in the same browser: no name, nothing sent under it.
    const viewer = await page.context().newPage();
    await viewer.goto(running.viewerUrl);
    await expect(viewer.locator('html[data-ready="true"]')).toBeAttached();
    await expect(viewer.getByRole('button', { name: /^You:/ })).toHaveCount(0);
    await expect(whoAreYou(viewer)).toHaveCount(0);
  } finally {
    await running.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
