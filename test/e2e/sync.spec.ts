import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, holdfastCli, openConsole, screenshot, startConsole, test } from './web-console';

/** Runs the built CLI and fails the test with its stderr if it fails. */
function cli(...args: string[]): string {
  const result = holdfastCli(args);
  expect(result.status, `holdfast ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** A scratch folder holding an empty bare repository: the team's remote, on this disk. */
function teamRemote(name: string): { scratch: string; remote: string } {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `holdfast-e2e-${name}-`));
  const remote = path.join(scratch, 'team.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', remote]);
  return { scratch, remote };
}

/** Stops the console and removes the scratch folder with its data folders and remote. */
async function closeConsole(running: { stop(): Promise<void> }, scratch: string): Promise<void> {
  await running.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
}

/** Changes one line of a data folder's runbook as its author would: exported, edited, imported again (matched by its id). */
function editRunbook(dataDir: string, scratch: string, from: string, to: string): void {
  const out = path.join(scratch, `export-${path.basename(dataDir)}`);
  cli('--data', dataDir, 'runbooks', 'export', out);
  const file = path.join(out, 'disk-full.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
  cli('--data', dataDir, 'runbooks', 'import', file);
}

test('the console shows the team sync state, and its conflict view settles a runbook both machines changed', async ({ page }) => {
  // Two data folders are prepared with the CLI (about a dozen runs of it) before the console opens.
  test.setTimeout(180_000);
  const { scratch, remote } = teamRemote('sync');
  const [a, b] = [path.join(scratch, 'a'), path.join(scratch, 'b')];
  const source = path.join(scratch, 'disk-full.md');
  fs.writeFileSync(source, '# Disk full\n\n## Mitigation\n\n1. Delete old logs.\n2. Grow the volume.\n');
  cli('--data', a, 'init');
  cli('--data', a, 'runbooks', 'import', source);
  cli('--data', a, 'sync', 'init', remote);
  cli('--data', b, 'init');
  cli('--data', b, 'sync', 'init', remote);
  // Both change the same line: A syncs first, B meets the conflict.
  editRunbook(a, scratch, 'Delete old logs.', 'Delete old logs older than 7 days.');
  cli('--data', a, 'sync');
  editRunbook(b, scratch, 'Delete old logs.', 'Compress old logs first.');
  const clash = JSON.parse(cli('--data', b, 'sync', '--json')) as { conflicts: { path: string; kind: string }[] };
  expect(clash.conflicts).toEqual([expect.objectContaining({ kind: 'runbook' })]);

  const running = await startConsole([], { dataDir: b });
  try {
    await openConsole(page, running.url, '#/runbooks');
    const indicator = page.locator('.sync-indicator');
    await expect(indicator).toHaveText(/1 conflict/);
    await screenshot(page, 'sync-indicator-light');
    await indicator.click();
    const dialog = page.getByRole('dialog', { name: 'Team sync' });
    await expect(dialog).toContainText(remote);
    await dialog.getByRole('button', { name: /disk-full\.md/ }).click();

    const view = page.getByRole('dialog', { name: /Conflict: runbooks\/disk-full\.md/ });
    await expect(view.getByRole('region', { name: 'Mine' })).toContainText('Compress old logs first.');
    await expect(view.getByRole('region', { name: 'Theirs' })).toContainText('Delete old logs older than 7 days.');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'sync-conflict-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'sync-conflict-light');
    // Edit the merge: both machines' words, nothing lost.
    const merge = view.getByRole('textbox', { name: /The merge/ });
    await merge.fill((await merge.inputValue()).replace('Compress old logs first.', 'Compress old logs first, then delete those older than 7 days.'));
    await view.getByRole('button', { name: 'Save the merge' }).click();
    await expect(view).toBeHidden();
    // Back in the sync dialog: no conflict left.
    await expect(dialog).toContainText('No conflicts.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(indicator).not.toHaveText(/conflict/);
    await page.getByRole('link', { name: 'Disk full' }).first().click();
    await expect(page.locator('main')).toContainText('Compress old logs first, then delete those older than 7 days.');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'sync-indicator-dark');
  } finally {
    await closeConsole(running, scratch);
  }
});

test('a status changed on two machines at once is flagged on the incident screen, and one key keeps a side, settling it', async ({ page }) => {
  test.setTimeout(180_000);
  const { scratch, remote } = teamRemote('concurrent');
  const [a, b] = [path.join(scratch, 'a'), path.join(scratch, 'b')];
  cli('--data', a, 'init');
  const id = cli('--data', a, 'incident', 'declare', '--title', 'Checkout errors', '--severity', 'SEV2').trim();
  cli('--data', a, 'sync', 'init', remote);
  cli('--data', b, 'init');
  cli('--data', b, 'sync', 'init', remote);
  // Offline, Ana mitigates on A and then Bo resolves on B, neither seeing the other's change; they sync in turn.
  cli('--data', a, '--as', 'Ana Lima', 'incident', 'status', id, 'monitoring');
  cli('--data', b, '--as', 'Bo Chen', 'incident', 'status', id, 'resolved', '--summary', 'Rolled back checkout to v142.');
  cli('--data', a, 'sync');
  cli('--data', b, 'sync');
  const shown = JSON.parse(cli('--data', b, 'incident', 'show', id, '--json')) as { concurrent: { field: string; changes: { value: string; actor: string }[] }[] };
  expect(shown.concurrent.map((change) => [change.field, change.changes.map((head) => `${head.value} by ${head.actor}`)])).toEqual([['status', ['monitoring by Ana Lima', 'resolved by Bo Chen']]]);

  const running = await startConsole([], { dataDir: b });
  try {
    await openConsole(page, running.url, `#/incidents/${id}`);
    const flag = page.getByRole('region', { name: 'Changed on two machines at once' });
    await expect(flag).toContainText(/Status was changed on two machines: Monitoring by Ana Lima at \d{4}-\d\d-\d\d \d\d:\d\d \S+, Resolved by Bo Chen at .+ — choose one\./);
    await expect(flag.getByRole('button', { name: /Keep Monitoring \(Ana Lima\)/ })).toHaveAttribute('aria-keyshortcuts', '1');
    await screenshot(page, 'incident-concurrent-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'incident-concurrent-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The viewer link sees the flag, and nothing to press.
    const viewer = await page.context().newPage();
    await openConsole(viewer, running.viewerUrl, `#/incidents/${id}`);
    const seen = viewer.getByRole('region', { name: 'Changed on two machines at once' });
    await expect(seen).toContainText('the commander chooses one.');
    await expect(seen.getByRole('button')).toHaveCount(0);

    // The commander presses 1: Ana's Monitoring is kept, after both changes; the flag goes, on the viewer's screen too.
    await page.locator('body').press('1');
    await expect(flag).toBeHidden();
    await expect(page.locator('.timeline-scroll .tl-event[data-type="status_changed"]').last()).toContainText('Status settled: monitoring (chosen over resolved by Bo Chen)');
    await expect(seen).toBeHidden();
    const settled = JSON.parse(cli('--data', b, 'incident', 'show', id, '--json')) as { status: string; concurrent: unknown[] };
    expect(settled).toMatchObject({ status: 'monitoring', concurrent: [] });
  } finally {
    await closeConsole(running, scratch);
  }
});

