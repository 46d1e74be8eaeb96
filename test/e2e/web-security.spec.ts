import { callApi, expect, screenshot, startConsole, test } from './web-console';

test('the viewer link opens a read-only console: a badge, no editing controls, and the core refuses changes', async ({ page, holdfast, request }) => {
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2' });

  await page.goto(holdfast.viewerUrl);
  await expect(page.locator('html[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Read-only' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Declare incident/ })).toBeHidden();

  await page.goto(`${holdfast.origin}/#/incidents/${incident.id}`);
  await expect(page.getByRole('heading', { name: 'Checkout errors' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Add a note to the timeline' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Assign incident commander' })).toBeHidden();
  await screenshot(page, 'viewer-incident');

  // Even a page script that calls the API directly with the viewer's token is refused.
  const refused = await page.evaluate(async (id) => {
    const token = sessionStorage.getItem('holdfast.token') ?? '';
    const response = await fetch(`/api/logNote`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ id, text: 'from the wall display' }),
    });
    return { status: response.status, body: (await response.json()) as { error: { code: string } } };
  }, incident.id);
  expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  const timeline = await callApi<{ text: string }[]>(request, holdfast, 'getTimeline', { id: incident.id });
  expect(timeline.map((event) => event.text)).not.toContain('from the wall display');
});

test('the responder link has no read-only badge and can declare', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('button', { name: /Declare incident/ })).toBeVisible();
  await expect(page.getByText('Read-only')).toHaveCount(0);
});

test('a page reaching the console under another DNS name (DNS rebinding) is refused', async ({ playwright, holdfast }) => {
  const port = new URL(holdfast.origin).port;
  // A browser whose DNS says rebound.test is this machine, as an attacker's rebinding DNS would.
  const launchOptions = test.info().project.use.launchOptions ?? {};
  const browser = await playwright.chromium.launch({
    ...launchOptions,
    args: [...(launchOptions.args ?? []), '--host-resolver-rules=MAP rebound.test 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const response = await page.goto(`http://rebound.test:${port}/`);
    expect(response?.status()).toBe(421);
    expect(await response?.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('answers only to') } });
    const fromApi = await page.evaluate(async (token) => {
      const result = await fetch('/api/declareIncident', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({ title: 'Rebound', severity: 'SEV1' }),
      });
      return result.status;
    }, holdfast.token);
    expect(fromApi).toBe(421);
  } finally {
    await browser.close();
  }
});

test('serving beyond loopback takes an explicit --host and prints a warning', async ({ request }) => {
  const running = await startConsole(['--host', '0.0.0.0']);
  try {
    expect(running.stderr()).toContain('WARNING: serving on 0.0.0.0, not loopback');
    expect(running.viewerUrl).toMatch(/#token=[A-Za-z0-9_-]{32}$/);
    const session = await callApi<{ role: string }>(request, { origin: running.origin, token: running.token }, 'getSession', {});
    expect(session).toEqual({ role: 'responder' });
  } finally {
    await running.stop();
  }
  const local = await startConsole();
  try {
    expect(local.stderr()).not.toContain('WARNING');
    expect(new URL(local.url).hostname).toBe('127.0.0.1');
  } finally {
    await local.stop();
  }
});
