import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { documentedRoster } from '../fixtures/roster';
import { callApi, expect, screenshot, test, type RunningConsole } from './web-console';

/** The complete example of docs/roster-format.md (read from the doc), whose answers the doc lists. */
const ROSTER = documentedRoster();

/** Four problems on four lines: an unknown zone, a rotation with no members, a handoff that cannot be parsed, an unknown person. */
const BROKEN_ROSTER = `people:
  - handle: ana
    name: Ana Lima
    time_zone: Mars/Olympus_Mons
teams:
  - name: Payments
    schedules:
      - name: Payments primary
        time_zone: America/New_York
        layers:
          - name: Weekly
            members: []
            shift: 1 week
            handoff: "25:99"
            handoff_day: monday
            start: 2026-11-02
        overrides:
          - person: zed
            start: 2026-12-24T17:00:00-05:00
            end: 2026-12-26T09:00:00-05:00
`;

// The viewer sits in Paris, so "your time" differs from every schedule's zone; dates read day-first.
test.use({ timezoneId: 'Europe/Paris', locale: 'en-GB' });

/** Writes a file where the running console can read it (its temporary data folder, removed after the test). */
function writeFile(holdfast: RunningConsole, name: string, text: string): string {
  const folder = path.join(holdfast.dataDir, 'incoming');
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Fails the test if the page breaks its Content-Security-Policy (inline styles, say). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function open(page: Page, holdfast: RunningConsole, hash: string): Promise<void> {
  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.evaluate((to) => (window.location.hash = to), hash);
}

test('imports a roster, shows who is on call at an instant, covers a shift, and the board changes to the override', async ({
  page,
  holdfast,
  context,
}) => {
  test.slow(); // one journey through three screens
  const csp = watchCsp(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: holdfast.origin });
  // Saturday 14 November 2026, 10:00 in New York: the weekend, so only the Weekly layer (Dana's week) covers.
  await page.clock.setFixedTime(new Date('2026-11-14T15:00:00Z'));
  const file = writeFile(holdfast, 'roster.yaml', ROSTER);

  await page.goto(holdfast.url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.keyboard.press('o');
  await expect(page).toHaveURL(/#\/oncall$/);
  await expect(page.getByRole('article', { name: 'Shop' })).toBeVisible(); // the demo roster, until ours comes in

  await page.getByRole('button', { name: 'Import roster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a roster' });
  await dialog.getByLabel('Roster file (YAML) or people (CSV)').fill(file);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  // It replaces the whole demo roster, so it asks first (see the next test).
  await page.getByRole('dialog', { name: /^Remove / }).getByRole('button', { name: /^Remove .* and import$/ }).click();
  await expect(dialog.getByText('Roster imported.')).toBeVisible();
  await expect(dialog.locator('.import-counts')).toContainText('5 people');
  await screenshot(page, 'oncall-import-done');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('article', { name: 'Shop' })).toHaveCount(0);

  const payments = page.getByRole('article', { name: 'Payments' });
  const slot = payments.getByRole('region', { name: 'Payments primary: on call' });
  await expect(slot.locator('.oc-person-name')).toHaveText('Dana Okafor');
  await expect(slot.locator('.oc-until')).toContainText('until Mon 16 Nov 09:00 New York · in 1 d 23 h');
  await expect(slot.locator('.oc-until')).toContainText('Mon 16 Nov 15:00 your time');
  await expect(slot.locator('.oc-next')).toContainText('Eli Moreau');

  // A chosen instant, typed in the viewer's own time: Tue 3 Nov 16:00 in Paris is 10:00 in New York (doc table, row 2).
  await page.getByLabel('At', { exact: true }).fill('2026-11-03T16:00');
  await expect(slot.locator('.oc-person-name')).toHaveText('Eli Moreau');
  await expect(page.getByRole('article', { name: 'Platform' }).locator('.oc-person-name')).toHaveText('Chen Wei');
  await expect(page.getByText('Showing who was on call at Tue 3 Nov 2026 16:00 your time')).toBeVisible();
  await screenshot(page, 'oncall-board-at-instant');

  // Back to now; the escalation chain names Dana with her phone, copied in one click.
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(slot.locator('.oc-person-name')).toHaveText('Dana Okafor');
  await expect(slot.locator('.oc-badge-override')).toHaveCount(0);
  const escalation = payments.getByRole('region', { name: /Escalation/ });
  await expect(escalation.locator('.oc-escalation-level')).toHaveCount(2);
  await expect(escalation.locator('.oc-escalation-level').first()).toContainText('wait 15 min, then level 2');
  await escalation.getByRole('button', { name: 'Copy Phone +1 555 0199 of Dana Okafor to clipboard' }).first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('+1 555 0199');
  await screenshot(page, 'oncall-board-now');

  // "Cover me": on the schedule, click Dana's shift and cover it with Chen.
  await slot.getByRole('link', { name: 'Payments primary' }).first().click();
  await expect(page).toHaveURL(/#\/oncall\/schedules\/Payments%20primary$/);
  const final = page.getByTestId('final-track');
  await final.getByRole('button', { name: /^Dana Okafor, Fri 13 Nov 17:00 to Mon 16 Nov 09:00 New York time/ }).click();
  await page.getByRole('button', { name: 'Cover this shift…' }).click();
  const form = page.getByRole('region', { name: 'Cover Dana Okafor’s shift' });
  await expect(form.getByLabel('Start (New York time)')).toHaveValue('2026-11-13T17:00');
  await expect(form.getByLabel('End (New York time)')).toHaveValue('2026-11-16T09:00');
  await expect(form.getByLabel('Who covers')).toBeFocused();
  await form.getByLabel('Who covers').selectOption('chen');
  await screenshot(page, 'oncall-cover-shift-form');
  await form.getByRole('button', { name: 'Add override' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Override added' })).toContainText('Chen Wei');
  await expect(final.getByRole('button', { name: /^Chen Wei, Fri 13 Nov 17:00 to Mon 16 Nov 09:00 New York time, override$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Overrides/ }).locator('tbody tr')).toHaveCount(2);
  await screenshot(page, 'oncall-schedule-after-override');

  // The board now shows the override's person, marked as an override.
  await page.keyboard.press('o');
  await expect(slot.locator('.oc-person-name')).toHaveText('Chen Wei');
  await expect(slot.locator('.oc-badge-override')).toHaveText('override');
  await screenshot(page, 'oncall-board-override');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'oncall-board-override-dark');
  expect(csp).toEqual([]);
});

test('an import that would remove more than five entries asks first, naming them; cancel changes nothing, confirm backs up first', async ({
  page,
  holdfast,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-14T15:00:00Z'));
  const file = writeFile(holdfast, 'roster.yaml', ROSTER);
  await open(page, holdfast, '#/oncall');
  await expect(page.getByRole('article', { name: 'Shop' })).toBeVisible();

  await page.getByRole('button', { name: 'Import roster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a roster' });
  await dialog.getByLabel('Roster file (YAML) or people (CSV)').fill(file);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove 6 people, 3 teams, 3 schedules and 3 escalation policies?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('A backup of the whole store is taken first.');
  await expect(confirm.getByRole('listitem').filter({ hasText: 'people:' })).toContainText('Maya');
  await expect(confirm.getByRole('listitem').filter({ hasText: 'schedules:' })).toContainText('Data follow-the-sun');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused(); // the safe answer is the default
  await screenshot(page, 'oncall-import-confirm-removal');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'oncall-import-confirm-removal-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Not imported: the roster is unchanged.')).toBeVisible();
  const beforeImport = () => fs.readdirSync(path.join(holdfast.dataDir, 'backups')).filter((name) => name.startsWith('holdfast-before-roster-import-'));
  expect(beforeImport()).toHaveLength(0);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await confirm.getByRole('button', { name: 'Remove 6 people, 3 teams, 3 schedules and 3 escalation policies and import' }).click();
  await expect(dialog.getByText('Roster imported.')).toBeVisible();
  await expect(dialog.locator('.import-removed')).toContainText('Maya');
  await expect(dialog.getByText(/The store as it was before is kept in .*holdfast-before-roster-import-.*\.db/)).toBeVisible();
  expect(beforeImport()).toHaveLength(1);
  await screenshot(page, 'oncall-import-after-removal');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('article', { name: 'Shop' })).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Payments' })).toBeVisible();
});

test('"Cover a shift" (c) starts now, to the minute, not at the next half hour, and runs to the end of the shift on call now', async ({
  page,
  holdfast,
  request,
}) => {
  await callApi(request, holdfast, 'importRoster', { path: writeFile(holdfast, 'roster.yaml', ROSTER) });
  // Saturday 14 November 2026, 10:17:40 in New York: Dana's week, until Monday 09:00.
  await page.clock.setFixedTime(new Date('2026-11-14T15:17:40Z'));
  await open(page, holdfast, '#/oncall/schedules/Payments%20primary');
  await expect(page.getByTestId('final-track').getByRole('button', { name: /^Dana Okafor, / })).toBeVisible();
  await page.keyboard.press('c');
  const form = page.getByRole('region', { name: 'Cover a shift' });
  await expect(form.getByLabel('Start (New York time)')).toHaveValue('2026-11-14T10:17');
  await expect(form.getByLabel('End (New York time)')).toHaveValue('2026-11-16T09:00');
  await expect(form.getByLabel('Note (optional)')).toHaveValue('Covering Dana Okafor');
});

test('a schedule the store holds a bad date for says so on the Now board; the other teams answer as usual', async ({ page, holdfast, request }) => {
  await callApi(request, holdfast, 'importRoster', { path: writeFile(holdfast, 'roster.yaml', ROSTER) });
  // Written behind Holdfast's back, as an older version or a hand edit with sqlite3 could have.
  const db = new Database(path.join(holdfast.dataDir, 'holdfast.db'));
  db.prepare("UPDATE schedules SET layers = replace(layers, '2026-11-02', '2026-13-01') WHERE name = 'Payments primary'").run();
  db.close();
  await page.clock.setFixedTime(new Date('2026-11-14T15:00:00Z'));
  await open(page, holdfast, '#/oncall');
  const slot = page.getByRole('article', { name: 'Payments' }).getByRole('region', { name: 'Payments primary: on call' });
  await expect(slot.getByRole('alert')).toContainText('Cannot say who is on call');
  await expect(slot.getByRole('alert')).toContainText('layer "Weekly": its start "2026-13-01" is not a date on the calendar');
  await expect(page.getByRole('article', { name: 'Platform' }).locator('.oc-person-name')).toHaveText('Eli Moreau');
  await expect(page.getByText(/Unexpected error/)).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Payments' }).locator('.oc-level-nobody').first()).toHaveText(
    /^\s*Unknown: who is on call for Payments primary cannot be worked out \(its roster needs fixing\)\.$/,
  );
  await screenshot(page, 'oncall-board-bad-stored-date');
  await slot.getByRole('link', { name: 'Payments primary' }).first().click();
  await expect(page.getByText(/Cannot work out who is on call for Payments primary/).first()).toBeVisible();
  await expect(page.getByText(/Unexpected error/)).toHaveCount(0);
  await screenshot(page, 'oncall-schedule-bad-stored-date');
});

