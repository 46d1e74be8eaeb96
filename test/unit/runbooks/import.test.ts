import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCore, op, opError } from '../../fixtures/core';
import { tempDir, writeFiles } from '../../fixtures/temp';

const runbook = (title: string, body = 'Check the thing.') => `---\ntitle: ${title}\ntags: [t]\n---\n# ${title}\n\n${body}\n`;
const titles = async (core: ReturnType<typeof memoryCore>['core']) =>
  (await op(core, 'listRunbooks', {})).items.map((item) => item.title);

describe('importing runbooks', () => {
  it('imports Markdown files from folders recursively and single files', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, {
      'a/disk.md': runbook('Disk full'),
      'a/b/cpu.markdown': runbook('CPU hot'),
      'notes.txt': 'not markdown',
      '.git/config.md': runbook('Hidden'),
      'loose.md': '# Loose file\n\nText.\n',
    });
    const report = await op(core, 'importRunbooks', { paths: [path.join(dir, 'a'), path.join(dir, 'loose.md')] });
    expect(report).toEqual({ imported: 3, updated: 0, unchanged: 0, failed: [], skipped: [], groups: [] });
    expect(await titles(core)).toEqual(['CPU hot', 'Disk full', 'Loose file']);
    const cpu = (await op(core, 'listRunbooks', {})).items.find((item) => item.title === 'CPU hot');
    expect(cpu?.relativePath).toBe('b/cpu.markdown');
  });

  it('updates on re-import of the same path instead of duplicating, with a new revision', async () => {
    const { core, clock } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'disk.md': runbook('Disk full'), 'cpu.md': runbook('CPU hot') });
    await op(core, 'importRunbooks', { paths: [dir] });
    const [first] = (await op(core, 'listRunbooks', {})).items.filter((item) => item.title === 'Disk full');

    clock.advance(60_000);
    writeFiles(dir, { 'disk.md': runbook('Disk full', 'Delete old logs in /var/log/app.') });
    expect(await op(core, 'importRunbooks', { paths: [dir] })).toMatchObject({ imported: 0, updated: 1, unchanged: 1 });

    expect(await titles(core)).toHaveLength(2);
    const updated = await op(core, 'getRunbook', { id: first?.id ?? -1 });
    expect(updated.body).toContain('/var/log/app');
    expect(updated.updatedAt).toBe('2026-11-27T03:01:00.000Z');
    expect(updated.revision).toBe(2);
    expect((await op(core, 'searchRunbooks', { query: 'var log app' })).map((hit) => hit.id)).toEqual([first?.id]);
  });

  it('does not mistake another folder’s file with the same relative path for this one', async () => {
    const { core } = memoryCore();
    const teamA = tempDir();
    const teamB = tempDir();
    writeFiles(teamA, { 'overview.md': runbook('Team A overview') });
    writeFiles(teamB, { 'overview.md': runbook('Team B overview') });
    await op(core, 'importRunbooks', { paths: [teamA] });
    expect(await op(core, 'importRunbooks', { paths: [teamB] })).toMatchObject({ imported: 1, updated: 0 });
    expect(await titles(core)).toEqual(['Team A overview', 'Team B overview']);
  });

  it('reports each bad file with its path and why, leaves nothing of it, and imports the rest', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, {
      'good.md': runbook('Good one'),
      'binary.md': Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x92]),
      'broken-yaml.md': '---\ntitle: [unclosed\n---\n# x\n',
      'twin-a.md': '---\nid: rb_twin\n---\n# Twin A\n\nx\n',
      'twin-b.md': '---\nid: rb_twin\n---\n# Twin B\n\nx\n',
    });
    fs.symlinkSync(path.join(dir, 'missing-target.md'), path.join(dir, 'dangling.md'));
    const missing = path.join(dir, 'no-such-folder');

    const report = await op(core, 'importRunbooks', { paths: [dir, missing] });
    expect(report.imported).toBe(2);
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { path: missing, error: 'no such file or folder' },
        { path: path.join(dir, 'binary.md'), error: expect.stringMatching(/not UTF-8/) as string },
        // The path is given once, in `path`; the reason says the line.
        { path: path.join(dir, 'broken-yaml.md'), error: expect.stringMatching(/^line 2: front matter is not valid YAML: /) as string },
        { path: path.join(dir, 'dangling.md'), error: 'no such file or folder' },
        { path: path.join(dir, 'twin-b.md'), error: expect.stringMatching(/id rb_twin is also the id of .*twin-a\.md/) as string },
      ]),
    );
    expect(report.failed).toHaveLength(5);
    expect(await titles(core)).toEqual(['Good one', 'Twin A']);
  });

  it('refuses a link the editor would refuse (javascript:, data:), naming the file, the line and the field', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    const links = (url: string) => `---\ntitle: Links\nlinks:\n  - label: Dashboard\n    url: https://grafana.example/d/1\n  - label: Click\n    url: ${url}\n---\nBody.\n`;
    writeFiles(dir, { 'script.md': links("'javascript:alert(1)'"), 'data.md': links("'data:text/html,<script>alert(1)</script>'"), 'ok.md': links('mailto:oncall@example.com') });
    const report = await op(core, 'importRunbooks', { paths: [dir] });
    expect(report.imported).toBe(1);
    expect(report.failed).toEqual(
      ['data.md', 'script.md'].map((file) => ({ path: path.join(dir, file), error: 'line 3: front matter: "links.1.url" must be an http(s) or mailto link' })),
    );
    // The editor refuses the same addresses with the same words.
    const metadata = { title: 'Links', links: [{ label: 'Click', url: 'javascript:alert(1)' }] };
    expect((await opError(core, 'saveRunbook', { metadata, body: 'Body.' })).message).toContain('must be an http(s) or mailto link');
    expect((await op(core, 'listRunbooks', {})).items.map((item) => item.title)).toEqual(['Links']);
  });

  it('keeps what was stored when a re-import of the same file fails', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'disk.md': runbook('Disk full', 'Original steps.') });
    await op(core, 'importRunbooks', { paths: [dir] });
    writeFiles(dir, { 'disk.md': '---\ntitle: [broken\n---\n' });
    expect((await op(core, 'importRunbooks', { paths: [dir] })).failed).toHaveLength(1);
    const [item] = (await op(core, 'listRunbooks', {})).items;
    expect((await op(core, 'getRunbook', { id: item?.id ?? -1 })).body).toContain('Original steps.');
  });

  it('turns _index.md section pages into the group of their folder', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, {
      'db/_index.md': '---\ntitle: Databases\nweight: 10\n---\n',
      'db/disk.md': runbook('Disk full'),
      'db/replicas/lag.md': runbook('Replica lag'),
      'web/cpu.md': runbook('CPU hot'),
    });
    const report = await op(core, 'importRunbooks', { paths: [dir] });
    expect(report.groups).toEqual([{ path: path.join(dir, 'db/_index.md'), title: 'Databases' }]);
    const list = await op(core, 'listRunbooks', {});
    expect(Object.fromEntries(list.items.map((item) => [item.title, item.group]))).toEqual({
      'Disk full': 'Databases',
      'Replica lag': 'Databases',
      'CPU hot': null,
    });
    expect(list.groups).toEqual([{ name: 'Databases', count: 2 }]);
    expect((await op(core, 'listRunbooks', { group: 'Databases' })).items).toHaveLength(2);
  });

  it('imports relative images with their runbook, and says which it could not', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    writeFiles(dir, {
      'ops/graph.md': '# Graph\n\n![latency](img/latency.png)\n![gone](img/missing.png)\n![remote](https://example.com/x.png)\n',
      'ops/img/latency.png': png,
    });
    const report = await op(core, 'importRunbooks', { paths: [dir] });
    expect(report.skipped).toEqual([{ path: path.join(dir, 'ops/img/missing.png'), reason: 'image in ops/graph.md not found' }]);
    const [item] = (await op(core, 'listRunbooks', {})).items;
    const asset = await op(core, 'getRunbookAsset', { id: item?.id ?? -1, path: 'img/latency.png' });
    expect(asset).toEqual({ path: 'img/latency.png', mime: 'image/png', base64: png.toString('base64') });
  });
});
