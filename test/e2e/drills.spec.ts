import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, BrowserContext, Download, Page } from '@playwright/test';
import { callApi, expect, screenshot, startConsole, test as base, type RunningConsole } from './web-console';

/** The drill starts at this instant; the core's clock and the browsers' stand still until the test moves them. */
const START = '2026-11-27T10:00:00.000Z';

const test = base.extend<{ drillConsole: RunningConsole }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  drillConsole: async ({}, use) => {
    const running = await startConsole(['--test-clock', START]);
    await use(running);
    await running.stop();
  },
});

/** Moves time for everyone: the browsers' clocks (the master clock's local ticking) first, then the core's (which fires due injects). */
async function advance(context: BrowserContext, request: APIRequestContext, holdfast: RunningConsole, seconds: number): Promise<void> {
  await context.clock.fastForward(seconds * 1000);
  const response = await request.post(`${holdfast.origin}/test/clock`, { headers: { Authorization: `Bearer ${holdfast.token}` }, data: { seconds } });
  expect(response.ok()).toBe(true);
}

async function openConsole(page: Page, url: string, hash: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate((target) => (window.location.hash = target), hash);
}

async function downloaded(download: Download): Promise<string> {
  return fs.readFileSync(await download.path(), 'utf8');
}

const SCENARIO = 'Payments outage game day';

