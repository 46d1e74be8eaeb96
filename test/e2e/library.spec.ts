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
});
