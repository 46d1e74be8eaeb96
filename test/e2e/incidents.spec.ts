import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { callApi, expect, screenshot, test, TEST_RESPONDER } from './web-console';

declare global {
  interface Window {
    /** What the page asked the (stubbed) Notification API to show. */
    notificationsShown?: { title: string; body: string }[];
  }
}

/** Records system notifications instead of showing them (permission already granted), in `window.notificationsShown`. */
async function recordNotifications(target: Pick<Page, 'addInitScript'>): Promise<void> {
  await target.addInitScript(() => {
    window.notificationsShown = [];
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options?: { body?: string }) {
        window.notificationsShown?.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true });
  });
}

/** Opens the console with its token, then goes to a route inside it (the token stays in the tab). */
async function openConsole(page: Page, url: string, hash = '#/incidents'): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate((target) => (window.location.hash = target), hash);
}

test('an incident from declaration to resolution: roles, runbook steps with a timer, notes, an update, a reload', async ({
  page,
  context,
  holdfast,
}) => {
  test.setTimeout(60_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: holdfast.origin });
  await recordNotifications(page);
  // The browser's clock is Playwright's: the step timer is fast-forwarded, never slept through.
  await page.clock.install();
  await openConsole(page, holdfast.url, '#/runbooks');

  // Declare from anywhere with Ctrl+I.
  await page.keyboard.press('Control+i');
  const declare = page.getByRole('dialog', { name: 'Declare an incident' });
  await expect(declare).toBeVisible();
  await expect(declare.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Checkout failing for card payments');
  await declare.getByRole('radio', { name: /^SEV2/ }).check();
  await expect(declare.getByText('Page the on-call of the affected team')).toBeVisible();
  await declare.getByRole('button', { name: '+ checkout' }).click();
  await expect(declare.getByRole('list', { name: 'Chosen services' })).toContainText('checkout');
  await screenshot(page, 'incident-declare');
  await declare.getByRole('button', { name: 'Declare incident' }).click();

  const header = page.locator('.incident-header');
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout failing for card payments' })).toBeVisible();
  await expect(page).toHaveURL(/#\/incidents\/\d+$/);
  const incidentUrl = page.url();
  await expect(header.getByRole('button', { name: /Severity SEV2/ })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Investigating' })).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('link', { name: /Incidents \(1 open\)/ })).toBeVisible();

  // The person on call for checkout is suggested; one click makes them commander.
  const onCall = page.locator('.rota').first().locator('.person-card').first();
  const commander = (await onCall.locator('.person-name strong').innerText()).trim();
  await expect(onCall.getByText('on call now')).toBeVisible();
  await onCall.getByRole('button', { name: `Make commander: ${commander}` }).click();
  const commanderRow = page.locator('.role-row[data-role="commander"]');
  await expect(commanderRow).toContainText(commander);
  // Naming a commander is not an acknowledgement; Acknowledge is, and the timeline says who and when.
  const acknowledge = header.getByRole('button', { name: 'Acknowledge' });
  await expect(acknowledge).toBeVisible();
  await expect(header).not.toContainText('Acknowledged');
  await acknowledge.click();
  await expect(header).toContainText('Acknowledged');
  await expect(page.locator('.tl-row').filter({ hasText: 'Acknowledged' }).first()).toBeVisible();

  // Attach the suggested runbook for checkout.
  await page.getByRole('button', { name: 'Attach Checkout error rate above 2%' }).click();
  const runner = page.locator('.runner');
  const mark = runner.getByRole('group', { name: 'Mark this step' });
  await expect(runner.locator('.current-number')).toHaveText('Step 1');
  await expect(runner).toContainText('0 of 16 steps');

  // Step 1 by keyboard alone: s starts, d finishes and moves on.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('s');
  await expect(runner.locator('.step-state')).toContainText('Started');
  await page.keyboard.press('d');
  await expect(runner.locator('.current-number')).toHaveText('Step 2');
  await expect(runner).toContainText('1 of 16 steps');
  await page.keyboard.press('j');
  await expect(runner.locator('.current-number')).toHaveText('Step 3');
  await page.keyboard.press('ArrowUp');
  await expect(runner.locator('.current-number')).toHaveText('Step 2');

  // Step 2: done with a note, by the buttons.
  await runner.getByLabel(/^Note/).fill('Errors started 09:12, two minutes after deploy v143');
  await mark.getByRole('button', { name: 'Done' }).click();
  await expect(runner.locator('.current-number')).toHaveText('Step 3');

  // Out of order: the timed rollback step (⏱ 5m).
  await runner.locator('.step-pick', { hasText: 'roll it back now' }).click();
  await expect(runner.locator('.current-number')).toHaveText('Step 7');
  await mark.getByRole('button', { name: 'Start' }).click();
  await expect(runner.locator('.current-step .countdown')).toContainText('left');

  // A note, typed and logged with Enter; it shows once stored.
  const note = page.getByLabel('Add a note to the timeline');
  await note.fill('Rolling back checkout to v142');
  await note.press('Enter');
  const timeline = page.locator('.timeline-scroll');
  await expect(timeline.getByText('Rolling back checkout to v142')).toBeVisible();
  await expect(note).toHaveValue('');
  // Text typed but not sent yet survives a reload too.
  await note.fill('Half-typed thought');

  // Reload mid-way: everything comes back from the store.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout failing for card payments' })).toBeVisible();
  await expect(commanderRow).toContainText(commander);
  await expect(runner).toContainText('2 of 16 steps');
  await expect(runner.locator('.current-number')).toHaveText('Step 7');
  await expect(runner.locator('.current-step .countdown')).toContainText('left');
  await expect(timeline.getByText('Rolling back checkout to v142')).toBeVisible();
  await expect(page.getByLabel('Add a note to the timeline')).toHaveValue('Half-typed thought');
  await page.getByLabel('Add a note to the timeline').fill('');
  expect(page.url()).toBe(incidentUrl);
  await screenshot(page, 'incident-screen');

  // Past the timer: a due alert stays on the page until acknowledged, and a notification was raised.
  await page.clock.fastForward('05:30');
  const alert = page.locator('.banner-timer');
  await expect(alert).toContainText('Timer due: step 7');
  await expect(runner.locator('.current-step .countdown')).toContainText('Timer due');
  await expect.poll(() => page.evaluate(() => window.notificationsShown?.map((shown) => shown.title))).toContain('Timer due: step 7');
  await screenshot(page, 'incident-timer-due');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'incident-timer-due-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alert).toHaveCount(0);
  await runner.getByLabel(/^Note/).fill('Rolled back; error rate falling');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('d');
  await expect(runner).toContainText('3 of 16 steps');

  // Status to identified, then a status update: drafted from the template, posted and copied.
  await header.getByRole('button', { name: 'Identified' }).click();
  await expect(header.getByRole('button', { name: 'Identified' })).toHaveAttribute('aria-current', 'step');
  const composer = page.locator('.composer');
  await composer.getByLabel('Impact').fill('About 30% of card payments fail at checkout.');
  await composer.getByRole('button', { name: 'Fill from template' }).click();
  const updateText = composer.getByLabel('Update text');
  await expect(updateText).toHaveValue(/\[SEV2\] Checkout failing for card payments — identified/);
  await expect(updateText).toHaveValue(/About 30% of card payments fail at checkout\./);
  await expect(updateText).toHaveValue(new RegExp(`Commander: ${commander}`));
  await composer.getByRole('button', { name: 'Post and copy' }).click();
  await expect(composer.getByRole('status')).toContainText('copied to the clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('[SEV2] Checkout failing for card payments');
  await expect(header.locator('.update-timer')).toContainText('since last update');

  // Filters: notes only, then key events after starring one.
  await page.getByRole('button', { name: /^Notes/ }).click();
  await expect(timeline.locator('.tl-event')).toHaveCount(1);
  await timeline.getByRole('button', { name: /Mark event \d+ as key/ }).click();
  await page.getByRole('button', { name: /^Key \d+$/ }).click();
  await expect(timeline.locator('.tl-event')).toHaveCount(1);
  await expect(timeline.locator('.tl-event')).toContainText('Rolling back checkout to v142');

  // Correct it: the original stays, struck through, with who corrected it.
  await timeline.getByRole('button', { name: /Correct event/ }).click();
  const correct = page.getByRole('dialog', { name: 'Correct an event' });
  await correct.getByLabel('Corrected text').fill('Rolling back checkout to v141 (v142 had the same bug)');
  await correct.getByRole('button', { name: 'Log correction' }).click();
  await page.getByRole('button', { name: /^All/ }).click();
  await expect(timeline.locator('del', { hasText: 'Rolling back checkout to v142' })).toBeVisible();
  await expect(timeline.getByText(/Corrected by .* \(#\d+\): Rolling back checkout to v141/)).toBeVisible();
  await screenshot(page, 'incident-timeline-corrected');

  // Dark theme, for the wall display.
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'incident-screen-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Resolve: a summary is required.
  await header.getByRole('button', { name: 'Resolve…' }).click();
  const resolve = page.getByRole('dialog', { name: /Resolve/ });
  await resolve.getByRole('button', { name: 'Resolve incident' }).click();
  await expect(resolve.getByRole('alert')).toContainText('one paragraph');
  await resolve
    .getByLabel('Resolution summary')
    .fill('Deploy v143 broke card payments at checkout. Rolling back to v141 restored the error rate within ten minutes; no orders were lost.');
  await resolve.getByRole('button', { name: 'Resolve incident' }).click();
  await expect(resolve).toHaveCount(0);
  await expect(header.getByRole('button', { name: 'Resolved' })).toHaveAttribute('aria-current', 'step');
  await expect(header).toContainText('Deploy v143 broke card payments');
  await expect(header).toContainText('Lasted');
  await screenshot(page, 'incident-resolved');

  await page.getByRole('link', { name: /^Incidents/ }).click();
  await expect(page.getByRole('table', { name: 'Resolved incidents' })).toContainText('Checkout failing for card payments');
  await expect(page.getByText('No open incidents.')).toBeVisible();
  await screenshot(page, 'incidents-list');
});

test('a step timer stops when the incident is resolved: no "Timer due" on the responder’s screen nor on the wall display', async ({
  context,
  holdfast,
  request,
}) => {
  // Two consoles on one incident with the budget and what-changed panels: more than 30 s on a loaded machine.
  test.slow();
  await recordNotifications(context);
  await context.clock.install();
  type Incident = { id: number; runbooks: { runbookId: number; steps: { id: string; number: number; timerSeconds: number | null }[] }[] };
  const declared = await callApi<Incident>(request, holdfast, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
  const runbooks = await callApi<{ items: { id: number; title: string }[] }>(request, holdfast, 'listRunbooks', {});
  const checkout = runbooks.items.find((runbook) => runbook.title === 'Checkout error rate above 2%');
  await callApi(request, holdfast, 'attachRunbook', { id: declared.id, runbookId: checkout?.id });
  const incident = await callApi<Incident>(request, holdfast, 'getIncident', { id: declared.id });
  const timed = incident.runbooks[0]?.steps.find((step) => step.timerSeconds !== null);
  if (!timed) throw new Error('the checkout runbook has no timed step');
  await callApi(request, holdfast, 'setStepState', { id: declared.id, runbookId: checkout?.id, stepId: timed.id, state: 'started' });

  const responder = await context.newPage();
  await openConsole(responder, holdfast.url, `#/incidents/${declared.id}`);
  const wall = await context.newPage();
  await openConsole(wall, holdfast.viewerUrl, `#/incidents/${declared.id}`);
  for (const page of [responder, wall]) {
    await page.locator('.step-pick', { hasText: 'roll it back now' }).click();
    await expect(page.locator('.current-step .countdown')).toContainText('left');
  }

  // Resolved at once; ten minutes later on the browsers' clocks the five-minute timer has not gone off anywhere.
  await callApi(request, holdfast, 'changeStatus', { id: declared.id, status: 'resolved', summary: 'Rolled back the deploy; the error rate is back to normal.' });
  for (const page of [responder, wall]) {
    await expect(page.locator('.incident-header').getByText('Resolved', { exact: true })).toBeVisible();
  }
  await context.clock.fastForward('10:00');
  for (const page of [responder, wall]) {
    await expect(page.locator('.current-step .countdown')).toContainText('Timer stopped at resolution');
    await expect(page.locator('.current-step .countdown')).toContainText(/\d:\d\d left/);
    await expect(page.locator('.banner-timer')).toHaveCount(0);
    expect(await page.evaluate(() => window.notificationsShown?.map((shown) => shown.title))).toEqual([]);
  }
  await screenshot(responder, 'incident-resolved-timer-stopped');
});

test('the incident screen fits the window: each column scrolls on its own, and a wheel over the header scrolls nothing', async ({ page, holdfast, request }) => {
  // Three window sizes over 80 notes: more than 30 s on a loaded machine.
  test.slow();
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
  const runbooks = await callApi<{ items: { id: number }[] }>(request, holdfast, 'listRunbooks', {});
  for (const runbook of runbooks.items.slice(0, 3)) await callApi(request, holdfast, 'attachRunbook', { id: incident.id, runbookId: runbook.id });
  for (let n = 1; n <= 80; n += 1) {
    await callApi(request, holdfast, 'logNote', { id: incident.id, text: `Reading ${n}: ${'error rate still above the threshold; '.repeat(n % 4)}` });
  }
  const documentScroll = () => page.evaluate(() => ({ height: document.scrollingElement?.scrollHeight, window: window.innerHeight, y: window.scrollY }));

  for (const viewport of [{ width: 1360, height: 860 }, { width: 1100, height: 720 }, { width: 700, height: 800 }]) {
    await page.setViewportSize(viewport);
    await openConsole(page, holdfast.url, `#/incidents/${incident.id}`);
    await expect(page.locator('.timeline-scroll')).toContainText('Reading 80');
    await expect.poll(documentScroll).toEqual({ height: viewport.height, window: viewport.height, y: 0 });

    // A wheel over the header moves nothing: the page has nowhere to go.
    const header = page.locator('.incident-header');
    const box = await header.boundingBox();
    await page.mouse.move((box?.x ?? 0) + 300, (box?.y ?? 0) + 20);
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(300);
    expect((await documentScroll()).y).toBe(0);
    await expect(page.locator('.top-bar')).toBeInViewport();
  }

  // Wide: the timeline scrolls inside its own column and the steps inside theirs; the page never moves.
  await page.setViewportSize({ width: 1360, height: 860 });
  await openConsole(page, holdfast.url, `#/incidents/${incident.id}`);
  const timeline = page.locator('.timeline-scroll');
  await expect(timeline).toContainText('Reading 80');
  const scrolled = (locator: typeof timeline) => locator.evaluate((element) => element.scrollTop);
  const before = await scrolled(timeline);
  await timeline.hover();
  await page.mouse.wheel(0, -600);
  await expect.poll(() => scrolled(timeline)).toBeLessThan(before);
  const main = page.locator('.incident-column-main');
  await main.hover();
  await page.mouse.wheel(0, 600);
  await expect.poll(() => scrolled(main)).toBeGreaterThan(0);
  expect((await documentScroll()).y).toBe(0);
  await screenshot(page, 'incident-screen-long-timeline');
});

test('several incidents at once, and a second console sees a new note appear without reloading', async ({ page, context, holdfast, request }) => {
  const first = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Search p99 above 2 s', severity: 'SEV3', services: ['search'] });
  await callApi(request, holdfast, 'declareIncident', { title: 'Payments provider timeouts', severity: 'SEV1', services: ['payments-api'] });

  await openConsole(page, holdfast.url);
  const open = page.getByRole('table', { name: 'Open incidents' });
  await expect(open.getByRole('row')).toHaveCount(3);
  await expect(open).toContainText('No update yet');
  await expect(page.getByRole('link', { name: /Incidents \(2 open\)/ })).toBeVisible();
  await screenshot(page, 'incidents-open');
  await open.getByRole('link', { name: 'Search p99 above 2 s' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search p99 above 2 s' })).toBeVisible();

  // The wall display: another page of the same browser, on the same incident.
  const wall = await context.newPage();
  await openConsole(wall, holdfast.url, `#/incidents/${first.id}`);
  await expect(wall.getByRole('heading', { level: 1, name: 'Search p99 above 2 s' })).toBeVisible();
  await wall.evaluate(() => ((window as Window & { notReloaded?: boolean }).notReloaded = true));

  const note = page.getByLabel('Add a note to the timeline');
  await note.fill('Cache hit rate dropped to 40% after the reindex');
  await note.press('Enter');
  await expect(page.locator('.timeline-scroll').getByText('Cache hit rate dropped to 40%')).toBeVisible();

  await expect(wall.locator('.timeline-scroll').getByText('Cache hit rate dropped to 40%')).toBeVisible();
  await expect(wall.locator('#timeline-live-region')).toContainText('Cache hit rate dropped to 40%');
  expect(await wall.evaluate(() => (window as Window & { notReloaded?: boolean }).notReloaded)).toBe(true);

  // A change of severity made elsewhere shows too.
  await callApi(request, holdfast, 'changeSeverity', { id: first.id, severity: 'SEV2' });
  await expect(wall.locator('.incident-header').getByRole('button', { name: /Severity SEV2/ })).toBeVisible();
  await screenshot(wall, 'incident-second-console');
  await wall.close();
});

test('the timeline renders 10,000 events with only a few dozen rows in the DOM', async ({ page, holdfast, request }) => {
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'A very long incident', severity: 'SEV4', services: [] });

  // Seed the events straight into the store in one transaction (WAL lets the server keep it open).
  const db = new Database(path.join(holdfast.dataDir, 'holdfast.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare('INSERT INTO incident_events (incident_id, at, type, actor, text, data) VALUES (?, ?, ?, ?, ?, ?)');
    // After the declaration, 10 ms apart: a timeline is read in time order, so the declaration stays at the top.
    const start = Date.now() + 1000;
    db.transaction(() => {
      for (let i = 1; i <= 10_000; i++) {
        insert.run(incident.id, new Date(start + i * 10).toISOString(), 'note', 'load test', `Seeded event ${i}`, '{}');
      }
    })();
  } finally {
    db.close();
  }

  await openConsole(page, holdfast.url, `#/incidents/${incident.id}`);
  const timeline = page.locator('.timeline-scroll');
  await expect(page.locator('.timeline-panel h2')).toContainText('10001');
  // It opens at the newest event.
  await expect(timeline.getByText('Seeded event 10000', { exact: true })).toBeVisible();
  const rows = timeline.locator('.tl-row');
  expect(await rows.count()).toBeLessThanOrEqual(300);

  // To the top, then all the way back down.
  await timeline.evaluate((element) => (element.scrollTop = 0));
  await expect(timeline.getByText('Declared SEV4: A very long incident')).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(300);
  await timeline.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
  await expect(timeline.getByText(/^Seeded event \d+$/).first()).toBeVisible();
  await timeline.focus();
  await page.keyboard.press('End');
  await expect(timeline.getByText('Seeded event 10000', { exact: true })).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(5);
  expect(count).toBeLessThanOrEqual(300);
  await screenshot(page, 'incident-timeline-10000');
});

test('handovers, custom roles and a severity change are logged on the timeline', async ({ page, holdfast, request }) => {
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Edge proxy 502s', severity: 'SEV3', services: ['edge-proxy'] });
  await openConsole(page, holdfast.url, `#/incidents/${incident.id}`);
  const timeline = page.locator('.timeline-scroll');

  await page.getByRole('button', { name: 'Assign incident commander' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign incident commander' });
  await assign.getByLabel('Person').fill('Lee Park');
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(page.locator('.role-row[data-role="commander"]')).toContainText('Lee Park');

  await page.getByRole('button', { name: 'Hand over incident commander' }).click();
  const handover = page.getByRole('dialog', { name: 'Assign incident commander' });
  await expect(handover).toContainText('Now: Lee Park');
  await handover.getByLabel('Person').fill('Inês Duarte');
  await handover.getByRole('button', { name: 'Hand over' }).click();
  await expect(timeline.getByText('Inês Duarte is commander (handover from Lee Park)')).toBeVisible();

  await page.getByRole('button', { name: 'Add a role…' }).click();
  const custom = page.getByRole('dialog', { name: 'Add a role' });
  await custom.getByLabel('Role').fill('Customer liaison');
  await custom.getByLabel('Person').fill('Sam Okoro');
  await custom.getByRole('button', { name: 'Assign' }).click();
  await expect(page.locator('.role-row[data-role="customer liaison"]')).toContainText('Sam Okoro');

  await page.getByRole('button', { name: /Severity SEV3/ }).click();
  const severity = page.getByRole('dialog', { name: 'Change severity' });
  await severity.getByRole('radio', { name: /^SEV1/ }).check();
  await severity.getByRole('button', { name: 'Change to SEV1' }).click();
  await expect(page.getByRole('button', { name: /Severity SEV1/ })).toBeVisible();
  await expect(timeline.getByText('Severity SEV3 → SEV1')).toBeVisible();
  // SEV1 asks for an update every 30 minutes; the cadence comes with the incident.
  await expect(page.locator('.update-timer').first()).toHaveAttribute('title', /every 30 min/);
  await screenshot(page, 'incident-roles-handover');
});

test('settings: the name the timeline shows, what a severity means and how often it wants updates, the update templates', async ({ page, holdfast }) => {
  await openConsole(page, holdfast.url, '#/runbooks');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // The default name (the command line's): empty is refused with a reason; a real one is saved.
  const name = page.getByLabel('Name when nobody says');
  await name.fill('  ');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('alert')).toContainText('Give a name');
  await name.fill('Ops Bot');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The command line now logs as Ops Bot.' })).toBeVisible();
  // This browser's own name, used for every event it logs, changes here too.
  await expect(page.getByText(`You log as ${TEST_RESPONDER.name}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Change…' }).click();
  const who = page.getByRole('dialog', { name: 'Who are you?' });
  await who.getByRole('combobox', { name: 'Your name' }).fill('Ana Lima');
  await who.getByRole('combobox', { name: 'Your name' }).press('Enter');
  await expect(who).toBeHidden();
  await expect(page.getByText('You log as Ana Lima.')).toBeVisible();

  // SEV2: a description of our own and a 15-minute cadence.
  const sev2 = page.getByRole('group', { name: 'SEV2' });
  await sev2.getByLabel('What it means').fill('Checkout or payments degraded for many shoppers.');
  await sev2.getByLabel('Update every (min)').fill('15');
  await page.getByRole('button', { name: 'Save severities' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Severities saved.' })).toBeVisible();

  // The internal template, with a placeholder from the list beside it.
  await expect(page.locator('.placeholders').getByText('{{next_update}}', { exact: true })).toBeVisible();
  await page.getByLabel('Internal update').fill('{{severity}} {{title}}: {{impact}} (IC {{commander}})');
  await page.getByRole('button', { name: 'Save templates' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Templates saved.' })).toBeVisible();
  await screenshot(page, 'settings');

  // The declare dialog, the timeline, the update timer and the composer all use them.
  await page.keyboard.press('Control+i');
  const declare = page.getByRole('dialog', { name: 'Declare an incident' });
  await page.keyboard.type('Card payments declined');
  await declare.getByRole('radio', { name: /^SEV2/ }).check();
  await expect(declare.getByText('Checkout or payments degraded for many shoppers.')).toBeVisible();
  await expect(declare).toContainText('Update every 15 min.');
  await declare.getByRole('button', { name: 'Declare incident' }).click();
  const timeline = page.locator('.timeline-scroll');
  await expect(timeline.locator('.tl-event[data-type="declared"] .tl-actor')).toHaveText('Ana Lima');
  await expect(page.locator('.update-timer').first()).toHaveAttribute('title', /every 15 min/);
  const composer = page.locator('.composer');
  await composer.getByLabel('Impact').fill('One in five cards declined.');
  await composer.getByRole('button', { name: 'Fill from template' }).click();
  await expect(composer.getByLabel('Update text')).toHaveValue('SEV2 Card payments declined: One in five cards declined. (IC not yet assigned)');
});
