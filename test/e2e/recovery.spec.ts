import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusDir, skipWithoutCorpus } from '../fixtures/corpus';
import { damageStore } from '../fixtures/damage';
import { expect, holdfastCli, screenshot, startConsole, test } from './web-console';

/** A data folder holding the corpus runbooks (real ones: enough pages that damage lands on data) and one backup of them. */
function dataFolderWithBackup(): { dataDir: string; store: string; backup: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-e2e-recovery-'));
  const imported = holdfastCli(['--data', dataDir, 'runbooks', 'import', corpusDir()]);
  expect(imported.status, imported.stderr).toBe(0);
  const backup = holdfastCli(['--data', dataDir, '--json', 'backup', 'create']);
  expect(backup.status, backup.stderr).toBe(0);
  return { dataDir, store: path.join(dataDir, 'holdfast.db'), backup: (JSON.parse(backup.stdout) as { file: string }).file };
}

// Each test fills a data folder with 117 real runbooks through the CLI first, which takes a while on a busy machine.
test.describe.configure({ timeout: 120_000 });
test.skip(skipWithoutCorpus, 'the shared corpus (../shared/corpus) is not beside this checkout');

for (const how of ['pages', 'header'] as const) {
  test(`a store with damaged ${how} opens the recovery screen; restoring the latest good backup brings the library back and keeps the damaged file`, async ({ page }) => {
    const { dataDir, store, backup } = dataFolderWithBackup();
    damageStore(store, how);
    const damaged = fs.readFileSync(store);

    const check = holdfastCli(['--data', dataDir, 'check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`holdfast: The data file ${store} is damaged`);
    expect(check.stderr).toContain(`holdfast --data ${dataDir} backup restore ${backup}`);

    const holdfast = await startConsole([], { dataDir });
    try {
      expect(holdfast.stderr()).toContain('The console opens in recovery mode');
      await page.goto(holdfast.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Holdfast’s data file is damaged' })).toBeVisible();
      await expect(page.getByText(store, { exact: true })).toBeVisible();
      const backups = page.getByRole('table', { name: 'Backups in the data folder, newest first' });
      await expect(backups.getByRole('row')).toHaveCount(2);
      await expect(backups.getByRole('row').nth(1)).toContainText(path.basename(backup));
      await expect(backups.getByRole('row').nth(1)).toContainText('Good');
      await screenshot(page, `recovery-${how}`);

      await page.getByRole('button', { name: 'Restore latest good backup' }).click();

      await expect(page.locator('html[data-ready="true"]')).toBeAttached();
      await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toContainText('The damaged file was moved aside to');
      await expect(page.getByText('Alertmanager Failed Reload').first()).toBeVisible();
      await screenshot(page, `recovery-${how}-restored`);

      const aside = fs.readdirSync(dataDir).filter((name) => /^holdfast\.db\.damaged-\d{4}-\d\d-\d\dT[\d-]+Z$/.test(name));
      expect(aside).toHaveLength(1);
      expect(fs.readFileSync(path.join(dataDir, aside[0] ?? '')).equals(damaged)).toBe(true);
      expect(holdfastCli(['--data', dataDir, 'check']).status).toBe(0);
    } finally {
      await holdfast.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('the Backups screen backs up now, and restores a backup after asking, keeping the data it replaces', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.getByRole('link', { name: 'Backups', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data & backups' })).toBeVisible();
  await expect(page.getByText(path.join(holdfast.dataDir, 'holdfast.db'), { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up to' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Backups, newest first' });
  const rowsBefore = await table.getByRole('row').count();
  expect(rowsBefore).toBeGreaterThanOrEqual(2);

  // Change the data after the backup: drop the demo workspace's runbooks.
  await page.getByRole('link', { name: 'Runbooks', exact: true }).click();
  await page.getByRole('button', { name: 'Remove sample data and start empty' }).click();
  await expect(page.getByText('The library is empty.')).toBeVisible();

  await page.getByRole('link', { name: 'Backups', exact: true }).click();
  await table.getByRole('row').nth(1).getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('is kept as a backup first');
  await screenshot(page, 'backups-restore-confirm');
  await dialog.getByRole('button', { name: 'Restore backup' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toContainText('The data it replaced is kept at');
  await expect(page.getByText('Demo workspace.')).toBeVisible();
  const kept = fs.readdirSync(path.join(holdfast.dataDir, 'backups')).filter((name) => name.startsWith('holdfast-before-restore-'));
  expect(kept).toHaveLength(1);
});

test('a data file cut to 0 bytes opens the recovery screen, never an empty console, and restoring brings the library back', async ({ page }) => {
  const { dataDir, store } = dataFolderWithBackup();
  fs.truncateSync(store, 0);
  expect(holdfastCli(['--data', dataDir, 'check']).status).toBe(1);

  const holdfast = await startConsole([], { dataDir });
  try {
    await page.goto(holdfast.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Holdfast’s data file is damaged' })).toBeVisible();
    await expect(page.getByText(`The data file ${store} is empty (0 bytes)`)).toBeVisible();
    await screenshot(page, 'recovery-empty');
    await page.getByRole('button', { name: 'Restore latest good backup' }).click();
    await expect(page.getByText('Alertmanager Failed Reload').first()).toBeVisible();
    expect(fs.statSync(store).size).toBeGreaterThan(0);
  } finally {
    await holdfast.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
