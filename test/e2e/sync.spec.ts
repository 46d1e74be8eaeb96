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
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-e2e-sync-'));
  const remote = path.join(scratch, 'team.git');
  const [a, b] = [path.join(scratch, 'a'), path.join(scratch, 'b')];
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', remote]);
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
    await running.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
