import type { Page } from '@playwright/test';
import { callApi, expect, test } from './web-console';

declare global {
  interface Window {
    /** When the last key went down in the search box, and when the search it caused left the page (performance.now()). */
    searchTiming?: { key?: number; sent?: number };
  }
}

/**
 * What the console asks the core for, counted in the browser: every `/api/<operation>`
 * request a page sends, in order. A console that refetches what it already holds, or
 * searches on every keystroke, shows here before anyone feels it at 3 a.m.
 */
interface Call {
  name: string;
  body: unknown;
}

function countCalls(page: Page): { mark: () => number; since: (mark: number) => Call[] } {
  const calls: Call[] = [];
  page.on('request', (request) => {
    const match = /\/api\/([A-Za-z]+)$/.exec(new URL(request.url()).pathname);
    if (match?.[1]) calls.push({ name: match[1], body: request.postDataJSON() as unknown });
  });
  return { mark: () => calls.length, since: (mark) => calls.slice(mark) };
}

const names = (calls: Call[]): string[] => calls.map((call) => call.name);

/** Waits until the page has sent nothing for a while: the count then includes any late refetch. */
async function settled(page: Page, calls: { mark: () => number }, quietMs = 600): Promise<void> {
  let last = calls.mark();
  for (;;) {
    await page.waitForTimeout(quietMs);
    const now = calls.mark();
    if (now === last) return;
    last = now;
  }
}

/** Reads sent more than once with the same input: a cache by operation and input sends each once. */
function repeatedReads(calls: Call[]): string[] {
  const seen = new Map<string, number>();
  for (const call of calls) {
    const key = `${call.name} ${JSON.stringify(call.body)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([key, count]) => `${key} ×${count}`);
}

async function openReady(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
}

test('logging a note costs one write and at most one read, and a second console sees it live', async ({ page, context, holdfast, request }) => {
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Primary database replication lag', severity: 'SEV2', services: ['postgres'] });
  await callApi(request, holdfast, 'logNote', { id: incident.id, text: 'Replica 2 is 40 s behind' });

  const calls = countCalls(page);
  await openReady(page, holdfast.url);
  await page.evaluate((id) => (window.location.hash = `#/incidents/${id}`), incident.id);
  await expect(page.locator('.timeline-scroll').getByText('Replica 2 is 40 s behind')).toBeVisible();

  const wall = await context.newPage();
  await openReady(wall, holdfast.url);
  await wall.evaluate((id) => (window.location.hash = `#/incidents/${id}`), incident.id);
  await expect(wall.locator('.timeline-scroll').getByText('Replica 2 is 40 s behind')).toBeVisible();

  await settled(page, calls);
  const before = calls.mark();
  const note = page.getByLabel('Add a note to the timeline');
  await note.fill('Failover to replica 1 started');
  await note.press('Enter');
  await expect(page.locator('.timeline-scroll').getByText('Failover to replica 1 started')).toBeVisible();
  await expect(page.locator('.timeline-head h2')).toContainText('(3)');
  await settled(page, calls);
  const sent = names(calls.since(before));
  test.info().annotations.push({ type: 'log a note', description: sent.join(', ') });
  console.log(`log a note: ${sent.join(', ')}`);
  expect(sent.filter((name) => name === 'logNote')).toHaveLength(1);
  expect(sent.filter((name) => name !== 'logNote').length, `reads after logging: ${sent.join(', ')}`).toBeLessThanOrEqual(1);
  expect(sent).not.toContain('getTimeline');
  await expect(note).toHaveValue('');

  // The other console hears of it through the change event and shows it without a reload.
  await expect(wall.locator('.timeline-scroll').getByText('Failover to replica 1 started')).toBeVisible();
  await expect(wall.locator('.timeline-head h2')).toContainText('(3)');
  await wall.close();
});

