import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, expect, screenshot, test, type RunningConsole } from './web-console';

const FIXTURES = path.resolve('test/fixtures/openslo');
const MINUTE = 60_000;

/** Opens the console with its token, then goes to a route inside it. */
async function open(page: Page, holdfast: RunningConsole, hash: string): Promise<void> {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate((target) => (window.location.hash = target), hash);
}

/** Two hours of checkout request counts up to now, one row a minute, 20 minutes of them failing 5 % of requests. */
function requestsCsv(): string {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  const rows = Array.from({ length: 120 }, (_, i) => {
    const at = end - (120 - i) * MINUTE;
    return `${new Date(at).toISOString()},${i >= 60 && i < 80 ? 950 : 1000},1000`;
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-sli-')), 'checkout-requests.csv');
  fs.writeFileSync(file, `timestamp,good,total\n${rows.join('\n')}\n`);
  return file;
}

test('imports OpenSLO files and a CSV of SLI data in the console, and shows the list by budget and the burn-down', async ({ page, holdfast }) => {
  await open(page, holdfast, '#/slos');
  await expect(page.getByRole('heading', { name: 'SLOs', level: 1 })).toBeVisible();
  await expect(page.getByText('No SLOs yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Import OpenSLO files…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import OpenSLO files' });
  await dialog
    .getByLabel('YAML files')
    .setInputFiles([path.join(FIXTURES, 'catalog', 'services.yaml'), path.join(FIXTURES, 'catalog', 'slis.yaml'), path.join(FIXTURES, 'slos', 'incidents.yaml'), path.join(FIXTURES, 'slos', 'occurrences.yaml')]);
  // The preview says what would be stored, before anything is.
  await expect(dialog.getByRole('status')).toContainText('Would import:');
  await expect(dialog.getByRole('list', { name: 'What the files hold' })).toContainText('SLO checkout-availability (new)');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(/^Imported: \d+ new, 0 changed, 0 unchanged/);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const table = page.getByRole('table', { name: /SLOs by error budget left/ });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row('checkout-availability')).toContainText('OK');
  await expect(row('checkout-availability')).toContainText('100.0 %');
  await expect(row('checkout-availability')).toContainText('43.2 min');
  // No data yet: said so, never a made-up 100 %.
  await expect(row('checkout-requests')).toContainText('No data');

  await row('checkout-requests').getByRole('link', { name: 'checkout-requests' }).click();
  await expect(page.getByRole('heading', { name: 'checkout-requests', level: 1 })).toBeVisible();
  await expect(page.locator('[data-metric="sli"]')).toHaveText('No data');
  await page.getByRole('button', { name: 'Import SLI data…' }).click();
  const data = page.getByRole('dialog', { name: 'Import SLI data for checkout-requests' });
  await data.getByLabel('Data file', { exact: true }).setInputFiles(requestsCsv());
  await data.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(data.getByRole('status')).toContainText('Imported 120 buckets');
  await data.getByRole('button', { name: 'Done' }).click();

  // 1,000 bad of 120,000 requests: 99.167 % against 99.5 %, the budget (600 bad) overspent.
  await expect(page.locator('[data-metric="sli"]')).toHaveText('99.167 %');
  await expect(page.locator('[data-metric="budget-left"]')).toHaveText('-66.7 %');
  await expect(page.getByText('Exhausted').first()).toBeVisible();
  await expect(page.locator('.recharts-area-curve')).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: 'Fires at' })).toContainText('1h / 5m');
  await screenshot(page, 'slo-page-data');

  await page.getByRole('link', { name: '← SLOs' }).click();
  // The worst first: the overspent SLO now leads the list.
  await expect(table.getByRole('rowheader').first()).toHaveText('checkout-requests');
  // An Occurrences budget is events, not minutes: the minutes column says so rather than showing a bare dash.
  const minutesLeft = row('checkout-requests').getByRole('cell').nth(3);
  await expect(minutesLeft).toHaveText('events');
  await expect(minutesLeft.getByText('events')).toHaveAttribute('title', 'An Occurrences SLO budgets events (requests), not minutes');
  await screenshot(page, 'slo-list');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'slo-list-dark');
});