test('the schedule view shows the final row, each layer and a gap, a month, and downloads iCal', async ({ page, holdfast, request }) => {
  test.slow(); // the board, a week, two months and a download
  const csp = watchCsp(page);
  // Saturday 31 October 2026, noon in New York: the Weekly layer only starts on Monday 2 November, so there is a gap.
  await page.clock.setFixedTime(new Date('2026-10-31T16:00:00Z'));
  await callApi(request, holdfast, 'importRoster', { path: writeFile(holdfast, 'roster.yaml', ROSTER) });

  // The board says so loudly first.
  await open(page, holdfast, '#/oncall');
  const slot = page.getByRole('article', { name: 'Payments' }).getByRole('region', { name: 'Payments primary: on call' });
  await expect(slot.getByText('GAP — nobody is on call')).toBeVisible();
  // Monday 09:00 both layers start; on a weekday the Business hours layer wins.
  await expect(slot.locator('.oc-next')).toContainText('Eli Moreau from Mon 2 Nov 09:00 New York');
  await screenshot(page, 'oncall-board-gap');

  await page.evaluate(() => (window.location.hash = '#/oncall/schedules/Payments%20primary'));
  await expect(page.getByRole('heading', { level: 1, name: 'Payments primary' })).toBeVisible();
  // The week starts today at 00:00 in the schedule's zone, and crosses the 1 November clock change.
  await expect(page.locator('.oc-range-label')).toHaveText('Sat 31 Oct – Fri 6 Nov 2026');
  await expect(page.locator('.oc-timeline-day')).toHaveCount(7);
  await expect(page.locator('.oc-timeline-day').first()).toHaveText('Sat 31 Oct');
  await expect(page.locator('.oc-timeline-row-final .oc-timeline-label')).toContainText('Final');
  await expect(page.locator('.oc-timeline-row-layer .oc-timeline-label strong')).toHaveText(['Business hours', 'Weekly']);
  const final = page.getByTestId('final-track');
  await expect(final.locator('.oc-shift-gap')).toHaveCount(1);
  await expect(final.getByRole('button', { name: /^GAP: nobody on call, .* to Mon 2 Nov 09:00 New York time$/ })).toBeVisible();
  await expect(final.getByRole('button', { name: /^Ana Lima, Mon 2 Nov 17:00 to / })).toBeVisible();
  const weekly = page.getByRole('list', { name: 'Weekly' });
  await expect(weekly.getByRole('listitem').first()).toContainText('Ana Lima');
  await expect(page.getByRole('list', { name: 'Business hours' }).getByRole('listitem')).toHaveCount(5);
  await screenshot(page, 'oncall-schedule-week-gap');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'oncall-schedule-week-gap-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The month, then the next one, with the holiday override marked.
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await expect(page.locator('.oc-range-label')).toHaveText('October 2026');
  await page.getByRole('button', { name: 'Next month' }).click();
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.locator('.oc-range-label')).toHaveText('December 2026');
  await expect(page.locator('.oc-timeline-day')).toHaveCount(31);
  await expect(final.getByRole('button', { name: /^Bo Andersen, Thu 24 Dec 17:00 to Sat 26 Dec 09:00 New York time, override$/ })).toBeVisible();
  await screenshot(page, 'oncall-schedule-month');

  // Download iCal: the schedule's shifts as a calendar file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download iCal' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Payments primary.ics');
  const ics = fs.readFileSync(await file.path(), 'utf8');
  expect(ics).toMatch(/^BEGIN:VCALENDAR/);
  expect(ics).toContain('BEGIN:VEVENT');
  expect(csp).toEqual([]);
});

