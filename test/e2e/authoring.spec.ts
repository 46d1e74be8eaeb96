import fs from 'node:fs';
import path from 'node:path';
import { callApi, expect, screenshot, startConsole, test } from './web-console';

const FIRST_VERSION = `# Flux capacitor overheating

## Meaning
The flux capacitor coolant loop cannot keep up; the temperature alarm fires above 88 degrees.

## Mitigation
1. Vent the plutonium chamber ⏱ 5m
   \`\`\`bash
   delorean vent --chamber plutonium
   \`\`\`
2. Check the coolant level with \`fluxctl coolant status\`.
`;

const SECOND_VERSION = `${FIRST_VERSION}3. Page the hardware on-call if the alarm is still firing.
`;

test('creates a runbook, edits it, finds it by a misspelling, restores the first revision, and shows its steps', async ({
  page,
  holdfast,
}) => {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();

  // Create: `n` opens the editor with the cursor in the title.
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#\/runbooks\/new$/);
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toBeFocused();
  await title.fill('Flux capacitor overheating');
  await page.getByLabel('Summary', { exact: true }).fill('Use when the flux capacitor runs hot.');
  await page.getByLabel('Services', { exact: true }).fill('delorean, flux');
  await page.getByLabel('Tags', { exact: true }).fill('hardware, temperature');
  await page.getByLabel('Markdown', { exact: true }).fill(FIRST_VERSION);
  await page.getByLabel('What changed').fill('First version');

  // The outline beside the preview is what the incident runner will walk.
  const draftOutline = page.getByRole('region', { name: 'Step outline' });
  await expect(draftOutline.locator('.step')).toHaveCount(2);
  await expect(draftOutline.locator('.step').first().locator('.timer-badge')).toHaveText('Timer 5 min');
  await expect(page.getByRole('region', { name: 'Preview' }).getByRole('heading', { name: 'Mitigation' })).toBeVisible();
  await screenshot(page, 'editor-new-runbook');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'editor-new-runbook-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Control+s');
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Flux capacitor overheating');
  await expect(reader.locator('.steps-outline .step')).toHaveCount(2);

  // Edit: `e` from the reader, a third step, a second revision.
  await page.keyboard.press('e');
  await expect(page).toHaveURL(/\/edit$/);
  await expect(page.getByRole('heading', { name: 'Edit: Flux capacitor overheating' })).toBeVisible();
  await page.getByLabel('Markdown', { exact: true }).fill(SECOND_VERSION);
  await page.getByLabel('What changed').fill('Add the paging step');
  await expect(page.getByRole('region', { name: 'Step outline' }).locator('.step')).toHaveCount(3);
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(reader.locator('.steps-outline .step')).toHaveCount(3);
  await expect(reader.getByText('Page the hardware on-call', { exact: false }).first()).toBeVisible();

  // Find it again by a misspelled word from its text; the hit says which section matched.
  await page.keyboard.press('/');
  await page.keyboard.type('plutonim');
  await expect(page.getByText('No exact match — showing results for “plutonium”')).toBeVisible();
  const hit = page.locator('#runbook-results li').first();
  await expect(hit).toContainText('Flux capacitor overheating');
  await expect(hit.locator('.result-section')).toHaveText('§ Mitigation');
  await screenshot(page, 'search-misspelled');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?section=mitigation$/);
  await expect(reader.locator('.reader-document #mitigation')).toBeInViewport();

  // History: two revisions, the diff between them, and a restore of the first.
  await reader.getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/history$/);
  const rows = page.locator('.revision-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Add the paging step');
  await expect(rows.nth(1)).toContainText('First version');
  await expect(page.getByRole('heading', { name: /Revision 1 → revision 2/ })).toBeVisible();
  await expect(page.locator('.diff-add')).toContainText(['+3. Page the hardware on-call if the alarm is still firing.']);
  await screenshot(page, 'history-diff');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'history-diff-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore revision 1?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Restore revision 1' }).click();

  // Back in the reader, on revision 3 with the first version's two steps.
  await expect(page).toHaveURL(/#\/runbooks\/\d+$/);
  await expect(reader.locator('.reader-meta')).toContainText('revision 3');
  const steps = reader.locator('.steps-outline .step');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('Vent the plutonium chamber');
  await expect(steps.nth(0).locator('.timer-badge')).toHaveText('Timer 5 min');
  await expect(steps.nth(0).locator('.step-command')).toHaveText(['delorean vent --chamber plutonium']);
  await expect(steps.nth(1)).toContainText('Check the coolant level');
  // An inline command is copied where it stands, not repeated as a block under the step.
  await expect(steps.nth(1).locator('.step-command')).toHaveCount(0);
  await expect(steps.nth(1).getByRole('button', { name: 'Copy command fluxctl coolant status to clipboard' })).toBeVisible();
  await expect(steps.nth(1).locator('.timer-badge')).toHaveCount(0);
  await expect(reader.getByText('Page the hardware on-call')).toHaveCount(0);
  await screenshot(page, 'reader-restored-steps');
});

