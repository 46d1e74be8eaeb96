import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { callApi, expect, holdfastCli, screenshot, test } from './web-console';

/** Opens a file:// page with the network off and every non-file request refused; returns what was requested. */
async function openOffline(context: BrowserContext, page: Page, file: string): Promise<{ requests: string[]; cspErrors: string[] }> {
  const requests: string[] = [];
  const cspErrors: string[] = [];
  await context.setOffline(true);
  await context.route('**', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient')));
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  await page.goto(pathToFileURL(file).href);
  return { requests, cspErrors };
}

test('the break-glass file opens from file:// with no network, and its search finds a runbook and opens it', async ({ context, page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-e2e-breakglass-'));
  const out = path.join(dataDir, 'usb');
  try {
    expect(holdfastCli(['--data', dataDir, 'demo', 'load']).status).toBe(0);
    const exported = holdfastCli(['--data', dataDir, 'export', 'breakglass', out]);
    expect(exported.status, exported.stderr).toBe(0);
    const file = path.join(out, 'holdfast-breakglass.html');
    expect(exported.stdout).toContain(`Wrote ${file}`);

    const { requests, cspErrors } = await openOffline(context, page, file);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/^As of \w{3} \d{1,2} \w{3} \d{4} \d\d:\d\d/);
    await expect(page.getByRole('heading', { level: 2, name: 'On call' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Escalation' })).toBeVisible();
    await expect(page.getByRole('link', { name: '+49 30 5550 1177' }).first()).toHaveAttribute('href', 'tel:+493055501177');

    const index = page.locator('#runbook-index');
    const all = await index.getByRole('listitem').count();
    expect(all).toBeGreaterThan(3);
    const search = page.getByRole('searchbox', { name: 'Search runbooks' });
    await search.fill('wal volume');
    await expect(index.getByRole('listitem').filter({ visible: true })).toHaveCount(1);
    await expect(page.getByRole('status')).toHaveText(`1 of ${all} runbooks match. Enter opens the first.`);
    await screenshot(page, 'breakglass-search');

    await index.getByRole('link', { name: 'Disk filling up on a database host' }).click();
    const article = page.getByRole('article', { name: 'Disk filling up on a database host' });
    await expect(article).toBeInViewport();
    await expect(article.getByRole('heading', { level: 3 }).first()).toBeVisible();
    expect(new URL(page.url()).hash).toMatch(/^#rb-/);

    // Enter opens the best match as well.
    await search.fill('certificate');
    await search.press('Enter');
    await expect(page.getByRole('article', { name: 'TLS certificate expiring on edge-proxy' })).toBeFocused();
    await screenshot(page, 'breakglass-opened');

    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(cspErrors).toEqual([]);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the Backups screen keeps the break-glass file in a chosen folder, and it follows runbook changes', async ({ page, holdfast, context }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-e2e-breakglass-kept-'));
  const file = path.join(folder, 'holdfast-breakglass.html');
  try {
    await page.goto(holdfast.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await page.getByRole('link', { name: 'Backups', exact: true }).click();
    await expect(page.getByText('Not kept anywhere yet.')).toBeVisible();

    await page.getByRole('textbox', { name: 'Folder to keep it in' }).fill('relative/folder');
    await page.getByRole('button', { name: 'Keep it here' }).click();
    await expect(page.getByText(/must be a full path/)).toBeVisible();

    await page.getByRole('textbox', { name: 'Folder to keep it in' }).fill(folder);
    await page.getByRole('button', { name: 'Keep it here' }).click();
    await expect(page.getByText(`Kept up to date at ${file}`)).toBeVisible();
    await screenshot(page, 'breakglass-setting');
    expect(fs.readFileSync(file, 'utf8')).toContain('Disk filling up on a database host');

    await page.goto(`${holdfast.origin}/#/runbooks/new`);
    await page.getByRole('textbox', { name: 'Title' }).fill('Rotate the signing keys');
    await page.getByRole('button', { name: /^Save/ }).first().click();
    await expect(page).toHaveURL(/#\/runbooks\/\d+$/);
    await expect.poll(() => fs.readFileSync(file, 'utf8').includes('Rotate the signing keys'), { timeout: 15_000 }).toBe(true);

    const { requests } = await openOffline(context, page, file);
    await page.getByRole('searchbox', { name: 'Search runbooks' }).fill('signing');
    await expect(page.locator('#runbook-index').getByRole('link', { name: 'Rotate the signing keys' })).toBeVisible();
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('when a background rewrite of the break-glass file fails, the open Backups screen says so instead of "Kept up to date"', async ({
  page,
  holdfast,
  request,
}) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-e2e-breakglass-fails-'));
  const kept = path.join(folder, 'usb');
  try {
    await callApi(request, holdfast, 'updateSettings', { breakGlassPath: kept });
    await page.goto(holdfast.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await page.getByRole('link', { name: 'Backups', exact: true }).click();
    await expect(page.getByText(`Kept up to date at ${path.join(kept, 'holdfast-breakglass.html')}`)).toBeVisible();

    // The stick is pulled and a file takes the folder's name: the rewrite after the next change cannot happen.
    fs.rmSync(kept, { recursive: true });
    fs.writeFileSync(kept, 'not a folder');
    await callApi(request, holdfast, 'saveRunbook', { metadata: { title: 'Written while the stick was out' }, body: 'Step.\n' });
    const alert = page.getByRole('alert').filter({ hasText: 'Not up to date' });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert).toContainText(`Cannot write the break-glass file into ${kept}: it is a file, not a folder.`);
    await expect(alert).toContainText('It was last written');
    await expect(page.getByText('Kept up to date at')).toHaveCount(0);
    await screenshot(page, 'breakglass-rewrite-failed');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'breakglass-rewrite-failed-dark');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
