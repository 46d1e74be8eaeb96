import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './web-console';

const HOSTILE = `---
title: Hostile runbook
tags: [security-test]
---
# Hostile runbook

Plain words before the traps.

<script>window.__pwned = 'script';</script>
<img src="x" onerror="window.__pwned = 'onerror'">
<a href="javascript:window.__pwned='link'">click me</a>
<iframe src="https://example.com"></iframe>
<details><summary>Allowed details</summary>Hidden text</details>

| Step | Command |
|------|---------|
| 1    | \`systemctl restart app\` |

\`\`\`bash
kubectl rollout undo deployment/checkout
\`\`\`

## Mitigation

- [ ] Restart the app <img src="y" onerror="window.__pwned = 'step'"><script>window.__pwned = 'step-script'</script>
`;

test('raw HTML in a runbook is sanitised: nothing runs, harmless markup stays', async ({ page, holdfast, request }) => {
  const folder = path.join(holdfast.dataDir, 'incoming');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'hostile.md'), HOSTILE);
  const imported = await request.post(`${holdfast.origin}/api/importRunbooks`, {
    headers: { Authorization: `Bearer ${holdfast.token}` },
    data: { paths: [folder] },
  });
  expect(await imported.json()).toMatchObject({ ok: true, value: { imported: 1 } });

  await page.goto(holdfast.url);
  await page.getByRole('link', { name: /Hostile runbook/ }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByText('Plain words before the traps.')).toBeVisible();
  await expect(reader.getByText('Allowed details')).toBeVisible();
  await expect(reader.getByRole('table')).toContainText('systemctl restart app');
  await expect(reader.locator('script, iframe, [onerror]')).toHaveCount(0);
  const link = reader.getByText('click me');
  expect(await link.getAttribute('href')).toBeNull();
  // The step outline renders the step's own Markdown through the same sanitizer.
  await expect(reader.locator('.steps-outline .step')).toHaveCount(1);
  await expect(reader.locator('.steps-outline .step')).toContainText('Restart the app');
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  await screenshot(page, 'reader-sanitised');

  // So does the editor's live preview, as the author types.
  await page.keyboard.press('e');
  await expect(page.getByRole('region', { name: 'Preview' }).getByText('Plain words before the traps.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Step outline' }).locator('.step')).toHaveCount(1);
  await expect(page.locator('main script, main iframe, main [onerror]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
});

test('the copy button puts a code block on the clipboard', async ({ page, holdfast, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: holdfast.origin });
  await page.goto(holdfast.url);
  await page.getByRole('link', { name: /Checkout error rate/ }).click();
  const block = page.getByRole('article').locator('.code-block').first();
  const code = (await block.locator('pre').innerText()).trim();
  await block.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(block.getByRole('button', { name: 'Copy to clipboard' })).toHaveText('Copied');
  await screenshot(page, 'reader-copied');
  expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(code);
});

test('copying a terminal session copies its commands without prompts or output; the page shows it as written', async ({ page, holdfast, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: holdfast.origin });
  const folder = path.join(holdfast.dataDir, 'incoming');
  fs.mkdirSync(folder);
  // A session as runbooks show one (the prometheus-operator runbooks write 20-odd like it), and a YAML fragment.
  const session = '$ NODE_NAME=<instance label from alert>\n$ kubectl -n default debug node/$NODE_NAME\nCreating debugging pod node-debugger-x\n$ chroot /host';
  fs.writeFileSync(
    path.join(folder, 'NodeDiskFull.md'),
    `# Node disk full\n\nOpen a shell on the node:\n\n\`\`\`shell\n${session}\n\`\`\`\n\n## Mitigation\n\n1. Find what grows: \`$ du -xsh /var/log/*\`\n2. Cap the logs in the kubelet config:\n\n   \`\`\`yaml\n     containerLogMaxSize: 50Mi\n     containerLogMaxFiles: 3\n   \`\`\`\n`,
  );
  const imported = await request.post(`${holdfast.origin}/api/importRunbooks`, {
    headers: { Authorization: `Bearer ${holdfast.token}` },
    data: { paths: [folder] },
  });
  expect(await imported.json()).toMatchObject({ ok: true, value: { imported: 1 } });
  await page.goto(holdfast.url);
  await page.getByRole('link', { name: /Node disk full/ }).click();
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  const block = page.getByRole('article').locator('.code-block').first();
  await expect(block.locator('pre')).toHaveText(session);
  await block.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(block.getByRole('button', { name: 'Copy to clipboard' })).toHaveText('Copied');
  expect(await clipboard()).toBe('NODE_NAME=<instance label from alert>\nkubectl -n default debug node/$NODE_NAME\nchroot /host');

  const outline = page.getByRole('region', { name: 'Steps (2)' });
  // An inline command is shown as written, in its step's text, with its Copy button beside it.
  await expect(outline.locator('code', { hasText: 'du -xsh' })).toHaveText('$ du -xsh /var/log/*');
  await outline.getByRole('button', { name: 'Copy command $ du -xsh /var/log/* to clipboard' }).click();
  expect(await clipboard()).toBe('du -xsh /var/log/*');
  // A fragment without prompts is copied as written, the indentation of its first line included.
  await outline.getByRole('button', { name: /^Copy command\s+containerLogMaxSize/ }).click();
  expect(await clipboard()).toBe('  containerLogMaxSize: 50Mi\n  containerLogMaxFiles: 3');
  await screenshot(page, 'reader-session-copied');
});

test('the reader lists related runbooks (same service or tags), and one click opens one', async ({ page, holdfast }) => {
  await page.goto(holdfast.url);
  await page.getByRole('link', { name: /Postgres replication lag/ }).click();
  const related = page.getByRole('navigation', { name: 'Related runbooks' });
  // Disk filling up shares its service (postgres-primary) and two tags: it comes first.
  await expect(related.getByRole('link').first()).toHaveText('Disk filling up on a database host');
  await expect(related.getByRole('link', { name: 'Postgres replication lag on read replicas' })).toHaveCount(0);
  await related.scrollIntoViewIfNeeded();
  await screenshot(page, 'reader-related');
  await related.getByRole('link', { name: 'Disk filling up on a database host' }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Disk filling up on a database host');
});