test('a drill from a scenario written in the app: timed injects on the test clock, a responder on a second screen, pause, stop and the scorecard', async ({
  context,
  drillConsole: holdfast,
  request,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: holdfast.origin });
  await context.clock.install({ time: new Date(Date.parse(START) - 60_000) });
  await context.clock.pauseAt(new Date(START));
  const facilitator = await context.newPage();
  await openConsole(facilitator, holdfast.url, '#/drills');

  // Write the scenario in the app: two timed injects and a manual one, a runbook and targets.
  await facilitator.getByRole('link', { name: 'Drills' }).click();
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Drills' })).toBeVisible();
  await facilitator.keyboard.press('n');
  const editor = facilitator.locator('.scenario-editor');
  await expect(editor.getByRole('heading', { level: 1, name: 'New drill scenario' })).toBeVisible();
  await editor.getByLabel('Title').first().fill(SCENARIO);
  await editor.getByLabel('Objectives').fill('- Acknowledge within five minutes.\n- Roll back the bad deploy.');
  await editor.getByLabel('Affected services').fill('checkout');
  await editor.getByLabel('Affected services').press('Enter');
  await editor.getByLabel('Runbooks attached when the drill starts').selectOption('Checkout error rate above 2%');
  await editor.getByRole('button', { name: 'Add runbook' }).click();
  await editor.getByLabel('Acknowledge within').fill('5');
  await editor.getByLabel('First status update within').fill('3');
  await editor.getByLabel('Mitigate within').fill('20');

  const first = editor.getByRole('group', { name: 'Inject 1' });
  await first.getByLabel('Title').fill('Error rate climbs');
  await first.getByLabel('Minutes after the start').fill('2');
  await first.getByLabel('Shown to responders').fill('Checkout 5xx responses rise to 40% of requests.');
  await first.getByLabel(/Facilitator notes/).fill('Watch whether they open the checkout runbook first.');
  await editor.getByRole('button', { name: '+ Add inject' }).click();
  const second = editor.getByRole('group', { name: 'Inject 2' });
  await second.getByLabel('Title').fill('Deploy history');
  await second.getByLabel('Minutes after the start').fill('6');
  await second.getByLabel('Shown to responders').fill('The deploy log shows checkout v87 went out just before the errors.');
  await editor.getByRole('button', { name: '+ Add inject' }).click();
  const third = editor.getByRole('group', { name: 'Inject 3' });
  await third.getByLabel('Title').fill('The CFO asks for an ETA');
  await third.getByLabel('Manual (you fire it)').check();
  await third.getByLabel('Shown to responders').fill('The CFO asks in the company channel when payments will work again.');
  await editor.evaluate((form) => form.scrollTo(0, 0));
  await screenshot(facilitator, 'drill-scenario-editor');
  await facilitator.keyboard.press('Control+s');

  const library = facilitator.getByRole('table', { name: 'Drill scenarios' });
  const row = library.locator(`tr[data-scenario="${SCENARIO}"]`);
  await expect(row).toContainText('2 timed, 1 manual');
  await expect(row).toContainText('never');
  await expect(row).toContainText('first update ≤ 3 min');

  // The wheel of misfortune says what it picked and offers to start it.
  await facilitator.getByRole('button', { name: 'Spin the wheel' }).click();
  await expect(facilitator.locator('.wheel-result')).toContainText('The wheel picked');
  await expect(facilitator.locator('.wheel-result').getByRole('button', { name: 'Start this drill' })).toBeVisible();
  await screenshot(facilitator, 'drills-library');

  // Start the drill: the facilitator console opens on a stopped-still clock.
  await row.getByRole('button', { name: `Start drill: ${SCENARIO}` }).click();
  await facilitator.getByRole('dialog').getByRole('button', { name: 'Start drill' }).click();
  await expect(facilitator).toHaveURL(/#\/drills\/runs\/\d+$/);
  const clock = facilitator.getByTestId('drill-clock');
  const queue = facilitator.locator('.inject-queue');
  const injectRow = (n: number) => queue.locator('.inject-item').nth(n - 1);
  await expect(clock).toHaveText('00:00');
  await expect(injectRow(1)).toContainText('in 02:00');
  await expect(injectRow(1).locator('.facilitator-note')).toContainText('Watch whether they open the checkout runbook first.');
  await expect(injectRow(3)).toContainText('waiting for you');

  // The responder, on a second screen: the DRILL incident, marked in the list and on its screen.
  const responder = await context.newPage();
  await openConsole(responder, holdfast.url, '#/incidents');
  const open = responder.getByRole('table', { name: 'Open incidents' });
  await expect(open.locator('.drill-tag')).toHaveText('Drill');
  await expect(responder.getByRole('link', { name: /Incidents \(1 drill\)/ })).toBeVisible();
  await screenshot(responder, 'drill-incidents-list');
  await open.getByRole('link', { name: SCENARIO }).click();
  const banner = responder.getByRole('region', { name: 'Drill' });
  await expect(banner).toContainText('This is a drill, not a real incident.');
  await expect(banner).toContainText('No injects yet');
  const runner = responder.locator('.runner');
  await expect(runner.locator('.current-number')).toHaveText('Step 1');

  // One minute: the master clock ticks locally; nothing has fired yet.
  await advance(context, request, holdfast, 60);
  await expect(clock).toHaveText('01:00');
  await expect(injectRow(1)).toContainText('in 01:00');
  await expect(banner).toContainText('No injects yet');

  // Two minutes: the first inject fires and reaches the responder live, without its facilitator notes.
  await advance(context, request, holdfast, 60);
  await expect(injectRow(1)).toContainText('fired at 02:00');
  await expect(responder.getByTestId('latest-inject')).toContainText('Error rate climbs: Checkout 5xx responses rise to 40% of requests.');
  await expect(responder.locator('.timeline-scroll')).toContainText('Error rate climbs');
  await expect(responder.locator('body')).not.toContainText('Watch whether they open');

  // Three minutes: the responder acknowledges and names a commander.
  await advance(context, request, holdfast, 60);
  const header = responder.locator('.incident-header');
  await header.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(header).toContainText('Acknowledged');
  const onCall = responder.locator('.rota').first().locator('.person-card').first();
  const commander = (await onCall.locator('.person-name strong').innerText()).trim();
  await onCall.getByRole('button', { name: `Make commander: ${commander}` }).click();
  await expect(responder.locator('.role-row[data-role="commander"]')).toContainText(commander);
  await screenshot(responder, 'drill-responder-inject');

  // Four minutes: a first status update (one minute over its 3-minute target).
  await advance(context, request, holdfast, 60);
  const composer = responder.locator('.composer');
  await composer.getByLabel('Update text').fill('Investigating checkout errors; next update in 30 minutes.');
  await composer.getByRole('button', { name: 'Post and copy' }).click();
  await expect(composer.getByRole('status')).toContainText('Posted');

  // The facilitator pauses with Space: ten minutes pass that the drill clock does not count.
  await facilitator.bringToFront();
  await facilitator.locator('body').click({ position: { x: 5, y: 5 } });
  await facilitator.keyboard.press(' ');
  await expect(facilitator.locator('.clock-state')).toHaveText('PAUSED');
  await expect(banner).toContainText('Paused by the facilitator');
  await advance(context, request, holdfast, 600);
  await expect(clock).toHaveText('04:00');
  await expect(injectRow(2)).toContainText('in 02:00');
  await screenshot(facilitator, 'drill-console-paused');
  await facilitator.keyboard.press(' ');
  await expect(facilitator.locator('.clock-state')).toHaveText('Running');
  await expect(banner).toContainText('Drill running');

  // An observation, by keyboard: n, type, Enter.
  await facilitator.keyboard.press('n');
  await facilitator.keyboard.type('Commander named within a minute of the first inject');
  await facilitator.keyboard.press('Enter');
  await expect(facilitator.locator('.observation-list')).toContainText('04:00Commander named within a minute of the first inject');

  // The responder works the runbook in the normal runner: step 1 from 4:00 to 5:00, step 2 from 5:00 to 8:00.
  await responder.bringToFront();
  await responder.locator('body').click({ position: { x: 5, y: 5 } });
  await responder.keyboard.press('s');
  await expect(runner.locator('.step-state')).toContainText('Started');
  await advance(context, request, holdfast, 60);
  await responder.keyboard.press('d');
  await expect(runner.locator('.current-number')).toHaveText('Step 2');
  await responder.keyboard.press('s');
  await expect(runner.locator('.step-state')).toContainText('Started');

  // Six minutes on the drill clock (sixteen on the wall): the second inject fires.
  await advance(context, request, holdfast, 60);
  await expect(responder.getByTestId('latest-inject')).toContainText('Deploy history: The deploy log shows checkout v87');
  await expect(banner.locator('.drill-inject-earlier')).toContainText('1 earlier inject');
  await expect(injectRow(2)).toContainText('fired at 06:00');
  await expect(clock).toHaveText('06:00');
  await screenshot(facilitator, 'drill-console');

  // Eight minutes: step 2 done, then monitoring (mitigated).
  await advance(context, request, holdfast, 120);
  await responder.keyboard.press('d');
  await expect(runner).toContainText('2 of');
  await header.getByRole('button', { name: 'Monitoring' }).click();
  await expect(header.getByRole('button', { name: 'Monitoring' })).toHaveAttribute('aria-current', 'step');

  // Nine minutes: the facilitator stops the drill.
  await advance(context, request, holdfast, 60);
  await facilitator.bringToFront();
  await expect(clock).toHaveText('09:00');
  await facilitator.getByRole('button', { name: 'Stop drill…' }).click();
  await facilitator.getByRole('dialog').getByRole('button', { name: 'Stop drill' }).click();

  // The scorecard: exact minutes from the clock moves, paused time not counted.
  const measures = facilitator.getByRole('table', { name: 'Times against targets' });
  const measure = (name: string) => measures.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(measure('Time to acknowledge')).toContainText('3 min≤ 5 min✓ Met');
  await expect(measure('Time to first status update')).toContainText('4 min≤ 3 min✗ Missed');
  await expect(measure('Time to mitigate')).toContainText('8 min≤ 20 min✓ Met');
  await expect(facilitator.locator('.scorecard-facts')).toContainText('Drill clock 09:00');
  await expect(facilitator.locator('.scorecard-facts')).toContainText('2 of 3 injects fired');
  const steps = facilitator.getByRole('table', { name: 'Step durations' });
  await expect(steps.getByRole('row')).toHaveCount(3);
  await expect(steps.getByRole('row').nth(1)).toContainText('04:0005:001 mindone');
  await expect(steps.getByRole('row').nth(2)).toContainText('05:0008:003 mindone');
  const injects = facilitator.getByRole('table', { name: 'Injects fired' });
  await expect(injects.getByRole('row', { name: /Error rate climbs/ })).toContainText('02:00');
  await expect(injects.getByRole('row', { name: /Deploy history/ })).toContainText('06:00');
  await expect(injects.getByRole('row', { name: /CFO/ })).toContainText('never fired');
  await expect(facilitator.locator('.scorecard .observation-list')).toContainText('Commander named within a minute');
  await expect(facilitator.locator('.scorecard-chart svg.recharts-surface')).toBeVisible();
  await screenshot(facilitator, 'drill-scorecard');
  await facilitator.emulateMedia({ colorScheme: 'dark' });
  await screenshot(facilitator, 'drill-scorecard-dark');
  await facilitator.emulateMedia({ colorScheme: 'light' });

  // Exports: Markdown to read, CSV for a spreadsheet.
  const [markdownDownload] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByRole('button', { name: 'Export Markdown' }).click()]);
  expect(markdownDownload.suggestedFilename()).toBe('drill-scorecard-payments-outage-game-day-2026-11-27.md');
  const markdown = await downloaded(markdownDownload);
  expect(markdown).toContain('| Time to first status update | 4 min | 3 min | ✗ missed |');
  expect(markdown).toContain('- 04:00 — Commander named within a minute of the first inject');
  const [csvDownload] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = await downloaded(csvDownload);
  expect(csv).toContain('measure,Time to acknowledge,,,,3,5,met\r\n');
  expect(csv).toContain('inject,Deploy history,,6,,,,fired\r\n');

  // The responder sees the drill is over; the DRILL incident has left the open incidents.
  await expect(banner).toContainText('Drill over');
  await expect(responder.locator('.incident-header').getByRole('button', { name: 'Resolved' })).toHaveAttribute('aria-current', 'step');

  // A second run of the same scenario (through the API, faster this time), then the trends.
  const [scenario] = (await callApi<{ id: number; title: string }[]>(request, holdfast, 'listDrillScenarios', {})).filter((s) => s.title === SCENARIO);
  const run = await callApi<{ id: number; incidentId: number }>(request, holdfast, 'startDrill', { scenarioId: scenario?.id });
  await advance(context, request, holdfast, 120);
  await callApi(request, holdfast, 'acknowledgeIncident', { id: run.incidentId });
  await callApi(request, holdfast, 'postStatusUpdate', { id: run.incidentId, audience: 'internal', text: 'On it.' });
  await advance(context, request, holdfast, 240);
  await callApi(request, holdfast, 'changeStatus', { id: run.incidentId, status: 'monitoring' });
  await callApi(request, holdfast, 'stopDrill', { id: run.id });

  await facilitator.getByRole('link', { name: 'Trends' }).click();
  const trends = facilitator.getByRole('table', { name: 'Past runs' });
  await expect(trends.getByRole('row')).toHaveCount(3);
  await expect(trends.getByRole('row').nth(1)).toContainText('3 min4 min8 min9 min2 of 3');
  await expect(trends.getByRole('row').nth(2)).toContainText('2 min2 min6 min6 min3 of 3');
  await expect(facilitator.locator('.trends-chart')).toContainText('Time to mitigate went from 8 min in the first to 6 min in the latest');
  await screenshot(facilitator, 'drill-trends');
  await facilitator.getByRole('link', { name: 'All drills' }).click();
  await expect(row).toContainText('2026-11-27');
  await expect(row.locator('td.numeric')).toHaveText('2');
});