test('a save the core refuses keeps everything typed and says which field is wrong', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await page.getByRole('link', { name: /New runbook/ }).click();
  await page.getByLabel('Markdown', { exact: true }).fill('## Steps\n1. Do the thing\n');
  await page.getByLabel('Review every (days)').fill('ninety');
  await page.keyboard.press('Control+s');
  await expect(page.locator('.field-invalid').filter({ hasText: 'Title' })).toContainText('a runbook needs a title');
  await expect(page.locator('.field-invalid').filter({ hasText: 'Review every' })).toContainText('a whole number of days');
  await expect(page.getByRole('alert')).toContainText('Not saved.');
  await expect(page.getByLabel('Markdown', { exact: true })).toHaveValue('## Steps\n1. Do the thing\n');
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  await screenshot(page, 'editor-validation');

  // Leaving and coming back keeps the draft; Cancel asks before throwing it away.
  await page.getByRole('link', { name: 'Holdfast' }).click();
  await page.getByRole('link', { name: /New runbook/ }).click();
  await expect(page.getByLabel('Markdown', { exact: true })).toHaveValue('## Steps\n1. Do the thing\n');
  await expect(page.getByText('These are your unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByLabel('Markdown', { exact: true })).toHaveValue('## Steps\n1. Do the thing\n');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
  await expect(page).toHaveURL(/#\/runbooks$/);
});

test('a save over someone else’s newer revision is refused, keeps the typing, and can go on top', async ({
  page,
  holdfast,
  request,
}) => {
  const metadata = { title: 'Cache stampede' };
  const { id } = await callApi<{ id: number }>(request, holdfast, 'saveRunbook', {
    metadata,
    body: '## Steps\n1. Warm the cache.\n',
  });
  await page.goto(holdfast.url);
  await page.evaluate((runbookId) => (window.location.hash = `#/runbooks/${runbookId}/edit`), id);
  const source = page.getByLabel('Markdown', { exact: true });
  await source.fill('## Steps\n1. Warm the cache slowly, one shard at a time.\n');

  // Meanwhile someone else saves revision 2.
  await callApi(request, holdfast, 'saveRunbook', {
    id,
    baseRevision: 1,
    metadata,
    body: '## Steps\n1. Warm the cache.\n2. Tell the team.\n',
    message: 'Theirs',
  });
  await page.keyboard.press('Control+s');
  const problem = page.locator('.save-problem');
  await expect(problem).toContainText('Not saved: someone else saved first.');
  await expect(problem).toContainText('revision 2');
  await expect(source).toHaveValue('## Steps\n1. Warm the cache slowly, one shard at a time.\n');
  await screenshot(page, 'editor-conflict');

  await problem.getByRole('button', { name: /Save mine on top/ }).click();
  const reader = page.getByRole('article');
  await expect(reader.locator('.reader-meta')).toContainText('revision 3');
  await expect(reader.locator('.steps-outline .step')).toHaveText([/Warm the cache slowly, one shard at a time\./]);
});

test('runbooks past their review date are marked, and "Needs review" lists only them', async ({ page, request }) => {
  const empty = await startConsole(['--empty']);
  try {
    const today = new Date().toISOString().slice(0, 10);
    const base = { summary: '', services: ['billing'], tags: [], owner: 'team-billing', severity: 'SEV3', links: [] };
    await callApi(request, empty, 'saveRunbook', {
      metadata: { ...base, title: 'Invoice run stuck', lastReviewed: '2020-01-01', reviewIntervalDays: 30 },
      body: '## Steps\n1. Restart the invoice worker.\n',
    });
    await callApi(request, empty, 'saveRunbook', {
      metadata: { ...base, title: 'Refund queue growing', lastReviewed: today, reviewIntervalDays: 365 },
      body: '## Steps\n1. Drain the refund queue.\n',
    });

    await page.goto(empty.url);
    const rows = page.locator('#runbook-results li');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Invoice run stuck' })).toContainText('Review due');
    await expect(rows.filter({ hasText: 'Refund queue growing' })).not.toContainText('Review due');

    const toggle = page.getByRole('button', { name: 'Needs review (1)' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Invoice run stuck');

    await rows.first().getByRole('link').click();
    const metadata = page.getByRole('region', { name: 'About this runbook' });
    await expect(metadata.getByRole('note')).toContainText('Review due');
    await expect(metadata.getByRole('note')).toContainText('2020-01-31');
    await expect(metadata).toContainText('team-billing');
    await expect(metadata).toContainText('SEV3');
    await screenshot(page, 'reader-review-due');

    await toggle.click();
    await expect(rows).toHaveCount(2);
  } finally {
    await empty.stop();
  }
});

test('"Import folder…" imports a folder and reports each file that failed, with why', async ({ page, holdfast }) => {
  const folder = path.join(holdfast.dataDir, 'team-runbooks');
  fs.mkdirSync(path.join(folder, 'img'), { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'queue-backlog.md'),
    `---\ntitle: Queue backlog\ntags: [queues]\n---\n# Queue backlog\n\n![Backlog graph](img/backlog.png)\n\n![Remote graph](https://grafana.example.com/render/backlog.png)\n\n## Mitigation\n1. Scale the consumers.\n`,
  );
  // A one-pixel PNG, imported with the runbook so it shows offline.
  fs.writeFileSync(
    path.join(folder, 'img', 'backlog.png'),
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  );
  fs.writeFileSync(path.join(folder, 'broken.md'), `---\ntitle: [unclosed\n---\n# Broken\n`);

  await page.goto(holdfast.url);
  const opener = page.getByRole('button', { name: 'Import folder…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Import a folder of runbooks' });
  const field = dialog.getByLabel('Folder or Markdown file');
  await expect(field).toBeFocused();
  await field.fill(folder);
  await page.keyboard.press('Enter');

  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.locator('.import-counts li').nth(0)).toHaveText('1 imported');
  await expect(report.locator('.import-counts li').nth(3)).toHaveText('1 failed');
  await expect(report.locator('.import-problems li')).toHaveCount(1);
  await expect(report.locator('.import-path')).toContainText('broken.md');
  await expect(report.locator('.import-reason')).not.toBeEmpty();
  await screenshot(page, 'import-report');

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // The imported runbook: its own image loads from the store, the remote one is a placeholder.
  await page.getByRole('link', { name: /Queue backlog/ }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('img', { name: 'Backlog graph' })).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(reader.getByText('[image: Remote graph — https://grafana.example.com/render/backlog.png]')).toBeVisible();
  await expect(reader.locator('img[src^="http"]')).toHaveCount(0);
  await screenshot(page, 'reader-images');
});

test('links out of the app ask first, showing the full address', async ({ page, holdfast, request }) => {
  await page.addInitScript(() => {
    const opened: unknown[][] = [];
    (window as unknown as { __opened: unknown[][] }).__opened = opened;
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
  });
  const runbook = await callApi<{ id: number }>(request, holdfast, 'saveRunbook', {
    metadata: {
      title: 'Edge proxy shedding load',
      links: [{ label: 'Edge dashboard', url: 'https://grafana.example.com/d/edge?orgId=1&from=now-1h' }],
    },
    body: 'Open the [traffic board](https://grafana.example.com/d/traffic) first.\n\n## Mitigation\n1. Raise the limit.\n',
  });

  await page.goto(holdfast.url);
  await page.evaluate((id) => (window.location.hash = `#/runbooks/${id}`), runbook.id);
  const reader = page.getByRole('article');
  await reader.getByRole('link', { name: 'traffic board' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave Holdfast?' });
  await expect(dialog).toContainText('Open https://grafana.example.com/d/traffic in your browser?');
  await screenshot(page, 'confirm-external-link');
  await dialog.getByRole('button', { name: 'Stay here' }).click();
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { __opened: unknown[][] }).__opened)).toEqual([]);

  await reader.getByRole('button', { name: /Edge dashboard/ }).click();
  await expect(dialog).toContainText('https://grafana.example.com/d/edge?orgId=1&from=now-1h');
  await dialog.getByRole('button', { name: 'Open in browser' }).click();
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { __opened: unknown[][] }).__opened)).toEqual([
    ['https://grafana.example.com/d/edge?orgId=1&from=now-1h', '_blank', 'noopener'],
  ]);
});

test('archive asks first and never deletes; duplicate makes a copy', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await page.getByRole('link', { name: /Postgres replication lag/ }).click();
  const reader = page.getByRole('article');
  await reader.getByRole('button', { name: 'Archive…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('never deleted');
  await expect(dialog.getByRole('button', { name: 'Keep it in the library' })).toBeFocused();
  await screenshot(page, 'confirm-archive');
  await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(reader.getByRole('status')).toContainText('Archived');
  await expect(page.locator('#runbook-results li').filter({ hasText: 'Postgres replication lag' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Archived' }).click();
  await expect(page.locator('#runbook-results li').filter({ hasText: 'Postgres replication lag' })).toHaveCount(1);
  await reader.getByRole('status').getByRole('button', { name: 'Unarchive' }).click();
  await expect(reader.getByRole('button', { name: 'Archive…' })).toBeVisible();
  await page.getByRole('button', { name: 'Archived' }).click();
  await expect(page.locator('#runbook-results li').filter({ hasText: 'Postgres replication lag' })).toHaveCount(1);

  const before = page.url();
  await reader.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page).not.toHaveURL(before);
  await expect(page.locator('#runbook-results li').filter({ hasText: 'Postgres replication lag' })).toHaveCount(2);
});
