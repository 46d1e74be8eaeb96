import type { Locator, Page } from '@playwright/test';
import { OPERATION_NAMES } from '../../src/shared/operation-names';
import { callApi, expect, screenshot, test } from './web-console';

/**
 * The viewer link (`Viewer (read-only): …`, for a wall display) offers no control that changes data on any
 * screen, acts on no key that would, and never shows an operation's internal name.
 */

/** Names of controls that change data (or open a dialog that would). */
const WRITE_CONTROL =
  /^(Declare|New (runbook|scenario)|Import|Edit\b|Duplicate|Archive|Unarchive|Restore|Save|Delete|Cover|Assign|Hand over|Add a role|Make commander|Attach|Acknowledge|Compose update|Post and copy|Fill from template|Log (note|observation|correction)|Correct|(Un)?mark event|Start|Done|Skip|Failed|Fire now|Hold|Release|Pause|Resume|Stop drill|Spin the wheel|Back up now|Keep it here|Write it now|Stop keeping|Remove sample data|Load the demo|Resolve|Investigating|Identified|Monitoring|Severity SEV\d\. Change|Regenerate|Add action item|\+ Add)(?!\w)/;

/** Every visible control on the page with its name, and every field that takes typing. */
async function controls(page: Page): Promise<{ named: string[]; typing: string[] }> {
  return page.evaluate(() => {
    const visible = (element: Element) => element instanceof HTMLElement && element.checkVisibility();
    const name = (element: Element) =>
      (element.getAttribute('aria-label') ?? (element instanceof HTMLElement ? element.innerText : element.textContent ?? '')).replace(/\s+/g, ' ').trim();
    const named = [...document.querySelectorAll('button, a[href], [role="button"], input[type="submit"], summary')].filter(visible).map(name);
    // Filters and pickers (search, dates, choices) only look; any field that takes free text must be read-only.
    const typing = [...document.querySelectorAll('input, textarea, [contenteditable="true"]')]
      .filter(visible)
      .filter((field) =>
        field instanceof HTMLTextAreaElement
          ? !field.readOnly && !field.disabled
          : field instanceof HTMLInputElement
            ? ['text', 'number', 'url', 'email', 'tel', 'password', ''].includes(field.type) && !field.readOnly && !field.disabled
            : true,
      )
      .map((field) => field.getAttribute('aria-label') ?? (field.id ? document.querySelector(`label[for="${field.id}"]`)?.textContent : null) ?? field.outerHTML.slice(0, 80));
    return { named, typing };
  });
}

/** Operation names as words a person could read on the page. */
const OPERATION_NAME = new RegExp(`\\b(${OPERATION_NAMES.join('|')})\\b`);

async function expectReadOnly(page: Page, screen: string): Promise<void> {
  const { named, typing } = await controls(page);
  expect(named.filter((label) => WRITE_CONTROL.test(label)), `${screen}: editing controls`).toEqual([]);
  expect(typing, `${screen}: fields that take typing`).toEqual([]);
  const text = await page.locator('body').innerText();
  expect(text.match(OPERATION_NAME)?.[0] ?? null, `${screen}: an operation's internal name`).toBeNull();
  expect(text, screen).not.toContain('Loading scenarios');
  await expect(page.locator('.banner-error'), `${screen}: an error banner`).toHaveCount(0);
}

async function go(page: Page, hash: string, ready: Locator): Promise<void> {
  await page.evaluate((target) => (window.location.hash = target), hash);
  await expect(ready).toBeVisible();
}

