import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCore, op, opError } from '../../fixtures/core';
import { tempDir, writeFiles } from '../../fixtures/temp';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** Every file under `dir` by its relative path, with its bytes. */
function filesIn(dir: string): Map<string, Buffer> {
  const entries = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  return new Map(
    entries.filter((entry) => fs.statSync(path.join(dir, entry)).isFile()).map((entry) => [entry, fs.readFileSync(path.join(dir, entry))]),
  );
}

/** A library with every kind of runbook: demo, imported (one with an image, one edited since), app-made, duplicated. */
async function mixedLibrary() {
  const { core } = memoryCore();
  core.prepareWorkspace({ demo: true });
  const source = tempDir();
  writeFiles(source, {
    'db/_index.md': '---\ntitle: Databases\n---\n',
    'db/disk.md': '---\ntitle: Disk full\ntags: [storage, disk]\nweight: 3\n---\n# Disk full\n\n## Mitigation\n\n1. Run `df -h` ⏱ 5m\n\n![usage](img/usage.png)\n',
    'db/img/usage.png': PNG,
    'web/cpu.md': '# CPU hot\n\n## Diagnosis\n\n- Check `top`.\n',
  });
  await op(core, 'importRunbooks', { paths: [source] });
  const byTitle = async (title: string) => {
    const item = (await op(core, 'listRunbooks', {})).items.find((candidate) => candidate.title === title);
    return op(core, 'getRunbook', { id: item?.id ?? -1 });
  };
  const cpu = await byTitle('CPU hot');
  await op(core, 'saveRunbook', { id: cpu.id, metadata: { ...cpu.metadata, tags: ['cpu'] }, body: `${cpu.body}- Check \`vmstat 1\`.\n` });
  const made = await op(core, 'saveRunbook', {
    metadata: { title: 'Cache stampede', services: ['search', 'cache'] },
    body: '## Steps\n\n- [ ] Warm the cache {timer=2m}\n',
  });
  await op(core, 'duplicateRunbook', { id: made.id });
  return { core, byTitle, total: (await op(core, 'listRunbooks', {})).items.length };
}

describe('exporting runbooks', () => {
  it('writes each runbook where it came from, app-made ones by title, with section pages and images', async () => {
    const { core } = await mixedLibrary();
    const dir = tempDir();
    const report = await op(core, 'exportRunbooks', { dir });
    expect(report.files).toEqual(
      expect.arrayContaining(['db/_index.md', 'db/disk.md', 'db/img/usage.png', 'web/cpu.md', 'cache-stampede.md', 'cache-stampede-copy.md', 'disk-filling-up.md']),
    );
    expect(filesIn(dir).get('db/img/usage.png')).toEqual(PNG);
    const disk = fs.readFileSync(path.join(dir, 'db/disk.md'), 'utf8');
    // Front matter in a fixed order, tags as the library lists them, unknown keys kept; the body as written.
    expect(disk).toMatch(/^---\nid: rb_[0-9a-f]{12}\ntitle: Disk full\ntags: \[disk, storage\]\nweight: 3\n---\n# Disk full\n\n## Mitigation\n/);
  });

  it('imports back into the same store with every runbook unchanged, and exports the same bytes again', async () => {
    const { core, total } = await mixedLibrary();
    const first = tempDir();
    await op(core, 'exportRunbooks', { dir: first });
    expect(await op(core, 'importRunbooks', { paths: [first] })).toMatchObject({ imported: 0, updated: 0, unchanged: total, failed: [] });
    expect((await op(core, 'listRunbooks', {})).items).toHaveLength(total);

    const second = tempDir();
    await op(core, 'exportRunbooks', { dir: second });
    expect(filesIn(second)).toEqual(filesIn(first));
  });

  it('moves a library to another store with its ids, steps and images', async () => {
    const { core, byTitle, total } = await mixedLibrary();
    const dir = tempDir();
    await op(core, 'exportRunbooks', { dir });

    const other = memoryCore().core;
    expect(await op(other, 'importRunbooks', { paths: [dir] })).toMatchObject({ imported: total, failed: [] });
    const moved = (await op(other, 'listRunbooks', {})).items.find((item) => item.title === 'Disk full');
    const there = await op(other, 'getRunbook', { id: moved?.id ?? -1 });
    const here = await byTitle('Disk full');
    expect(there).toMatchObject({ uid: here.uid, body: here.body, tags: here.tags, group: 'Databases' });
    expect(there.steps.map((step) => step.id)).toEqual(here.steps.map((step) => step.id));
    expect(await op(other, 'getRunbookAsset', { id: there.id, path: 'img/usage.png' })).toMatchObject({ base64: PNG.toString('base64') });
  });

  it('refuses a target that is a file, naming the field', async () => {
    const { core } = memoryCore();
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    expect(await opError(core, 'exportRunbooks', { dir: file })).toMatchObject({ code: 'VALIDATION', field: 'dir' });
  });
});