test('git not found: the sync indicator says so and leads to the path to git in Settings, which refuses a wrong path in words and takes a right one', async ({ page }) => {
  test.setTimeout(120_000);
  const { scratch, remote } = teamRemote('gitpath');
  const data = path.join(scratch, 'data');
  cli('--data', data, 'init');
  cli('--data', data, 'sync', 'init', remote);
  // Git set in Settings at a path it was then removed from.
  const gone = path.join(scratch, 'bin', 'git');
  fs.mkdirSync(path.dirname(gone));
  fs.writeFileSync(gone, '#!/bin/sh\nexec git "$@"\n', { mode: 0o755 });
  cli('--data', data, 'settings', '--git-path', gone);
  fs.rmSync(gone);
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

  const running = await startConsole([], { dataDir: data });
  try {
    await openConsole(page, running.url, '#/runbooks');
    const indicator = page.locator('.sync-indicator');
    await expect(indicator).toHaveText(/Git not found/);
    await indicator.click();
    const dialog = page.getByRole('dialog', { name: 'Team sync' });
    await expect(dialog).toContainText(`Git was not found (the git set in Settings, ${gone}, does not exist): team sync is off and Holdfast keeps working on this machine.`);
    await screenshot(page, 'sync-no-git-light');
    await dialog.getByRole('link', { name: 'Set the path to git in Settings' }).click();

    // The field takes the keyboard, holding the path that no longer works.
    const field = page.getByRole('textbox', { name: 'Path to git' });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(gone);
    await field.fill('git');
    await page.getByRole('button', { name: 'Save path' }).click();
    const section = page.getByRole('region', { name: 'Git for the team workspace' });
    await expect(section.getByRole('alert')).toHaveText(/^The path to git must be a full path, such as \/usr\/bin\/git .*“git” is not\./);
    await section.getByRole('alert').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-git-path-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'settings-git-path-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The real git: kept, and the indicator finds it.
    await field.fill(realGit);
    await page.getByRole('button', { name: 'Save path' }).click();
    await expect(section.getByRole('status')).toHaveText(`Saved. Team sync runs ${realGit}.`);
    await expect(indicator).not.toHaveText(/Git not found/);
    // Emptied: git on PATH again.
    await field.fill('');
    await page.getByRole('button', { name: 'Save path' }).click();
    await expect(section.getByRole('status')).toHaveText('Saved. Team sync runs git from PATH.');
    expect(cli('--data', data, 'info')).toContain('git for team sync: git on PATH');
  } finally {
    await closeConsole(running, scratch);
  }
});
