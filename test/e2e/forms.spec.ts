import { expect, screenshot, test } from './web-console';

// Every form follows one rule (src/renderer/components/form-errors.ts): a message leaves as soon as what it is about changes.

test('"Give the incident a title" leaves once a title is typed', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.keyboard.press('Control+i');
  const declare = page.getByRole('dialog', { name: 'Declare an incident' });
  await declare.getByRole('button', { name: 'Declare incident' }).click();
  const title = declare.getByLabel('Title');
  await expect(declare.getByText('Give the incident a title')).toBeVisible();
  await expect(title).toHaveAttribute('aria-invalid', 'true');

  await title.fill('Checkout failing');
  await expect(declare.getByText('Give the incident a title')).toHaveCount(0);
  await expect(title).not.toHaveAttribute('aria-invalid');
  await declare.getByRole('button', { name: 'Declare incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout failing' })).toBeVisible();
});

test('"Not saved. Fix the fields marked below" leaves with the last field it pointed at', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await page.getByRole('link', { name: /New runbook/ }).click();
  await page.getByLabel('Markdown', { exact: true }).fill('## Steps\n1. Do the thing\n');
  await page.getByLabel('Review every (days)').fill('ninety');
  await page.keyboard.press('Control+s');
  const titleField = page.locator('.field').filter({ has: page.getByLabel('Title', { exact: true }) });
  const intervalField = page.locator('.field').filter({ has: page.getByLabel('Review every (days)') });
  const problem = page.locator('.save-problem');
  await expect(titleField).toContainText('a runbook needs a title');
  await expect(intervalField).toContainText('a whole number of days');
  await expect(problem).toContainText('Not saved. Fix the fields marked below');

  await page.getByLabel('Title', { exact: true }).fill('Flux capacitor overheating');
  await expect(titleField).not.toContainText('a runbook needs a title');
  await expect(problem).toContainText('Fix the fields marked below');
  await page.getByLabel('Review every (days)').fill('90');
  await expect(intervalField).not.toContainText('a whole number of days');
  await expect(problem).toHaveCount(0);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await screenshot(page, 'editor-validation-fixed');
  await page.keyboard.press('Control+s');
  await expect(page).toHaveURL(/#\/runbooks\/\d+$/);
});

test('a drill scenario’s banner of fields to fix empties as they are fixed', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate(() => (window.location.hash = '#/drills/new'));
  const editor = page.locator('.scenario-editor');
  await editor.getByRole('button', { name: /Save scenario/ }).click();
  const banner = editor.getByRole('alert');
  await expect(banner).toContainText('Give the scenario a title.');
  await expect(banner).toContainText('Inject 1 needs a title.');
  await editor.getByLabel('Title').first().fill('Payments slow');
  await expect(banner).not.toContainText('Give the scenario a title.');
  await expect(banner).toContainText('Inject 1 needs a title.');
  const inject = editor.getByRole('group', { name: 'Inject 1' });
  await inject.getByLabel('Title').fill('Timeouts');
  await inject.getByLabel('Minutes after the start').fill('2');
  await expect(banner).toHaveCount(0);
});