test('an incident on the service uses its budget: the SLO page follows the incident, the incident shows the budgets, and the post-mortem says what was consumed', async ({ page, holdfast, request }) => {
  // Two consoles' worth of reads per page (the SLO page reads the service's changes and exclusions too): 30 s was short under load.
  test.setTimeout(90_000);
  const read = (file: string) => ({ name: path.basename(file), text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') });
  const imported = await callApi<{ failed: unknown[] }>(request, holdfast, 'importSloText', { files: [read('catalog/slis.yaml'), read('slos/incidents.yaml')] });
  expect(imported.failed).toEqual([]);
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', {
    title: 'Checkout returns 502s',
    severity: 'SEV1',
    services: ['checkout'],
    startedAt: new Date(Date.now() - 30 * MINUTE).toISOString(),
  });

  await open(page, holdfast, `#/incidents/${incident.id}`);
  const budgets = page.getByRole('region', { name: 'Error budgets' });
  await expect(budgets.getByRole('link', { name: 'checkout-availability' })).toBeVisible();
  // Half the requests failed: recorded on the incident, counted as half the time.
  await budgets.getByLabel('Share hurt (%)').fill('50');
  await budgets.getByRole('button', { name: 'Record impact' }).click();
  await expect(page.getByText('Impact: 50 % of users or requests, from the incident’s start', { exact: true })).toBeVisible();
  await expect(budgets).toContainText(/this incident: 3[45]\.\d %/);

  await open(page, holdfast, '#/slos/checkout-availability');
  await expect(page.locator('[data-metric="objective"]')).toHaveText('99.9 %');
  const left = page.locator('[data-metric="budget-left"]');
  await expect(left).toHaveText(/^6[45]\.\d %$/);
  await page.getByLabel('What if an outage of').fill('30');
  await expect(page.locator('output')).toContainText('Budget left would be');
  await expect(page.locator('output')).toContainText('Exhausted');
  await page.getByLabel('What if an outage of').fill('');

  // Resolved elsewhere (another console, a script): this page follows, and the budget stops falling.
  await callApi(request, holdfast, 'changeStatus', { id: incident.id, status: 'resolved', summary: 'Rolled back the release.' });
  await expect(page.getByRole('list').filter({ hasText: 'Checkout returns 502s' })).toContainText('min bad');
  const shown = await left.textContent();
  expect(Number.parseFloat(shown ?? '')).toBeGreaterThan(60);
  await screenshot(page, 'slo-page-incidents');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'slo-page-incidents-dark');

  // A second, full outage of 50 minutes spends the rest: exhausted, and the change rules hear it (budgetStatuses).
  const second = await callApi<{ id: number }>(request, holdfast, 'declareIncident', {
    title: 'Checkout down again',
    severity: 'SEV1',
    services: ['checkout'],
    startedAt: new Date(Date.now() - 50 * MINUTE).toISOString(),
  });
  await callApi(request, holdfast, 'changeStatus', { id: second.id, status: 'resolved', summary: 'Failed over.' });
  await expect(page.getByText('Exhausted').first()).toBeVisible();
  // A normal change on checkout is now held, the SLO named on its page.
  const change = await callApi<{ id: number }>(request, holdfast, 'createChange', {
    title: 'Resize the checkout cache',
    services: ['checkout'],
    type: 'normal',
    risk: 'low',
    owner: 'maya',
    approver: 'jonas',
    start: new Date(Date.now() + 3 * 24 * 60 * MINUTE).toISOString(),
    end: new Date(Date.now() + 3 * 24 * 60 * MINUTE + 60 * MINUTE).toISOString(),
  });
  await open(page, holdfast, `#/changes/${change.id}`);
  await expect(page.getByText(/The error budget of SLO "checkout-availability" on checkout is exhausted \(-?\d+(\.\d)? % left\): the budget policy holds normal changes/)).toBeVisible();

  await open(page, holdfast, `#/incidents/${incident.id}/postmortem`);
  await expect(page.getByText('Error budget consumed')).toBeVisible();
  await expect(page.getByText(/checkout-availability.*\(checkout, 99\.9 %\): 1[45](\.\d)? bad minutes, 3[45]\.\d % of its 30d rolling budget/).first()).toBeVisible();
});

