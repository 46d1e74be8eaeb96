import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { callApi, expect, screenshot, test, type RunningConsole } from './web-console';

interface Incident {
  id: number;
  title: string;
}

interface Postmortem {
  heading: string;
  sections: { id: string; title: string; content: string; edited: boolean }[];
}

interface Metrics {
  mtta: number | null;
  mttr: number | null;
  incidents: { id: number }[];
  perService: { service: string; mtta: number | null; mttr: number | null }[];
}

/** Opens the console with its token, then goes to a route inside it (the token stays in the tab). */
async function open(page: Page, holdfast: RunningConsole, hash: string): Promise<void> {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate((target) => (window.location.hash = target), hash);
}

/** Console errors (a Content-Security-Policy refusal shows up here too). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

/** Declares an incident through the API, logs a note, acknowledges it and resolves it with a summary. */
async function resolvedIncident(
  request: APIRequestContext,
  holdfast: RunningConsole,
  spec: { title: string; severity: string; services: string[]; note: string; summary: string; startedAt?: string; detectedAt?: string; drill?: boolean },
): Promise<Incident> {
  const incident = await callApi<Incident>(request, holdfast, 'declareIncident', {
    title: spec.title,
    severity: spec.severity,
    services: spec.services,
    ...(spec.startedAt ? { startedAt: spec.startedAt } : {}),
    ...(spec.detectedAt ? { detectedAt: spec.detectedAt } : {}),
    ...(spec.drill ? { drill: true } : {}),
  });
  await callApi(request, holdfast, 'logNote', { id: incident.id, text: spec.note });
  await callApi(request, holdfast, 'acknowledgeIncident', { id: incident.id });
  await callApi(request, holdfast, 'changeStatus', { id: incident.id, status: 'resolved', summary: spec.summary });
  return incident;
}

/** The text of every page of a PDF, read with pdf.js (a real parser, not a byte search). */
async function readPdf(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''));
  }
  await document.destroy();
  return { pages: document.numPages, text: pages.join('\n').replace(/[ \t]+/g, ' ') };
}