test('dragging across the final row covers a span; an overlapping override is refused; deleting asks first', async ({
  page,
  holdfast,
  request,
}) => {
  test.slow(); // a drag, two overrides and a confirmation
  const csp = watchCsp(page);
  await page.clock.setFixedTime(new Date('2026-10-31T16:00:00Z'));
  await callApi(request, holdfast, 'importRoster', { path: writeFile(holdfast, 'roster.yaml', ROSTER) });
  await open(page, holdfast, '#/oncall/schedules/Payments%20primary');
  const final = page.getByTestId('final-track');
  await expect(final.locator('.oc-shift-gap')).toHaveCount(1);

  // Drag across the final row from Tue 3 Nov 12:00 to Wed 4 Nov 18:00 (New York): the span snaps to half hours.
  const from = Date.parse('2026-10-31T04:00:00Z');
  const to = Date.parse('2026-11-07T05:00:00Z');
  const box = await final.boundingBox();
  if (!box) throw new Error('the final row is not on screen');
  const x = (iso: string) => box.x + (box.width * (Date.parse(iso) - from)) / (to - from);
  const y = box.y + box.height / 2;
  await page.mouse.move(x('2026-11-03T17:00:00Z'), y);
  await page.mouse.down();
  await page.mouse.move(x('2026-11-04T12:00:00Z'), y, { steps: 5 });
  await page.mouse.move(x('2026-11-04T23:00:00Z'), y, { steps: 5 });
  await page.mouse.up();
  const form = page.getByRole('region', { name: 'Cover the selected span' });
  await expect(form.getByLabel('Start (New York time)')).toHaveValue('2026-11-03T12:00');
  await expect(form.getByLabel('End (New York time)')).toHaveValue('2026-11-04T18:00');
  await expect(form.getByText('Covers 1 d 6 h')).toBeVisible();
  await form.getByLabel('Who covers').selectOption('bo');
  await form.getByLabel('Note (optional)').fill('Swap with Ana');
  await form.getByRole('button', { name: 'Add override' }).click();
  await expect(final.getByRole('button', { name: /^Bo Andersen, Tue 3 Nov 12:00 to Wed 4 Nov 18:00 New York time, override$/ })).toBeVisible();

  // An override over that one is refused, and the form says why beside it.
  await page.getByRole('button', { name: /^Cover a shift…/ }).click();
  const cover = page.getByRole('region', { name: 'Cover a shift' });
  await cover.getByLabel('Who covers').selectOption('ana');
  await cover.getByLabel('Start (New York time)').fill('2026-11-04T12:00');
  await cover.getByLabel('End (New York time)').fill('2026-11-05T12:00');
  await cover.getByRole('button', { name: 'Add override' }).click();
  const problem = cover.getByRole('alert');
  await expect(problem).toContainText('Overlaps another override');
  await expect(problem).toContainText('already has an override');
  await expect(problem).toContainText('Bo Andersen already covers from Tue 3 Nov 12:00 New York');
  await screenshot(page, 'oncall-schedule-conflict');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'oncall-schedule-conflict-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await cover.getByRole('button', { name: 'Cancel' }).click();

  // Delete asks first.
  const overrides = page.getByRole('region', { name: /Overrides/ });
  await expect(overrides.locator('tbody tr')).toHaveCount(2);
  await overrides.getByRole('button', { name: /^Delete override: Bo Andersen from Tue 3 Nov 12:00/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this override?' });
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete override' }).click();
  await expect(overrides.locator('tbody tr')).toHaveCount(1);
  await expect(final.locator('.oc-shift-override')).toHaveCount(0);

  expect(csp).toEqual([]);
});

test('a broken roster file shows every problem in the dialog, and the board is unchanged', async ({ page, holdfast, request }) => {
  const file = writeFile(holdfast, 'broken.yaml', BROKEN_ROSTER);
  const refused = (await (
    await request.post(`${holdfast.origin}/api/importRoster`, { headers: { Authorization: `Bearer ${holdfast.token}` }, data: { path: file } })
  ).json()) as { ok: false; error: { code: string; message: string; details: string[] } };
  expect(refused.ok).toBe(false);
  expect(refused.error.details).toHaveLength(4);
  expect(refused.error.details.at(-1)).toMatch(/^broken\.yaml:18: .*"zed" is not the handle of anyone/);

  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00Z')); // so the board's "in 3 h" cannot tick between looks
  await open(page, holdfast, '#/oncall');
  const cards = page.locator('.oc-team-card h2');
  await expect(cards).toHaveText(['Data', 'Edge', 'Shop']);
  const before = await page.locator('.oc-team-cards').innerText();

  await page.getByRole('button', { name: 'Import roster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a roster' });
  await dialog.getByLabel('Roster file (YAML) or people (CSV)').fill(file);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const problems = dialog.getByRole('alert');
  await expect(problems).toContainText(refused.error.message);
  for (const line of refused.error.details) await expect(problems.getByText(line, { exact: true })).toBeVisible();
  await expect(problems).toContainText('broken.yaml:4');
  await expect(dialog.getByLabel('Roster file (YAML) or people (CSV)')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'oncall-import-refused');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'oncall-import-refused-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cards).toHaveText(['Data', 'Edge', 'Shop']);
  expect(await page.locator('.oc-team-cards').innerText()).toBe(before);
  const roster = await callApi<{ people: { handle: string }[] }>(request, holdfast, 'getRoster', {});
  expect(roster.people.map((p) => p.handle).sort()).toEqual(['ines', 'jonas', 'lee', 'maya', 'priya', 'sam']);
});

test('the import dialog takes a CSV of people too: a bad row is named by its line, a good file adds people and leaves the teams', async ({
  page,
  holdfast,
  request,
}) => {
  const bad = writeFile(holdfast, 'people-bad.csv', 'handle,name,time_zone,phone\nzoe,Zoe Quinn,Europe/Berlin,+49 30 1234\n\nyan,Yan Li,Mars/Olympus_Mons,\n');
  const good = writeFile(holdfast, 'people.csv', 'handle,name,time_zone,phone,email\nzoe,Zoe Quinn,Europe/Berlin,+49 30 1234,\nyan,Yan Li,Asia/Shanghai,,yan@example.com\n');
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00Z'));
  await open(page, holdfast, '#/oncall');
  const cards = page.locator('.oc-team-card h2');
  await expect(cards).toHaveText(['Data', 'Edge', 'Shop']);

  await page.getByRole('button', { name: 'Import roster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a roster' });
  const field = dialog.getByLabel('Roster file (YAML) or people (CSV)');
  await field.fill(bad);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('The people were not imported (1 problem); nothing was changed.');
  await expect(dialog.getByRole('alert').getByText('people-bad.csv:4: "Mars/Olympus_Mons" is not a time zone the tz database knows', { exact: true })).toBeVisible();

  await field.fill(good);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText('People imported.')).toBeVisible();
  await expect(dialog.locator('.import-counts')).toHaveText('2 people added or updated');
  await screenshot(page, 'oncall-import-people-csv');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(cards).toHaveText(['Data', 'Edge', 'Shop']);
  const roster = await callApi<{ people: { handle: string; contacts: { kind: string; value: string }[] }[] }>(request, holdfast, 'getRoster', {});
  expect(roster.people.map((p) => p.handle).sort()).toEqual(['ines', 'jonas', 'lee', 'maya', 'priya', 'sam', 'yan', 'zoe']);
  expect(roster.people.find((p) => p.handle === 'zoe')?.contacts).toEqual([{ kind: 'phone', value: '+49 30 1234' }]);
});

test('with no roster, the board explains how to load one', async ({ page, holdfast, request }) => {
  await callApi(request, holdfast, 'clearDemoWorkspace', {});
  await open(page, holdfast, '#/oncall');
  await expect(page.getByRole('heading', { name: 'No on-call roster yet' })).toBeVisible();
  await expect(page.getByText('holdfast roster import roster.yaml')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import roster…' })).toBeVisible();
  await screenshot(page, 'oncall-empty');
});

test('the load report charts hours per person and exports the same numbers as CSV', async ({ page, holdfast, request }) => {
  const csp = watchCsp(page);
  await page.clock.setFixedTime(new Date('2026-11-20T12:00:00Z'));
  await callApi(request, holdfast, 'importRoster', { path: writeFile(holdfast, 'roster.yaml', ROSTER) });
  await open(page, holdfast, '#/oncall/load');
  await expect(page.getByRole('heading', { name: 'On-call load' })).toBeVisible();
  // The default period: the last 30 days, today included.
  await expect(page.getByLabel('First day')).toHaveValue('2026-10-22');
  await expect(page.getByLabel('Last day')).toHaveValue('2026-11-20');
  await expect(page.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');

  // Platform on Mon 2 and Tue 3 November (Paris days): Chen and Eli each hold 24 hours, split in their own zones
  // (Chen in Tokyo: 08:00–19:00 Mon, 19:00–08:00 Tue night; Eli in London: 10:00 Mon – 10:00 Tue).
  await page.getByLabel('First day').fill('2026-11-02');
  await page.getByLabel('Last day').fill('2026-11-03');
  await page.getByLabel('Team', { exact: true }).selectOption('Platform');
  const table = page.getByRole('table', { name: 'Hours on call, per person' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').nth(0)).toHaveText(/Chen Wei.*8\s*7\s*9\s*24/);
  await expect(table.locator('tbody tr').nth(1)).toHaveText(/Eli Moreau.*8\s*7\s*9\s*24/);
  await expect(table.locator('tfoot tr')).toHaveText(/Everyone\s*16\s*14\s*18\s*48/);

  const chart = page.getByRole('figure', { name: 'Hours on call per person' });
  await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(6);
  await expect(chart.locator('.recharts-legend-item-text')).toHaveText(['Business hours', 'Off-hours', 'Sleep hours']);
  await expect(chart.locator('text', { hasText: 'Chen Wei' })).toBeVisible();
  await expect(chart.locator('text', { hasText: 'Eli Moreau' })).toBeVisible();
  await screenshot(page, 'oncall-load');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'oncall-load-dark');

  const expected = 'handle,name,business_hours,off_hours,sleep_hours,total_hours\r\nchen,Chen Wei,8.00,7.00,9.00,24.00\r\neli,Eli Moreau,8.00,7.00,9.00,24.00\r\n';
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('oncall-load-2026-11-02-to-2026-11-03-Platform.csv');
  expect(fs.readFileSync(await file.path(), 'utf8')).toBe(expected);

  // The same numbers as the core's own report for those instants (Paris midnight is 23:00 UTC).
  const rows = await callApi<{ person: { handle: string }; totalHours: number; sleepHours: number }[]>(request, holdfast, 'loadReport', {
    from: '2026-11-01T23:00:00Z',
    to: '2026-11-03T23:00:00Z',
    team: 'Platform',
  });
  expect(rows.map((row) => [row.person.handle, row.totalHours, row.sleepHours])).toEqual([
    ['chen', 24, 9],
    ['eli', 24, 9],
  ]);
  expect(csp).toEqual([]);
});