test('opening the library and an incident sends each read once, and coming back paints from the cache', async ({ page, holdfast, request }) => {
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Checkout error rate above 5%', severity: 'SEV1', services: ['checkout'] });
  const calls = countCalls(page);

  await openReady(page, holdfast.url);
  await expect(page.locator('#runbook-results').getByText(/replication lag/i).first()).toBeVisible();
  await settled(page, calls);
  const library = calls.since(0);
  test.info().annotations.push({ type: 'open the library', description: names(library).join(', ') });
  console.log(`open the library (${library.length}): ${names(library).join(', ')}`);
  expect(repeatedReads(library), 'reads sent twice while the library opened').toEqual([]);

  const before = calls.mark();
  await page.evaluate((id) => (window.location.hash = `#/incidents/${id}`), incident.id);
  await expect(page.locator('.timeline-scroll').getByText(/Declared SEV1/)).toBeVisible();
  await settled(page, calls);
  const opened = calls.since(before);
  test.info().annotations.push({ type: 'open an incident', description: names(opened).join(', ') });
  console.log(`open an incident (${opened.length}): ${names(opened).join(', ')}`);
  expect(repeatedReads(opened), 'reads sent twice while the incident opened').toEqual([]);

  // Away and back: what the console holds paints at once, from its cache, and is not fetched again.
  await page.evaluate(() => (window.location.hash = '#/runbooks'));
  await expect(page.locator('#runbook-results').getByText(/replication lag/i).first()).toBeVisible();
  const again = calls.mark();
  await page.evaluate((id) => (window.location.hash = `#/incidents/${id}`), incident.id);
  await expect(page.locator('.timeline-scroll').getByText(/Declared SEV1/)).toBeVisible();
  await settled(page, calls);
  expect(names(calls.since(again)).filter((name) => name === 'getTimeline' || name === 'getIncident')).toEqual([]);
});

test('typing an 11-letter word sends at most 3 searches and shows only the last answer', async ({ page, holdfast }) => {
  const calls = countCalls(page);
  await openReady(page, holdfast.url);
  await settled(page, calls);
  const start = calls.mark();
  const search = page.getByRole('searchbox', { name: 'Search runbooks' });
  await search.click();
  // Typed inside the page as one fast burst, the page drawing between keys: keys sent one by one from the
  // test would arrive as far apart as a loaded machine makes them.
  await page.evaluate(async (word) => {
    for (const letter of word) {
      document.execCommand('insertText', false, letter);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }, 'replication');
  await expect(search).toHaveValue('replication');
  await expect(page.locator('.list-status')).toHaveText(/matching/);
  await settled(page, calls);
  const searches = calls.since(start).filter((call) => call.name === 'searchRunbooks').map((call) => (call.body as { query: string }).query);
  test.info().annotations.push({ type: 'type "replication"', description: searches.join(', ') });
  console.log(`type "replication" (${searches.length}): ${searches.join(', ')}`);
  expect(searches.length).toBeLessThanOrEqual(3);
  expect(searches.at(-1)).toBe('replication');

  // What shows is the answer for the whole word, and it stays: no earlier answer lands on top of it.
  const expected = await callApi<{ title: string }[]>(page.request, holdfast, 'searchRunbooks', { query: 'replication', limit: 50 });
  await expect(page.locator('#runbook-results > li')).toHaveCount(expected.length);
  await expect(page.locator('#runbook-results > li').first()).toContainText(expected[0]?.title ?? '');
  await expect(page.locator('.list-status')).toHaveText(`${expected.length} matching`);

  // A pause, then a new word: its first key searches at once, the gate only gathers a burst of keys.
  await search.fill('');
  await expect(page.locator('.list-status')).toHaveText(/runbooks/);
  await settled(page, calls);
  // Timed inside the page: from the key to the search request leaving it.
  await page.evaluate(() => {
    const timing: { key?: number; sent?: number } = {};
    window.searchTiming = timing;
    const onKey = () => {
      timing.key ??= performance.now();
    };
    document.getElementById('runbook-search')?.addEventListener('keydown', onKey, { capture: true });
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/api/searchRunbooks')) timing.sent ??= performance.now();
      return send(input, init);
    };
  });
  await search.press('q');
  await expect.poll(() => page.evaluate(() => window.searchTiming?.sent !== undefined)).toBe(true);
  const { key, sent } = await page.evaluate(() => window.searchTiming ?? { key: undefined, sent: undefined });
  expect((sent ?? Infinity) - (key ?? 0), 'the first key after a pause searches at once').toBeLessThan(60);
});
