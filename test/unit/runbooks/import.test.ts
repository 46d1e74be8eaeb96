import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCore } from '../../fixtures/core';
import { CORPUS_DIR, hasCorpus, tempDir, writeFiles } from '../../fixtures/temp';

const runbook = (title: string, body = 'Check the thing.') => `---\ntitle: ${title}\ntags: [t]\n---\n# ${title}\n\n${body}\n`;

describe('importing runbooks', () => {
  it('imports Markdown files from folders recursively and from single files', () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, {
      'a/disk.md': runbook('Disk full'),
      'a/b/cpu.markdown': runbook('CPU hot'),
      'notes.txt': 'not markdown',
      '.git/config.md': runbook('Hidden'),
    });
    writeFiles(dir, { 'loose.md': '# Loose file\n\nText.\n' });

    const report = core.runbooks.import([path.join(dir, 'a'), path.join(dir, 'loose.md')]);
    expect(report).toEqual({ imported: 3, updated: 0, unchanged: 0, failed: [], skipped: [] });
    expect(core.runbooks.list({}).items.map((item) => item.title)).toEqual(['CPU hot', 'Disk full', 'Loose file']);
  });

  it('updates on re-import of the same path instead of duplicating, and reports unchanged files', () => {
    const { core, clock } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'disk.md': runbook('Disk full'), 'cpu.md': runbook('CPU hot') });
    core.runbooks.import([dir]);
    const [first] = core.runbooks.list({}).items.filter((item) => item.title === 'Disk full');

    clock.advance(60_000);
    writeFiles(dir, { 'disk.md': runbook('Disk full', 'Delete old logs in /var/log/app.') });
    expect(core.runbooks.import([dir])).toMatchObject({ imported: 0, updated: 1, unchanged: 1 });

    const items = core.runbooks.list({}).items;
    expect(items).toHaveLength(2);
    const updated = core.runbooks.get(first?.id ?? -1);
    expect(updated.body).toContain('/var/log/app');
    expect(updated.updatedAt).toBe('2026-11-27T03:01:00.000Z');
    expect(core.runbooks.search({ query: 'var log app', limit: 5 }).map((hit) => hit.id)).toEqual([first?.id]);
  });

  it('reports each bad file in failed with its path and why, and still imports the rest', () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, {
      'good.md': runbook('Good one'),
      'binary.md': Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x92]),
      'broken-yaml.md': '---\ntitle: [unclosed\n---\n# x\n',
    });
    fs.symlinkSync(path.join(dir, 'missing-target.md'), path.join(dir, 'dangling.md'));
    const missing = path.join(dir, 'no-such-folder');

    const report = core.runbooks.import([dir, missing]);
    expect(report.imported).toBe(1);
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { path: missing, error: 'no such file or folder' },
        { path: path.join(dir, 'binary.md'), error: expect.stringMatching(/not UTF-8/) as string },
        { path: path.join(dir, 'broken-yaml.md'), error: expect.stringMatching(/front matter is not valid YAML/) as string },
        { path: path.join(dir, 'dangling.md'), error: 'no such file or folder' },
      ]),
    );
    expect(report.failed).toHaveLength(4);
  });

  it('keeps what was stored when a re-import of the same file fails', () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'disk.md': runbook('Disk full', 'Original steps.') });
    core.runbooks.import([dir]);
    writeFiles(dir, { 'disk.md': '---\ntitle: [broken\n---\n' });
    expect(core.runbooks.import([dir]).failed).toHaveLength(1);
    const [item] = core.runbooks.list({}).items;
    expect(core.runbooks.get(item?.id ?? -1).body).toContain('Original steps.');
  });

  it('skips files with no content besides front matter, saying so', () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { '_index.md': '---\ntitle: node\nweight: 10\n---\n\n', 'real.md': runbook('Real') });
    const report = core.runbooks.import([dir]);
    expect(report.imported).toBe(1);
    expect(report.skipped).toEqual([{ path: path.join(dir, '_index.md'), reason: expect.stringMatching(/no content/) as string }]);
  });
});

describe.skipIf(!hasCorpus)('the prometheus-operator runbook corpus', () => {
  const alertFiles = () =>
    fs.readdirSync(CORPUS_DIR, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md') && path.basename(name) !== '_index.md')
      .map((name) => path.join(CORPUS_DIR, name));

  it('imports all 108 alert runbooks with their titles and accounts for the section pages', () => {
    const { core } = memoryCore();
    const report = core.runbooks.import([CORPUS_DIR]);
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(108);
    expect(report.skipped.map((skip) => path.basename(skip.path))).toEqual(Array(9).fill('_index.md'));
    expect(report.imported + report.skipped.length).toBe(117);

    const titles = new Map(core.runbooks.list({}).items.map((item) => [item.sourcePath, item.title]));
    for (const file of alertFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const expected = /^---\n[\s\S]*?^title: (.+)$/m.exec(text)?.[1] ?? /^# (.+)$/m.exec(text)?.[1];
      expect(titles.get(file), file).toBe(expected?.trim());
    }
  });

  it('finds a runbook by a term from its text, best match first', () => {
    const { core } = memoryCore();
    core.runbooks.import([CORPUS_DIR]);
    const [top] = core.runbooks.search({ query: 'etcd leader', limit: 5 });
    expect(top?.title).toBe('etcdNoLeader');
    expect(top?.snippet).toMatch(/<mark>leader<\/mark>/i);
    const fsync = core.runbooks.search({ query: 'fsync', limit: 20 });
    expect(fsync.map((hit) => hit.title)).toContain('etcdHighFsyncDurations');
  });

  it('re-importing the corpus changes nothing', () => {
    const { core } = memoryCore();
    core.runbooks.import([CORPUS_DIR]);
    expect(core.runbooks.import([CORPUS_DIR])).toMatchObject({ imported: 0, updated: 0, unchanged: 108, failed: [] });
  });
});
