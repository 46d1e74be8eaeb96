import path from 'node:path';
import { corpusDir, skipWithoutCorpus } from '../fixtures/corpus';
import { callApi, expect, openConsole, screenshot, test } from './web-console';

/**
 * The runbooks teams really have (the shared corpus: alert runbooks written as
 * prose): suggested for a new incident with why, walked step by step, and one
 * with no procedure at all read in the step panel instead of a dead end.
 */

test.skip(skipWithoutCorpus, 'the shared corpus (../shared/corpus) is not beside this checkout');
test.describe.configure({ timeout: 120_000 });

type Summary = { id: number; title: string; stepCount: number };

test.beforeEach(async ({ request, holdfast }) => {
  const report = await callApi<{ imported: number; failed: unknown[] }>(request, holdfast, 'importRunbooks', { paths: [path.join(corpusDir(), 'content', 'runbooks')] });
  expect(report.failed).toEqual([]);
  expect(report.imported).toBeGreaterThan(100);
});

test('declaring "etcd members down" on etcd suggests the etcd runbooks first with why; attached, the prose runbook is walked step by step', async ({ page, holdfast }) => {
  await openConsole(page, holdfast.url, '#/incidents');
  await page.keyboard.press('Control+i');
  const declare = page.getByRole('dialog', { name: 'Declare an incident' });
  await declare.getByLabel('Title').fill('etcd members down');
  await declare.getByRole('radio', { name: /^SEV2/ }).check();
  await declare.getByLabel('Affected services').fill('etcd');
  await declare.getByLabel('Affected services').press('Enter');
  await expect(declare.getByRole('list', { name: 'Chosen services' })).toContainText('etcd');
  await declare.getByRole('button', { name: 'Declare incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'etcd members down' })).toBeVisible();

  // The suggestions: etcd runbooks first, etcdMembersDown leading, each saying why.
  const suggestions = page.getByRole('list', { name: 'Runbooks to attach' }).locator(':scope > li');
  await expect(suggestions.first()).toBeVisible();
  const titles = await suggestions.locator('strong').allInnerTexts();
  expect(titles[0]).toBe('etcdMembersDown');
  const etcd = titles.filter((title) => title.startsWith('etcd'));
  expect(etcd.length).toBeGreaterThanOrEqual(5);
  expect(titles.slice(0, etcd.length), 'the etcd runbooks come before any other').toEqual(etcd);
  const why = page.getByRole('list', { name: 'Why etcdMembersDown is suggested' });
  await expect(why).toBeVisible();
  await expect(why).toContainText('alert name etcdMembersDown matches the title');
  await expect(page.getByRole('list', { name: 'Why etcdNoLeader is suggested' })).toContainText('etcd group');
  await screenshot(page, 'corpus-suggestions');

  // Attached, its prose Diagnosis and Mitigation are its steps, walked in order with their commands.
  await page.getByRole('button', { name: 'Attach etcdMembersDown' }).click();
  const runner = page.locator('.runner');
  const mark = runner.getByRole('group', { name: 'Mark this step' });
  await expect(runner.locator('.current-number')).toHaveText('Step 1');
  await expect(runner).toContainText('0 of 5 steps');
  await expect(runner.locator('.current-text')).toContainText('Login to the cluster');
  await expect(runner.getByRole('list', { name: 'Commands of step 1' })).toContainText('kubectl get nodes -l node-role.kubernetes.io/master=');
  const expected = ['Login to the cluster', 'In case there is no upgrade going on', 'General etcd health', 'If an upgrade is in progress', 'In the case when you are running on AWS'];
  for (const [index, words] of expected.entries()) {
    await expect(runner.locator('.current-number')).toHaveText(`Step ${index + 1}`);
    await expect(runner.locator('.current-text')).toContainText(words);
    await mark.getByRole('button', { name: 'Done' }).click();
    await expect(runner).toContainText(`${index + 1} of 5 steps`);
  }
  await expect(page.locator('.tl-row').filter({ hasText: 'Done: step 5 of “etcdMembersDown”' })).toBeVisible();
});

test('a runbook with no procedure at all is read in the step panel, its commands copyable, and opens in the library', async ({ page, context, request, holdfast }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: holdfast.origin });
  const { items } = await callApi<{ items: Summary[] }>(request, holdfast, 'listRunbooks', {});
  const duplicate = items.find((item) => item.title === 'Prometheus Duplicate Timestamps');
  if (!duplicate) throw new Error('the corpus has no Prometheus Duplicate Timestamps runbook');
  expect(duplicate.stepCount).toBe(0);
  const incident = await callApi<{ id: number }>(request, holdfast, 'declareIncident', { title: 'Prometheus drops samples', severity: 'SEV3', services: [] });

  await openConsole(page, holdfast.url, `#/incidents/${incident.id}`);
  await page.getByLabel('Find a runbook').fill('duplicate timestamps');
  const suggestion = page.getByRole('list', { name: 'Runbooks to attach' }).locator(':scope > li').filter({ hasText: 'Prometheus Duplicate Timestamps' });
  await expect(suggestion).toContainText('no steps: read and follow it');
  await expect(suggestion).toContainText('matches the search “duplicate timestamps”');
  await suggestion.getByRole('button', { name: 'Attach Prometheus Duplicate Timestamps' }).click();

  // One step, "Read and follow", holding the runbook as the reader shows it.
  const runner = page.locator('.runner');
  await expect(runner.locator('.current-number')).toHaveText('Step 1');
  await expect(runner).toContainText('0 of 1 steps');
  await expect(runner.locator('.read-and-follow-lead')).toContainText('Read and follow the runbook.');
  const body = runner.getByRole('region', { name: 'Prometheus Duplicate Timestamps: the runbook' });
  await expect(body).toContainText('Find the Prometheus Pod that concerns this.');
  await expect(body).toContainText('Now there is a judgement call to make');
  await expect(body.getByRole('listitem').first()).toContainText('Faulty configuration');
  await expect(body.locator('pre').first()).toContainText('$ kubectl -n <namespace> get pod');
  await expect(page.getByText('The attached runbooks have no steps.')).toHaveCount(0);
  await screenshot(page, 'read-and-follow');
  // Copy gives the command without its prompt and output.
  await body.getByRole('button', { name: 'Copy' }).first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('kubectl -n <namespace> get pod');

  // Walked as one step.
  await runner.getByRole('group', { name: 'Mark this step' }).getByRole('button', { name: 'Done' }).click();
  await expect(runner).toContainText('1 of 1 steps');

  // Open in the library: the runbook itself, in the reader.
  await runner.getByRole('link', { name: 'Open Prometheus Duplicate Timestamps in the library' }).click();
  await expect(page).toHaveURL(new RegExp(`#/runbooks/${duplicate.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Prometheus Duplicate Timestamps' })).toBeVisible();
});