test('the console clock never reads before an inject fired, and the Stop dialog says the stop time the scorecard records', async ({
  context,
  drillConsole: holdfast,
  request,
}) => {
  test.setTimeout(60_000);
  await context.clock.install({ time: new Date(Date.parse(START) - 60_000) });
  await context.clock.pauseAt(new Date(START));
  const [scenario] = await callApi<{ id: number }[]>(request, holdfast, 'listDrillScenarios', {});
  const run = await callApi<{ id: number }>(request, holdfast, 'startDrill', { scenarioId: scenario?.id });
  const facilitator = await context.newPage();
  await openConsole(facilitator, holdfast.url, `#/drills/runs/${run.id}`);
  const clock = facilitator.getByTestId('drill-clock');
  await expect(clock).toHaveText('00:00');

  // 43.6 s in, the facilitator fires the manual inject: it fired at 00:43 by the clock beside it, not 00:44.
  await advance(context, request, holdfast, 43.6);
  await facilitator.getByRole('button', { name: 'Fire now: The CFO asks for an ETA' }).click();
  const cfo = facilitator.locator('.inject-item').nth(2);
  await expect(cfo).toContainText('fired at 00:43');
  await expect(clock).toHaveText('00:43');

  // At 05:00 the Stop dialog opens; the facilitator reads it for 45 seconds. It shows the clock running on,
  // and the stop is recorded at what it shows when Stop is pressed.
  await advance(context, request, holdfast, 300 - 43.6);
  await expect(clock).toHaveText('05:00');
  await facilitator.getByRole('button', { name: 'Stop drill…' }).click();
  const dialog = facilitator.getByRole('dialog', { name: 'Stop the drill?' });
  await expect(dialog.getByTestId('stop-reading')).toHaveText('05:00');
  await advance(context, request, holdfast, 45);
  // 05:45 on the core; the dialog's clock reads it to the second it last ticked in.
  await expect(dialog.getByTestId('stop-reading')).toHaveText(/^05:4[45]$/);
  const shown = await dialog.getByTestId('stop-reading').innerText();
  await screenshot(facilitator, 'drill-stop-dialog');
  await dialog.getByRole('button', { name: 'Stop drill' }).click();
  await expect(facilitator.locator('.scorecard-facts')).toContainText(`Drill clock ${shown}`);
  const stopped = await callApi<{ elapsedSeconds: number }>(request, holdfast, 'getDrill', { id: run.id });
  const [minutes, seconds] = shown.split(':').map(Number);
  expect(stopped.elapsedSeconds).toBe((minutes ?? 0) * 60 + (seconds ?? 0));
});

