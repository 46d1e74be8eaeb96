import { expect, screenshot, test } from './web-console';

test.describe('runbook library in web mode', () => {
  test('opens on the demo workspace, searches, and reads a runbook', async ({ page, holdfast }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(holdfast.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await expect(page.getByText('Demo workspace.')).toBeVisible();
    await expect(page.getByRole('link', { name: /Postgres replication lag/ })).toBeVisible();
    // The token leaves the address bar once read.
    expect(page.url()).not.toContain('token=');
    await screenshot(page, 'library');

    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search runbooks' })).toBeFocused();
    await page.keyboard.type('replicat');
    const results = page.locator('#runbook-results li');
    await expect(results.first()).toContainText('Postgres replication lag');
    await expect(results.first().locator('mark').first()).toHaveText(/replicat/i);
    await screenshot(page, 'search');

    await page.keyboard.press('Enter');
    const reader = page.getByRole('article');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Postgres replication lag on read replicas');
    await expect(reader.locator('pre').first()).toBeVisible();
    await expect(reader.getByRole('button', { name: 'Copy to clipboard' }).first()).toBeVisible();
    await screenshot(page, 'reader');
    expect(errors).toEqual([]);
  });

  test('paints the first screenful of the list before the whole list and its facets arrive', async ({ page, holdfast }) => {
    // Hold the whole list back (a big library's takes a while), letting the first screenful through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/listRunbooks', async (route) => {
      if (!('limit' in (route.request().postDataJSON() as object))) await held;
      await route.continue();
    });
    await page.goto(holdfast.url);
    const rows = page.locator('#runbook-results li');
    await expect(rows.first()).toBeVisible();
    await expect(page.locator('.list-status')).toHaveText(/^\d+ runbooks$/);
    await expect(page.getByRole('combobox', { name: 'Service' })).toHaveCount(0);
    release();
    await expect(page.getByRole('combobox', { name: 'Service' })).toBeVisible();
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  });
});
