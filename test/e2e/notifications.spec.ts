import { callApi, expect, test } from './web-console';

/**
 * The browser's Notification API replaced by a recorder, so the test can see what
 * was raised and click it as the operating system would.
 */
const recordNotifications = () => {
  const raised: { title: string; body: string; click: () => void }[] = [];
  class RecordedNotification {
    static permission = 'granted';
    static requestPermission = () => Promise.resolve('granted');
    onclick: (() => void) | null = null;
    constructor(title: string, options: { body?: string } = {}) {
      raised.push({ title, body: options.body ?? '', click: () => this.onclick?.() });
    }
    close() {}
  }
  Object.assign(window, { Notification: RecordedNotification, raisedNotifications: raised });
};

test('an overdue status update raises one notification, and clicking it opens the incident', async ({ page, holdfast, request }) => {
  await page.addInitScript(recordNotifications);
  const startedAt = new Date(Date.now() - 45 * 60_000).toISOString();
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', {
    title: 'Checkout latency over SLO',
    severity: 'SEV1',
    services: ['checkout'],
    startedAt,
  });
  await page.goto(holdfast.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');

  const raised = () => page.evaluate(() => (window as unknown as { raisedNotifications: { title: string; body: string }[] }).raisedNotifications.map(({ title, body }) => ({ title, body })));
  await expect.poll(raised).toEqual([
    { title: `Status update due: #${incident.id}`, body: 'SEV1 Checkout latency over SLO\nPost an update at least every 30 min.' },
  ]);
  // Still one after more ticks: a reminder per missed update, not per second.
  await page.waitForTimeout(1500);
  expect(await raised()).toHaveLength(1);

  await page.evaluate(() => (window as unknown as { raisedNotifications: { click: () => void }[] }).raisedNotifications[0]?.click());
  await expect(page).toHaveURL(new RegExp(`#/incidents/${incident.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: /Checkout latency over SLO/ })).toBeVisible();
});
