import { callApi, expect, screenshot, startConsole, test } from './web-console';

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

test('/ jumps to search from anywhere, and arrows plus Enter open a result', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await page.locator('.reader-placeholder').click();
  await page.keyboard.press('/');
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

test('Ctrl+K opens a palette over commands, open incidents and runbooks; ? lists every shortcut', async ({ page, holdfast, request }) => {
  await callApi(request, holdfast, 'declareIncident', { title: 'Payments API timing out', severity: 'SEV2', services: ['payments'] });
  await page.goto(holdfast.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');

  // A command, by a word that is not in its title.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const input = palette.getByRole('combobox');
  await expect(input).toBeFocused();
  await input.fill('pager');
  await expect(palette.getByRole('option').first()).toContainText('On call now');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/#\/oncall$/);

  // A runbook by a word in its text, and an open incident by its service.
  await page.keyboard.press('Control+k');
  await input.fill('certificate');
  await expect(palette.getByRole('option', { name: /TLS certificate/ })).toBeVisible();
  await screenshot(page, 'command-palette');
  await input.fill('payments');
  const incident = palette.getByRole('option', { name: /Payments API timing out/ });
  await expect(incident).toContainText('Incident');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(incident).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Payments API timing out/ })).toBeVisible();

  // Escape closes without doing anything.
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // The help lists shortcuts from the same table the keys use.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('region', { name: 'Incident runner' })).toContainText('Mark the step done and move on');
  await expect(help.getByRole('region', { name: 'Anywhere' })).toContainText('Ctrl+K');
  await screenshot(page, 'shortcuts-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the high-contrast theme can be chosen from the palette and is kept after a reload', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('high contrast');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  await expect(page.getByRole('button', { name: 'Theme: high contrast' })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(0, 0, 0)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  await page.getByRole('link', { name: 'On call' }).click();
  await expect(page.getByRole('article', { name: 'Data' })).toContainText('Escalation');
  await screenshot(page, 'oncall-high-contrast');
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
