import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, expect, screenshot, test, type RunningConsole } from './web-console';

/** Opens the console with its token, then goes to a route inside it. */
async function open(page: Page, holdfast: RunningConsole, hash: string): Promise<void> {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate((target) => (window.location.hash = target), hash);
}

/** An instant as a datetime-local field takes it, in this machine's zone (the browser runs here too). */
const localInput = (ms: number): string => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

async function both(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a change from plan to rollback: five verdicts, a freeze overridden with its approver, two tiers gated, a failed gate rolled back, then listed first under "what changed?" and in the post-mortem', async ({ page, holdfast, request }) => {
  test.setTimeout(120_000);
  await open(page, holdfast, '#/changes');
  await page.getByText('Plan a change').click();
  const form = page.getByRole('form', { name: 'Plan a change' });
  await form.getByLabel('Title').fill('Hotfix the cart');
  await form.getByLabel('Services').fill('checkout');
  await form.getByLabel('Type').selectOption('emergency');
  await form.getByLabel('Risk').selectOption('low');
  await form.getByLabel('Owner').fill('maya');
  await form.getByLabel('Approver').fill('jonas');
  await form.getByLabel('Start').fill(localInput(Date.now() - 2 * 60_000));
  await form.getByLabel('End').fill(localInput(Date.now() + 2 * 3_600_000));
  await form.getByLabel('Plan runbook').selectOption({ label: 'Checkout error rate above 2%' });
  await form.getByLabel('Rollback runbook').selectOption({ label: 'Payment provider timeouts' });
  await form.getByLabel('Tiers').fill('canary 5 0\nall 100 0');
  await form.scrollIntoViewIfNeeded();
  await screenshot(page, 'change-new-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'change-new-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await form.getByRole('button', { name: 'Plan change' }).click();

  await expect(page.getByRole('heading', { name: /Hotfix the cart/ })).toBeVisible();
  const rules = page.getByRole('region', { name: 'Rules of engagement' }).locator('[data-rule]');
  await expect(rules).toHaveCount(5);
  await expect(rules.locator('.verdict-chip')).toHaveText([/Advance notice: (Pass|Warn)/, /Complete steps: Pass/, /Tiered release: Pass/, /Peak windows: Pass/, /Service checks: Pass/]);

  // A freeze over checkout, added by a script through the API: the open console's verdict follows.
  await callApi(request, holdfast, 'addChangeWindow', { name: 'Checkout freeze', kind: 'freeze', services: ['checkout'], from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3 * 3_600_000).toISOString() });
  const peak = page.locator('[data-rule="peak-windows"]');
  await expect(peak.locator('.verdict-chip')).toHaveText('Peak windows: Block');
  await expect(peak).toContainText('Freeze window "Checkout freeze" (checkout)');
  // The freeze's times read as every other time does, in the reader's zone with the zone named; never raw ISO.
  await expect(peak.locator('time')).toHaveCount(2);
  await expect(peak.locator('time').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \S+$/);
  await expect(peak).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  await expect(page.getByRole('button', { name: 'Start first tier' })).toHaveCount(0);

  await page.getByText('Override a block…').click();
  const override = page.getByRole('form', { name: 'Override a block' });
  await override.getByLabel('Reason').fill('The cart fix cannot wait for the freeze to end');
  await override.getByLabel('Asked by').fill('maya');
  await override.getByLabel('Approver').fill('jonas');
  await override.getByRole('button', { name: 'Override' }).click();
  await expect(peak.locator('.verdict-chip')).toHaveText('Peak windows: Pass');
  await expect(peak).toContainText('Overridden by maya, approved by jonas');
  await expect(page.getByRole('region', { name: 'Change log' })).toContainText('Override of peak-windows by maya, approved by jonas');

  // Walk: the pre-check, the canary, its gate, promote, the last tier's gate fails.
  const evidence = page.getByRole('region', { name: 'Walk' }).getByRole('textbox');
  await evidence.fill('Baseline: 0.2 % errors');
  await page.getByRole('button', { name: 'Checks passed' }).click();
  await page.getByRole('button', { name: 'Start first tier' }).click();
  await expect(page.locator('[data-tier="canary"]')).toHaveAttribute('aria-current', 'step');
  await evidence.fill('Canary: 0.1 % errors');
  await page.getByRole('button', { name: 'Checks passed' }).click();
  await page.getByRole('button', { name: 'Promote to next tier' }).click();
  await expect(page.locator('[data-tier="all"]')).toHaveAttribute('aria-current', 'step');
  await both(page, 'change');
  await evidence.fill('Errors at 6 % after full rollout');
  await page.getByRole('button', { name: 'A check failed' }).click();
  const rollback = page.getByRole('region', { name: 'Rollback' });
  await expect(rollback).toContainText('Roll back with Payment provider timeouts');
  await rollback.getByRole('checkbox').first().click();
  await expect(rollback.getByRole('checkbox').first()).toBeChecked();
  await expect(page.getByRole('region', { name: 'Change log' })).toContainText('Rollback step 1 done');
  await page.getByRole('button', { name: 'Roll back' }).click();
  await expect(page.locator('.change-facts .state-chip')).toHaveText('Rolled back');

  // The calendar shows it with the freeze.
  await page.evaluate(() => (window.location.hash = '#/changes/calendar'));
  await expect(page.locator('.cal-change', { hasText: 'Hotfix the cart' }).first()).toBeVisible();
  await expect(page.locator('.cal-freeze', { hasText: 'Checkout freeze' }).first()).toBeVisible();
  await both(page, 'change-calendar');

  // An incident on checkout: the change is listed first under "what changed?", and in the post-mortem.
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Cart errors', severity: 'SEV2', services: ['checkout'] });
  await page.evaluate((id) => (window.location.hash = `#/incidents/${id}`), incident.id);
  const changed = page.getByRole('list', { name: 'What changed' }).getByRole('listitem');
  await expect(changed.first()).toContainText('Hotfix the cart');
  await expect(changed.first()).toContainText('rolled back; a service check failed');
  await both(page, 'incident-what-changed');
  // The item opens its change.
  await changed.first().getByRole('link', { name: 'Hotfix the cart' }).click();
  await expect(page.getByRole('heading', { name: /Hotfix the cart/ })).toBeVisible();
  await expect(page.locator('.change-facts .state-chip')).toHaveText('Rolled back');
  await page.evaluate((id) => (window.location.hash = `#/incidents/${id}/postmortem`), incident.id);
  await expect(page.getByText('Changes before the incident').first()).toBeVisible();
  await expect(page.locator('li', { hasText: 'Hotfix the cart' }).first()).toContainText('change #1 Hotfix the cart');
});