test('the SLO page lists excluded time, adds some with its reason and takes it back, and the burn-down draws the service’s changes as labelled lines', async ({ page, holdfast, request }) => {
  test.setTimeout(90_000);
  const read = (file: string) => ({ name: path.basename(file), text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') });
  await callApi(request, holdfast, 'importSloText', { files: [read('catalog/slis.yaml'), read('slos/occurrences.yaml')] });
  const csv = requestsCsv();
  await callApi(request, holdfast, 'importSloDataText', { name: 'checkout-requests', file: { name: 'requests.csv', text: fs.readFileSync(csv, 'utf8') } });
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  await callApi(request, holdfast, 'createChange', {
    title: 'Raise the checkout pool size',
    services: ['checkout'],
    type: 'standard',
    risk: 'low',
    owner: 'maya',
    start: new Date(now - 90 * MINUTE).toISOString(),
    end: new Date(now - 80 * MINUTE).toISOString(),
  });
  await callApi(request, holdfast, 'createChange', { title: 'A draft never sent', services: ['checkout'], type: 'standard', risk: 'low', owner: 'maya', start: new Date(now - 70 * MINUTE).toISOString(), end: new Date(now - 60 * MINUTE).toISOString(), draft: true });

  await open(page, holdfast, '#/slos/checkout-requests');
  const left = page.locator('[data-metric="budget-left"]');
  await expect(left).toHaveText('-66.7 %');
  // The change is a labelled line on the chart and a link under it; the draft, never sent, is neither.
  await expect(page.getByRole('application', { name: 'Budget left over the window' })).toContainText('Raise the checkout po…');
  const changes = page.getByRole('list').filter({ hasText: 'Raise the checkout pool size' });
  await expect(changes.getByRole('link', { name: 'Raise the checkout pool size' })).toBeVisible();
  await expect(page.getByText('A draft never sent')).toHaveCount(0);
  await expect(page.locator('figcaption')).toContainText('1 change');

  const panel = page.getByRole('region', { name: 'Excluded time' });
  await expect(panel).toContainText('Nothing excluded.');
  const local = (ms: number) => page.evaluate((at) => new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16), ms);
  const form = panel.getByRole('form', { name: 'Exclude time' });
  await form.getByLabel(/^From/).fill(await local(now - 65 * MINUTE));
  await form.getByLabel('To', { exact: true }).fill(await local(now - 70 * MINUTE));
  await form.getByLabel('Why').fill('Planned failover');
  await form.getByRole('button', { name: 'Exclude' }).click();
  await expect(form.getByRole('alert')).toHaveText('The end must be after the start.');
  await form.getByLabel('To', { exact: true }).fill(await local(now - 35 * MINUTE));
  await form.getByLabel('Why').fill('');
  await form.getByRole('button', { name: 'Exclude' }).click();
  await expect(form.getByRole('alert')).toHaveText('Say why this time is excluded: maintenance, a data gap…');
  await form.getByLabel('Why').fill('Planned failover');
  await form.getByRole('button', { name: 'Exclude' }).click();

  // The failing 20 minutes are out of both sides: the budget is whole again, and the list says what and why.
  await expect(left).toHaveText('100.0 %');
  const list = panel.getByRole('list', { name: 'Exclusions' });
  await expect(list).toContainText('Planned failover');
  await expect(list).toContainText('by ');
  await expect(form.getByLabel('Why')).toHaveValue('');
  await expect(page.locator('figcaption')).toContainText('1 exclusion');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, `slo-page-exclusions-${scheme}`);
    await page.getByRole('figure', { name: 'Budget left over the window' }).scrollIntoViewIfNeeded();
    await screenshot(page, `slo-page-changes-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await list.getByRole('button', { name: 'Remove the exclusion “Planned failover”' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this exclusion?' });
  await confirm.getByRole('button', { name: 'Remove exclusion' }).click();
  await expect(panel).toContainText('Nothing excluded.');
  await expect(left).toHaveText('-66.7 %');
});
