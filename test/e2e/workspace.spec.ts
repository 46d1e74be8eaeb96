import { expect, screenshot, startConsole, test } from './web-console';

test('filters the library by service and tag', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  const rows = page.locator('#runbook-results li');
  const all = await rows.count();
  expect(all).toBeGreaterThan(3);

  await page.getByRole('combobox', { name: 'Service' }).selectOption({ label: 'postgres-primary (2)' });
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText('postgres-primary');

  await page.getByRole('combobox', { name: 'Service' }).selectOption({ label: 'All' });
  await expect(rows).toHaveCount(all);
  await page.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'database (2)' });
  await expect(rows).toHaveCount(2);
  await screenshot(page, 'library-filtered');
});

test('Ctrl+K jumps to search from anywhere, and arrows plus Enter open a result', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await page.locator('.reader-placeholder').click();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search runbooks' });
  await expect(search).toBeFocused();
  await page.keyboard.type('certificate');
  await expect(page.locator('#runbook-results li').first()).toContainText('TLS certificate');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toContainText('TLS certificate');
  await screenshot(page, 'keyboard-search');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
});

test('an empty start offers the demo workspace, and the demo can be removed again', async ({ page }) => {
  const empty = await startConsole(['--empty']);
  try {
    await page.goto(empty.url);
    await expect(page.getByText('The library is empty.')).toBeVisible();
    await expect(page.getByText('No runbooks yet.')).toBeVisible();
    await screenshot(page, 'library-empty');

    await page.getByRole('button', { name: 'Load the demo workspace' }).click();
    await expect(page.getByText('Demo workspace.')).toBeVisible();
    await expect(page.locator('#runbook-results li')).not.toHaveCount(0);

    await page.getByRole('button', { name: 'Remove sample data and start empty' }).click();
    await expect(page.getByText('The library is empty.')).toBeVisible();
    await expect(page.locator('#runbook-results li')).toHaveCount(0);
  } finally {
    await empty.stop();
  }
});

test('without the token the page explains how to open it, and the API refuses', async ({ page, holdfast, request }) => {
  await page.goto(`${holdfast.origin}/`);
  await expect(page.getByText('needs the full link')).toBeVisible();
  const response = await request.post(`${holdfast.origin}/api/listRunbooks`, { data: {} });
  expect(response.status()).toBe(401);
  await screenshot(page, 'missing-token');
});

test('dark theme is legible', async ({ page, holdfast }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(holdfast.url);
  await page.getByRole('link', { name: /Postgres replication lag/ }).click();
  await expect(page.getByRole('article')).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 17, 21)');
  await screenshot(page, 'reader-dark');
});