test('change events imported from a JSON Lines file: each bad line listed with its number, the good ones listed under "what changed?" with their links', async ({ page, holdfast, request }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-events-'));
  const file = path.join(folder, 'deploys.jsonl');
  const at = new Date(Date.now() - 20 * 60_000).toISOString();
  fs.writeFileSync(
    file,
    [
      JSON.stringify({ summary: 'Deploy checkout v2.14.0', timestamp: at, source: 'ci', services: ['checkout'], links: [{ href: 'https://ci.example.com/run/42', text: 'CI run 42' }] }),
      '{"summary": "Deploy search v9", "timestamp": ',
      JSON.stringify({ summary: 'Flip the one-click flag', services: ['checkout'] }),
      '',
    ].join('\n'),
  );
  try {
    await open(page, holdfast, '#/changes');
    await page.getByRole('button', { name: 'Import change events…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import change events' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('Type the path of the change events file');
    await dialog.getByLabel('Change events file').fill(file);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const report = dialog.getByRole('region', { name: 'Import report' });
    await expect(report.locator('.import-counts li')).toHaveText(['1 imported', '0 already on file', '2 lines refused']);
    const refused = report.getByRole('list', { name: 'Refused lines' }).getByRole('listitem');
    await expect(refused).toHaveCount(2);
    await expect(refused.nth(0)).toContainText('line 2');
    await expect(refused.nth(0)).toContainText('not JSON');
    await expect(refused.nth(1)).toContainText('line 3');
    await expect(refused.nth(1)).toContainText('missing "timestamp"');
    await both(page, 'change-events-import');
    // The same file again adds nothing.
    await dialog.getByRole('button', { name: 'Import again' }).click();
    await expect(report.locator('.import-counts li')).toHaveText(['0 imported', '1 already on file', '2 lines refused']);
    await dialog.getByRole('button', { name: 'Done' }).click();

    const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Checkout slow', severity: 'SEV3', services: ['checkout'] });
    await page.evaluate((id) => (window.location.hash = `#/incidents/${id}`), incident.id);
    const item = page.getByRole('list', { name: 'What changed' }).getByRole('listitem').first();
    await expect(item).toContainText('Deploy checkout v2.14.0');
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'incident-what-changed-event');
    await item.getByRole('button', { name: 'CI run 42' }).click();
    await expect(page.getByRole('dialog', { name: 'Leave Holdfast?' })).toContainText('https://ci.example.com/run/42');
    await page.getByRole('button', { name: 'Stay here' }).click();
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