/** An independent reading of "1 h 5 min", to check the screen against the API's minutes. */
function spoken(minutes: number | null): string {
  if (minutes === null) return '—';
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

test('a resolved incident’s post-mortem: edit, regenerate keeps the edit, export HTML, Markdown and PDF', async ({
  page,
  context,
  request,
  holdfast,
}) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: holdfast.origin });
  const incident = await resolvedIncident(request, holdfast, {
    title: 'Flux capacitor overheated in the checkout cluster',
    severity: 'SEV2',
    services: ['checkout'],
    note: 'The coolant pump tripped at 88 degrees; failing over to the spare.',
    summary: 'Restarted the coolant pump; checkout recovered within minutes.',
  });

  // From the incident list, the resolved row links to its post-mortem.
  await open(page, holdfast, '#/incidents');
  await page.getByRole('link', { name: `Post-mortem of ${incident.title}` }).click();
  await expect(page).toHaveURL(new RegExp(`#/incidents/${incident.id}/postmortem$`));
  await expect(page.getByRole('heading', { level: 1, name: `Post-mortem: ${incident.title}` })).toBeVisible();
  const section = (title: string) => page.getByRole('region', { name: title, exact: true });
  await expect(section('Summary')).toContainText('Restarted the coolant pump; checkout recovered within minutes.');
  await expect(section('Summary').locator('.pm-badge-record')).toHaveText('from the record');
  await expect(section('Appendix: full timeline')).toContainText('The coolant pump tripped at 88 degrees');

  // Edit "What went wrong" with a live preview; a reload in the middle loses nothing.
  const wrong = section('What went wrong');
  await wrong.getByRole('button', { name: 'Edit What went wrong' }).click();
  const source = wrong.getByLabel('Markdown of “What went wrong”');
  await expect(source).toBeFocused();
  const edit = '- The **coolant alarm** paged nobody for twelve minutes.\n- The spare pump had never been tested.';
  await source.fill(edit);
  await expect(wrong.getByRole('region', { name: 'Preview of What went wrong' }).locator('strong')).toHaveText('coolant alarm');
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(wrong.getByLabel('Markdown of “What went wrong”')).toHaveValue(edit);
  await expect(wrong.locator('.pm-badge-unsaved')).toHaveText('unsaved changes');
  await screenshot(page, 'postmortem-editing');
  await wrong.getByRole('button', { name: 'Save What went wrong' }).click();
  await expect(wrong.locator('.pm-badge-edited')).toHaveText('edited');
  await expect(wrong.locator('.markdown strong')).toHaveText('coolant alarm');
  await expect(wrong.getByRole('button', { name: 'Edit What went wrong' })).toBeFocused();

  // The five-whys helper writes a numbered list into "Contributing factors".
  const factors = section('Contributing factors');
  await factors.getByRole('button', { name: 'Edit Contributing factors' }).click();
  await factors.getByLabel('Why 1: Why did it happen?').fill('The coolant pump tripped');
  await factors.getByLabel('Why 2: why did that happen?').fill('Its filter was clogged');
  await factors.getByLabel('Why 3: why did that happen?').fill('Nobody owned the filter schedule');
  await factors.getByRole('button', { name: 'Write the answers into the section' }).click();
  await expect(factors.getByLabel('Markdown of “Contributing factors”')).toHaveValue(
    /1\. The coolant pump tripped\n2\. Its filter was clogged\n3\. Nobody owned the filter schedule/,
  );
  await screenshot(page, 'postmortem-five-whys');
  await page.keyboard.press('Control+s');
  await expect(factors.locator('.markdown ol li')).toHaveText(['The coolant pump tripped', 'Its filter was clogged', 'Nobody owned the filter schedule']);

  // An action item, and the review moves on.
  await page.getByRole('button', { name: 'Add action item' }).click();
  const dialog = page.getByRole('dialog', { name: 'New action item' });
  await dialog.getByLabel('Description').fill('Alarm on coolant pump trips');
  await dialog.getByLabel('Type').selectOption('prevent');
  await dialog.getByLabel('Owner').fill('Ana Lima');
  await dialog.getByLabel('Due date').fill('2099-01-31');
  await dialog.getByRole('button', { name: 'Add action item' }).click();
  await expect(dialog).toBeHidden();
  const items = page.locator('.pm-action-items tbody tr');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Alarm on coolant pump trips');
  await expect(items.first()).toContainText('Ana Lima');
  await page.getByLabel('Review status').focus();
  await page.getByLabel('Review status').selectOption('in review');
  await expect(page.getByRole('status').filter({ hasText: 'Review status: In review.' })).toBeVisible();
  await expect(page.getByLabel('Review status')).toBeFocused();

  // Something new in the record, then regenerate: the record's sections catch up, the edit stays.
  await callApi(request, holdfast, 'logNote', { id: incident.id, text: 'Follow-up: the spare pump was replaced.' });
  await page.getByRole('button', { name: 'Regenerate from the record' }).click();
  const confirm = page.getByRole('dialog', { name: 'Regenerate from the record?' });
  await expect(confirm).toContainText('are kept exactly as they are');
  await confirm.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.locator('.pm-message')).toContainText(/Regenerated: \d+ sections? refreshed from the record; 2 edited sections kept as written\./);
  await expect(section('Appendix: full timeline')).toContainText('Follow-up: the spare pump was replaced.');
  await expect(section('Action items')).toContainText('Alarm on coolant pump trips');
  await expect(wrong.locator('.markdown')).toContainText('The coolant alarm paged nobody for twelve minutes.');
  await expect(wrong.locator('.pm-badge-edited')).toBeVisible();
  await screenshot(page, 'postmortem-regenerated');
  await wrong.scrollIntoViewIfNeeded();
  await screenshot(page, 'postmortem-edit-kept');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'postmortem-regenerated-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const stored = await callApi<Postmortem>(request, holdfast, 'getPostmortem', { incidentId: incident.id });
  expect(stored.sections.find((s) => s.id === 'what-went-wrong')).toMatchObject({ content: edit, edited: true });

  // Export HTML: one self-contained file with every section.
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
  expect(htmlDownload.suggestedFilename()).toBe(`postmortem-${incident.id}-flux-capacitor-overheated-in-the-checkout-cluster.html`);
  const html = fs.readFileSync(await htmlDownload.path(), 'utf8');
  expect(html).not.toMatch(/<script|<link|src="http/i);
  for (const { title } of stored.sections) expect(html).toContain(`<h2>${title.replace(/&/g, '&amp;')}</h2>`);
  expect(html).toContain('<strong>coolant alarm</strong>');

  // Markdown: the download and the clipboard hold the same document.
  const [mdDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
  const markdown = fs.readFileSync(await mdDownload.path(), 'utf8');
  expect(markdown).toContain(`# Post-mortem: ${incident.title}`);
  expect(markdown).toContain(`## What went wrong\n\n${edit}`);
  await page.getByRole('button', { name: 'Copy as Markdown to clipboard' }).click();
  await expect(page.getByRole('button', { name: 'Copy as Markdown to clipboard' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);

  // Print / PDF in a browser: the exported HTML, styled, in a new window with the print dialog.
  const [printWindow] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Print / PDF' }).click()]);
  await expect(printWindow.getByRole('heading', { level: 1, name: `Post-mortem: ${incident.title}` })).toBeVisible();
  await expect(printWindow.getByRole('heading', { level: 2, name: 'What went wrong' })).toHaveCSS('border-bottom-style', 'solid');
  await screenshot(printWindow, 'postmortem-print-window');
  await printWindow.close();

  // The same HTML printed to PDF by Chromium: at least one page, with the headings.
  const printed = await context.newPage();
  await printed.setContent(html);
  await printed.emulateMedia({ media: 'print' });
  await screenshot(printed, 'postmortem-print-preview');
  const pdf = await printed.pdf({ format: 'A4', printBackground: true });
  fs.mkdirSync(path.join('test-results', 'screens'), { recursive: true });
  fs.writeFileSync(path.join('test-results', 'screens', 'postmortem.pdf'), pdf);
  const { pages, text } = await readPdf(pdf);
  expect(pages).toBeGreaterThanOrEqual(1);
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(`Post-mortem: ${incident.title}`);
  for (const { title } of stored.sections) expect(flat).toContain(title);
  expect(flat).toContain('The coolant alarm paged nobody for twelve minutes.');
  await printed.close();

  expect(errors).toEqual([]);
});

test('the history finds a past incident by a word from its note; action items across incidents by owner, overdue marked', async ({
  page,
  request,
  holdfast,
}) => {
  const errors = collectErrors(page);
  const docking = await resolvedIncident(request, holdfast, {
    title: 'Docking clamps released early',
    severity: 'SEV1',
    services: ['docking'],
    note: 'The hyperdrive motivator jammed halfway through the docking cycle.',
    summary: 'Clamps re-engaged by hand.',
  });
  await resolvedIncident(request, holdfast, {
    title: 'Payments API latency',
    severity: 'SEV3',
    services: ['payments-api'],
    note: 'Database failover took four minutes.',
    summary: 'Failover finished; latency back to normal.',
  });
  const item = (description: string, owner: string, dueDate: string | null, status = 'open') =>
    callApi(request, holdfast, 'saveActionItem', { incidentId: docking.id, description, type: 'prevent', owner, dueDate, status });
  await item('Test the clamp release interlock', 'Ana Lima', '2020-01-15');
  await item('Write a runbook for manual clamp release', 'Bo Andersen', '2099-12-31');
  await item('Replace the motivator', 'Ana Lima', null, 'done');

  await open(page, holdfast, '#/runbooks');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/#\/history$/);
  const rows = page.locator('.history-table tbody tr');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Search incidents and post-mortems').fill('motivator');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Docking clamps released early');
  await expect(rows.first().locator('.history-snippet mark')).toHaveText(['motivator']);
  await expect(rows.first()).toContainText('Resolved');
  await expect(page.getByRole('status').filter({ hasText: '1 incident, best match first.' })).toBeVisible();
  await screenshot(page, 'history-search');

  // Filters narrow the words' matches: no SEV3 incident mentions the motivator.
  await page.getByLabel('Severity').selectOption('SEV3');
  await expect(page.getByText('No incident matches these words and filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(1);

  // Action items across incidents: open ones, the overdue one marked, by owner.
  await page.getByRole('link', { name: 'Action items' }).click();
  await expect(page).toHaveURL(/#\/history\/action-items$/);
  const items = page.locator('.action-items-table tbody tr');
  await expect(items).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: '2 open, 1 overdue.' })).toBeVisible();
  const overdue = items.filter({ hasText: 'Test the clamp release interlock' });
  await expect(overdue.locator('.overdue-mark')).toHaveText('Overdue');
  await expect(items.filter({ hasText: 'Write a runbook' }).locator('.overdue-mark')).toHaveCount(0);
  await page.getByLabel('Owner').selectOption('Ana Lima');
  await expect(items).toHaveCount(1);
  await page.getByLabel('Open only').uncheck();
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'Replace the motivator' })).toContainText('Done');
  await page.getByLabel('Open only').check();
  await page.getByLabel('Owner').selectOption('');
  await expect(items).toHaveCount(2);
  await screenshot(page, 'history-action-items');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'history-action-items-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // A new incident on the same service shows the earlier one, with its post-mortem a click away.
  const again = await callApi<Incident>(request, holdfast, 'declareIncident', { title: 'Docking clamps stuck', severity: 'SEV2', services: ['docking'] });
  await page.evaluate((target) => (window.location.hash = target), `#/incidents/${again.id}`);
  const similar = page.getByRole('list', { name: 'Similar past incidents' });
  await expect(similar.getByRole('listitem')).toHaveCount(1);
  await expect(similar).toContainText('Docking clamps released early');
  await expect(similar).not.toContainText('Payments API latency');
  await similar.scrollIntoViewIfNeeded();
  await screenshot(page, 'incident-similar-past');
  await similar.getByRole('link', { name: 'Post-mortem of Docking clamps released early' }).click();
  await expect(page).toHaveURL(new RegExp(`#/incidents/${docking.id}/postmortem$`));
  expect(errors).toEqual([]);
});