for (const theme of ['light', 'dark', 'contrast'] as const) {
  test(`the drill screens have no serious accessibility problems (${theme} theme)`, async ({ page, request, holdfast }) => {
    test.setTimeout(90_000);
    const [scenario] = await callApi<{ id: number }[]>(request, holdfast, 'listDrillScenarios', {});
    if (!scenario) throw new Error('the demo workspace has no drill scenario');
    type Run = { id: number; incidentId: number; injects: { injectId: string }[] };
    const finished = await callApi<Run>(request, holdfast, 'startDrill', { scenarioId: scenario.id });
    await callApi(request, holdfast, 'drillInject', { id: finished.id, injectId: finished.injects[0]?.injectId, action: 'fire' });
    await callApi(request, holdfast, 'acknowledgeIncident', { id: finished.incidentId });
    await callApi(request, holdfast, 'drillObservation', { id: finished.id, text: 'Quick to acknowledge.' });
    await callApi(request, holdfast, 'stopDrill', { id: finished.id });
    const running = await callApi<Run>(request, holdfast, 'startDrill', { scenarioId: scenario.id });
    await callApi(request, holdfast, 'drillInject', { id: running.id, injectId: running.injects[0]?.injectId, action: 'fire' });

    const screens: [string, string, () => Promise<void>][] = [
      ['scenario library', '#/drills', () => expect(page.getByRole('table', { name: 'Drill scenarios' })).toBeVisible()],
      ['scenario editor', `#/drills/scenarios/${scenario.id}/edit`, () => expect(page.getByRole('group', { name: 'Inject 1' })).toBeVisible()],
      ['facilitator console', `#/drills/runs/${running.id}`, () => expect(page.getByTestId('drill-clock')).toBeVisible()],
      ['responder screen', `#/incidents/${running.incidentId}`, () => expect(page.getByTestId('latest-inject')).toBeVisible()],
      ['scorecard', `#/drills/runs/${finished.id}`, () => expect(page.locator('.scorecard-chart svg.recharts-surface')).toBeVisible()],
      ['trends', `#/drills/scenarios/${scenario.id}/trends`, () => expect(page.locator('.trends-chart').getByRole('application')).toBeVisible()],
    ];
    await page.addInitScript((choice) => localStorage.setItem('holdfast.theme', choice), theme);
    await openConsole(page, holdfast.url, '#/drills');
    const found: string[] = [];
    for (const [name, hash, ready] of screens) {
      await page.evaluate((target) => (window.location.hash = target), hash);
      await ready();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const violation of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        found.push(...violation.nodes.map((node) => `${name}: ${violation.id} ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
      }
    }
    expect(found).toEqual([]);
  });
}
