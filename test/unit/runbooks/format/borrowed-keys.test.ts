import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCore, op } from '../../../fixtures/core';
import { tempDir, writeFiles } from '../../../fixtures/temp';

/** Imports files and returns each runbook by file name. */
async function imported(files: Record<string, string>) {
  const { core } = memoryCore();
  const dir = tempDir();
  writeFiles(dir, files);
  const report = await op(core, 'importRunbooks', { paths: [dir] });
  const list = await op(core, 'listRunbooks', {});
  const byFile = (name: string) => op(core, 'getRunbook', { id: list.items.find((item) => item.relativePath === name)?.id ?? -1 });
  return { core, report, byFile };
}

describe('services and tags from the front matter keys other runbook trees use', () => {
  it('reads component, labels and categories when the file has no services or tags of its own, and keeps them as written', async () => {
    const { report, byFile } = await imported({
      'backstage.md': '---\ntitle: Queue stuck\ncomponent: orders-worker\nlabels: [queues, backlog]\n---\n# Queue stuck\n',
      'alert-labels.md': '---\ntitle: Disk full\nlabels:\n  service: postgres\n  component: pg-primary\n  severity: critical\ncategories: storage\n---\n# Disk full\n',
      'own.md': '---\ntitle: Own keys\nservices: [checkout]\ntags: []\ncomponent: payments\nlabels: [ignored]\n---\n# Own keys\n',
      'odd.md': '---\ntitle: Odd values\ncomponent: {name: x}\nlabels: 12\n---\n# Odd values\n',
    });
    expect(report).toMatchObject({ imported: 4, failed: [] });
    expect(await byFile('backstage.md')).toMatchObject({
      services: ['orders-worker'],
      tags: ['backlog', 'queues'],
      extraFrontMatter: { component: 'orders-worker', labels: ['queues', 'backlog'] },
    });
    expect(await byFile('alert-labels.md')).toMatchObject({ services: ['pg-primary', 'postgres'], tags: ['storage'] });
    // A file's own keys win, even an empty list.
    expect(await byFile('own.md')).toMatchObject({ services: ['checkout'], tags: [] });
    // A value that cannot be names is kept and ignored, never a reason to refuse the file.
    expect(await byFile('odd.md')).toMatchObject({ services: [], tags: ['12'], extraFrontMatter: { component: { name: 'x' }, labels: 12 } });
  });

  it('exports and imports back unchanged, also after the borrowed services were removed in the app', async () => {
    const { core, byFile } = await imported({ 'etcd/members.md': '---\ntitle: etcd members down\ncomponent: etcd\n---\n# etcd members down\n' });
    const first = tempDir();
    await op(core, 'exportRunbooks', { dir: first });
    expect(await op(core, 'importRunbooks', { paths: [first] })).toMatchObject({ unchanged: 1, updated: 0, imported: 0 });

    const runbook = await byFile('etcd/members.md');
    await op(core, 'saveRunbook', { id: runbook.id, metadata: { ...runbook.metadata, services: [] }, body: runbook.body });
    const second = tempDir();
    await op(core, 'exportRunbooks', { dir: second });
    const written = fs.readFileSync(path.join(second, 'etcd/members.md'), 'utf8');
    expect(written).toMatch(/^services: \[\]$/m);
    expect(written).toMatch(/^component: etcd$/m);
    expect(await op(core, 'importRunbooks', { paths: [second] })).toMatchObject({ unchanged: 1, updated: 0 });
    expect((await byFile('etcd/members.md')).services).toEqual([]);
  });
});