test('metrics show the MTTA and MTTR of the seeded incidents, drills excluded, as charts and as tables', async ({
  page,
  request,
  holdfast,
}) => {
  const errors = collectErrors(page);
  // Times in the past; acknowledged and resolved now. TTA = now − detected, TTR = now − started.
  await resolvedIncident(request, holdfast, {
    title: 'Checkout timeouts',
    severity: 'SEV2',
    services: ['checkout'],
    startedAt: minutesAgo(180),
    detectedAt: minutesAgo(65),
    note: 'Timeouts from the card processor.',
    summary: 'Processor recovered.',
  });
  await resolvedIncident(request, holdfast, {
    title: 'Payments double-charged',
    severity: 'SEV1',
    services: ['checkout', 'payments-api'],
    startedAt: minutesAgo(300),
    detectedAt: minutesAgo(125),
    note: 'Retries without idempotency keys.',
    summary: 'Refunded; retries fixed.',
  });
  await resolvedIncident(request, holdfast, {
    title: 'Game day: checkout failover',
    severity: 'SEV1',
    services: ['checkout'],
    startedAt: minutesAgo(2000),
    detectedAt: minutesAgo(1999),
    drill: true,
    note: 'A drill.',
    summary: 'Drill over.',
  });

  await open(page, holdfast, '#/runbooks');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
  await expect(page).toHaveURL(/#\/metrics$/);
  await expect(page.getByText('Drills are excluded from every number here.')).toBeVisible();
  const from = await page.getByLabel('Incidents started from').inputValue();
  const to = await page.getByLabel('to', { exact: true }).inputValue();
  expect(Date.parse(to) - Date.parse(from)).toBe(90 * 24 * 3_600_000);

  // The API's numbers for the same range: the two real incidents only, with the seeded means.
  const metrics = await callApi<Metrics>(request, holdfast, 'incidentMetrics', { from, to });
  expect(metrics.incidents).toHaveLength(2);
  expect(metrics.mtta).toBeCloseTo(95, 0);
  expect(metrics.mttr).toBeCloseTo(240, 0);

  // The screen says the same, as "1 h 35 min".
  await expect(page.locator('[data-metric="count"]')).toHaveText('2');
  await expect(page.locator('[data-metric="mtta"]')).toHaveText(spoken(metrics.mtta));
  await expect(page.locator('[data-metric="mtta"]')).toHaveText('1 h 35 min');
  await expect(page.locator('[data-metric="mttr"]')).toHaveText('4 h');
  await expect(page.locator('.metric-plot .recharts-wrapper')).toHaveCount(3);
  await expect(page.locator('.metric-plot .recharts-bar-rectangle').first()).toBeVisible();
  await screenshot(page, 'metrics');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'metrics-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Every chart has a table with the same numbers.
  const perService = page.getByRole('figure', { name: 'MTTA and MTTR per service' });
  await perService.scrollIntoViewIfNeeded();
  await screenshot(page, 'metrics-per-service');
  await perService.getByRole('button', { name: /^Table/ }).click();
  await expect(perService.getByRole('button', { name: /^Table/ })).toHaveAttribute('aria-pressed', 'true');
  for (const row of metrics.perService) {
    await expect(perService.getByRole('row', { name: new RegExp(`^${row.service} `) })).toContainText(`${spoken(row.mtta)}${spoken(row.mttr)}`);
  }
  await expect(perService.getByRole('row', { name: /^payments-api / })).toContainText('2 h 5 min');
  await expect(perService.getByRole('row', { name: /^payments-api / })).toContainText('5 h');
  const overTime = page.getByRole('figure', { name: 'Time to acknowledge and to resolve, per incident' });
  await overTime.getByRole('button', { name: /^Table/ }).click();
  await expect(overTime.locator('tbody tr')).toHaveCount(2);
  await expect(overTime.getByRole('row', { name: /Checkout timeouts/ })).toContainText('1 h 5 min');
  await expect(overTime.getByRole('row', { name: /Checkout timeouts/ })).toContainText('3 h');
  const perWeek = page.getByRole('figure', { name: 'Incidents per week, by severity' });
  await perWeek.getByRole('button', { name: /^Table/ }).click();
  const totals = await perWeek.locator('tbody tr td:last-child').allInnerTexts();
  expect(totals.reduce((sum, value) => sum + Number(value), 0)).toBe(2);
  await expect(page.getByText('Game day')).toHaveCount(0);
  await screenshot(page, 'metrics-tables');
  expect(errors).toEqual([]);
});

test('a resolved incident offers "Write the post-mortem" in its header, and the post-mortem leads back to it', async ({ page, request, holdfast }) => {
  const open_ = await callApi<Incident>(request, holdfast, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
  const resolved = await resolvedIncident(request, holdfast, { title: 'Edge certificate expired', severity: 'SEV3', services: ['edge-proxy'], note: 'Renewal job failed', summary: 'Renewed the certificate.' });
  // Not while the incident is open.
  await open(page, holdfast, `#/incidents/${open_.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout errors' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Write the post-mortem' })).toHaveCount(0);

  await page.evaluate((target) => (window.location.hash = target), `#/incidents/${resolved.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Edge certificate expired' })).toBeVisible();
  await page.locator('.incident-header').getByRole('link', { name: 'Write the post-mortem' }).click();
  await expect(page).toHaveURL(new RegExp(`#/incidents/${resolved.id}/postmortem$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Post-mortem: Edge certificate expired' })).toBeVisible();
  await page.getByRole('link', { name: `← Incident #${resolved.id}` }).click();
  await expect(page).toHaveURL(new RegExp(`#/incidents/${resolved.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Edge certificate expired' })).toBeVisible();
});