test('the viewer link shows every screen without an editing control, a writing key or an operation name', async ({ page, holdfast, request }) => {
  test.setTimeout(120_000);
  // Everything there is to see: an incident with a runbook, a note marked key and an action item; a runbook with
  // two revisions; an override; a stopped drill with a scorecard and a running one.
  type Incident = { id: number };
  type Run = { id: number; incidentId: number; scenarioId: number; injects: { injectId: string }[] };
  const runbooks = await callApi<{ items: { id: number; title: string }[] }>(request, holdfast, 'listRunbooks', {});
  const checkout = runbooks.items.find((runbook) => runbook.title === 'Checkout error rate above 2%');
  if (!checkout) throw new Error('the demo workspace has no checkout runbook');
  const incident = await callApi<Incident>(request, holdfast, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
  await callApi(request, holdfast, 'attachRunbook', { id: incident.id, runbookId: checkout.id });
  const note = await callApi<{ id: number }>(request, holdfast, 'logNote', { id: incident.id, text: 'Error rate at 12%' });
  await callApi(request, holdfast, 'markKey', { id: incident.id, eventId: note.id, key: true });
  await callApi(request, holdfast, 'saveActionItem', { incidentId: incident.id, description: 'Add a canary', type: 'prevent' });
  const runbook = await callApi<{ id: number; revision: number; metadata: Record<string, unknown>; body: string }>(request, holdfast, 'getRunbook', { id: checkout.id });
  await callApi(request, holdfast, 'saveRunbook', {
    id: runbook.id,
    baseRevision: runbook.revision,
    metadata: { ...runbook.metadata, summary: 'Checkout returns 5xx on more than 2% of requests.' },
    body: runbook.body,
  });
  await callApi(request, holdfast, 'createOverride', { schedule: 'Shop primary', person: 'sam', start: '2030-01-01T00:00:00Z', end: '2030-01-01T08:00:00Z' });
  const [scenario] = await callApi<{ id: number }[]>(request, holdfast, 'listDrillScenarios', {});
  const finished = await callApi<Run>(request, holdfast, 'startDrill', { scenarioId: scenario?.id });
  await callApi(request, holdfast, 'drillInject', { id: finished.id, injectId: finished.injects[0]?.injectId, action: 'fire' });
  await callApi(request, holdfast, 'stopDrill', { id: finished.id });
  const running = await callApi<Run>(request, holdfast, 'startDrill', { scenarioId: scenario?.id });
  await callApi(request, holdfast, 'drillObservation', { id: running.id, text: 'Commander named quickly' });

  await page.goto(holdfast.viewerUrl);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(page.getByRole('status').filter({ hasText: 'Read-only' })).toBeVisible();

  const screens: [string, string, Locator][] = [
    ['library', '#/runbooks', page.getByRole('searchbox', { name: /Search runbooks/ })],
    ['reader', `#/runbooks/${checkout.id}`, page.getByRole('heading', { level: 1, name: 'Checkout error rate above 2%' })],
    ['runbook history', `#/runbooks/${checkout.id}/history`, page.getByRole('radio', { name: 'Compare from revision 1' })],
    ['new runbook', '#/runbooks/new', page.getByRole('heading', { name: 'Runbooks are written on a responder’s console' })],
    ['edit runbook', `#/runbooks/${checkout.id}/edit`, page.getByRole('link', { name: 'Read the runbook' })],
    ['on-call board', '#/oncall', page.getByTestId('now-board').locator('.oc-team-cards')],
    ['schedule', '#/oncall/schedules/Shop%20primary', page.getByRole('rowheader', { name: 'Sam Okoro' })],
    ['on-call load', '#/oncall/load', page.getByRole('button', { name: 'Export CSV' })],
    ['incidents list', '#/incidents', page.getByRole('table', { name: 'Open incidents' })],
    ['incident screen', `#/incidents/${incident.id}`, page.locator('.runner .current-number')],
    ['drills', '#/drills', page.getByText('The scenarios are the facilitator’s script')],
    ['drill console', `#/drills/runs/${running.id}`, page.getByTestId('drill-clock')],
    ['drill incident', `#/incidents/${running.incidentId}`, page.getByRole('region', { name: 'Drill' })],
    ['scorecard', `#/drills/runs/${finished.id}`, page.getByRole('table', { name: 'Times against targets' })],
    ['drill trends', `#/drills/scenarios/${finished.scenarioId}/trends`, page.getByRole('table', { name: 'Past runs' })],
    ['new scenario', '#/drills/new', page.getByRole('heading', { name: 'Drill scenarios are for the facilitator' })],
    ['history', '#/history', page.getByRole('searchbox')],
    ['action items', '#/history/action-items', page.getByText('Add a canary')],
    ['metrics', '#/metrics', page.getByRole('heading', { level: 1, name: 'Metrics' })],
    ['post-mortem', `#/incidents/${incident.id}/postmortem`, page.getByRole('link', { name: `Go to incident #${incident.id}` })],
    ['settings', '#/settings', page.getByRole('heading', { level: 1, name: 'Settings' })],
    ['backups', '#/backups', page.getByRole('heading', { level: 2, name: 'Break-glass file' })],
  ];
  for (const [screen, hash, ready] of screens) {
    await go(page, hash, ready);
    await expectReadOnly(page, screen);
    await screenshot(page, `viewer-${screen.replace(/ /g, '-')}`);
  }

  // The incident screen shows the state as it is: severity, status, the key event.
  await go(page, `#/incidents/${incident.id}`, page.locator('.runner .current-number'));
  await expect(page.locator('.lifecycle [aria-current="step"]')).toHaveText('Investigating');
  await expect(page.getByRole('img', { name: 'Key event' })).toBeVisible();

  // Keys that would write do nothing: the step stays not started, no dialog or editor opens.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (const key of ['s', 'Enter', 'd', 'x', 'f', 'n', 'Control+i']) await page.keyboard.press(key);
  await expect(page.locator('.current-step .step-state')).toHaveText('Not started');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await go(page, '#/runbooks', page.getByRole('searchbox', { name: /Search runbooks/ }));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await go(page, `#/runbooks/${checkout.id}`, page.getByRole('heading', { level: 1, name: 'Checkout error rate above 2%' }));
  await page.keyboard.press('e');
  await go(page, '#/oncall/schedules/Shop%20primary', page.getByRole('rowheader', { name: 'Sam Okoro' }));
  await page.keyboard.press('c');
  await expect(page.locator('.oc-cover-form')).toHaveCount(0);
  await go(page, `#/drills/runs/${running.id}`, page.getByTestId('drill-clock'));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (const key of [' ', 'f', 'h']) await page.keyboard.press(key);
  await expect(page.locator('.clock-state')).toHaveText('Running');
  await expect(page.locator('.inject-item[data-status="fired"]')).toHaveCount(0);
  expect(page.url()).toContain(`#/drills/runs/${running.id}`);
  const run = await callApi<{ state: string; injects: { status: string }[] }>(request, holdfast, 'getDrill', { id: running.id });
  expect([run.state, run.injects.map((inject) => inject.status)]).toEqual(['running', ['pending', 'pending', 'pending']]);

  // The palette offers no command that writes, and the keyboard help lists no key that would.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog');
  await palette.getByRole('combobox').fill('declare');
  await expect(palette.getByRole('option', { name: /Declare an incident/ })).toHaveCount(0);
  await palette.getByRole('combobox').fill('new runbook');
  await expect(palette.getByRole('option', { name: /New runbook/ })).toHaveCount(0);
  await palette.getByRole('combobox').fill('theme dark');
  await expect(palette.getByRole('option', { name: /Theme: dark/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Search runbooks');
  await expect(help).not.toContainText('Declare an incident');
  await expect(help).not.toContainText('Start the current step');
  await expect(help).not.toContainText('Fire the next inject');
  await page.keyboard.press('Escape');

  // Nothing the viewer pressed reached the store.
  const timeline = await callApi<{ type: string }[]>(request, holdfast, 'getTimeline', { id: incident.id });
  expect(timeline.map((event) => event.type)).toEqual(['declared', 'runbook_attached', 'note', 'key_marked']);
  const incidents = await callApi<unknown[]>(request, holdfast, 'listIncidents', { includeDrills: true });
  expect(incidents).toHaveLength(3);
});
