import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core/core';
import { memoryCore, op } from '../../fixtures/core';
import { ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

describe('the demo workspace', () => {
  it('fills a new data folder with our sample runbooks, once', async () => {
    const dataDir = tempDir();
    const first = openCore({ dataDir, assetsDir: ASSETS_DIR });
    first.prepareWorkspace({ demo: true });
    expect(first.runbooks.count('demo')).toBeGreaterThanOrEqual(5);
    const list = await op(first, 'listRunbooks', {});
    expect(list.tags.length).toBeGreaterThan(0);
    expect(list.services.length).toBeGreaterThan(0);
    await op(first, 'clearDemoWorkspace', {});
    first.close();

    // The user emptied it; the next start must not bring the samples back.
    const second = openCore({ dataDir, assetsDir: ASSETS_DIR });
    second.prepareWorkspace({ demo: true });
    expect(second.runbooks.count()).toBe(0);
    second.close();
  });

  it('starts empty when asked to', () => {
    const core = openCore({ dataDir: tempDir(), assetsDir: ASSETS_DIR });
    core.prepareWorkspace({ demo: false });
    expect(core.runbooks.count()).toBe(0);
    core.close();
  });

  it('clears only the sample data and can load it again', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'mine.md': '# My own runbook\n\nSteps.\n' });
    await op(core, 'importRunbooks', { paths: [dir] });
    core.prepareWorkspace({ demo: true }); // not empty: no demo added
    expect(core.runbooks.count('demo')).toBe(0);

    expect(await op(core, 'loadDemoWorkspace', {})).toMatchObject({ hasDemo: true });
    expect(await op(core, 'clearDemoWorkspace', {})).toMatchObject({ hasDemo: false, runbookCount: 1 });
    expect((await op(core, 'listRunbooks', {})).items.map((item) => item.title)).toEqual(['My own runbook']);
  });

  it('sample runbooks carry metadata from their front matter and steps a runner can walk', async () => {
    const { core } = memoryCore();
    core.prepareWorkspace({ demo: true });
    for (const item of (await op(core, 'listRunbooks', {})).items) {
      const runbook = await op(core, 'getRunbook', { id: item.id });
      expect(runbook.origin).toBe('demo');
      expect(runbook.services.length, item.title).toBeGreaterThan(0);
      expect(runbook.metadata.summary, item.title).not.toBe('');
      expect(runbook.steps.length, item.title).toBeGreaterThanOrEqual(3);
      expect(runbook.revision).toBe(1);
    }
    const timed = (await op(core, 'listRunbooks', {})).items.length;
    expect(timed).toBeGreaterThanOrEqual(5);
  });
});

describe('the demo roster', () => {
  it('comes with the demo workspace, answers who is on call, and goes when the demo is cleared', async () => {
    const { core } = memoryCore();
    core.prepareWorkspace({ demo: true });
    const board = await op(core, 'nowBoard', {});
    expect(board.map((team) => team.team.name)).toEqual(['Data', 'Edge', 'Shop']);
    expect(board.every((team) => team.onCall.every((entry) => entry.person !== null || entry.source === 'gap'))).toBe(true);
    expect(board.find((team) => team.team.name === 'Edge')?.onCall[0]?.person).not.toBeNull();
    await op(core, 'clearDemoWorkspace', {});
    expect((await op(core, 'getRoster', {})).people).toEqual([]);
  });

  it('never replaces or removes a roster of the user’s own', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'roster.yaml': 'people:\n  - handle: me\n    name: Me\n    time_zone: UTC\n' });
    await op(core, 'importRoster', { path: `${dir}/roster.yaml` });
    await op(core, 'loadDemoWorkspace', {});
    expect((await op(core, 'getRoster', {})).people.map((p) => p.handle)).toEqual(['me']);
    await op(core, 'clearDemoWorkspace', {});
    expect((await op(core, 'getRoster', {})).people.map((p) => p.handle)).toEqual(['me']);
  });
});

describe('a demo runbook the user edited', () => {
  it('becomes theirs: clearing the demo keeps it with its history and id, loading it again neither overwrites nor duplicates it', async () => {
    const { core } = memoryCore();
    await op(core, 'loadDemoWorkspace', {});
    const samples = (await op(core, 'listRunbooks', {})).items;
    const [chosen, untouched] = samples;
    if (!chosen || !untouched) throw new Error('the demo has at least two runbooks');
    const sample = await op(core, 'getRunbook', { id: chosen.id });
    await op(core, 'saveRunbook', { id: sample.id, baseRevision: sample.revision, metadata: sample.metadata, body: `${sample.body}\n## Our addition\n\n1. Page the storage team.\n` });

    // Loading again leaves both where they are: the edited one as edited, the other refreshed in place.
    await op(core, 'loadDemoWorkspace', {});
    const reloaded = (await op(core, 'listRunbooks', {})).items;
    expect(reloaded.map((item) => item.id).sort()).toEqual(samples.map((item) => item.id).sort());
    expect((await op(core, 'getRunbook', { id: chosen.id })).body).toContain('Our addition');

    const cleared = await op(core, 'clearDemoWorkspace', {});
    expect(cleared.runbookCount).toBe(1);
    const kept = await op(core, 'getRunbook', { id: chosen.id });
    expect(kept.body).toContain('Our addition');
    expect(kept.origin).toBe('app');
    expect((await op(core, 'listRunbookRevisions', { id: chosen.id })).map((revision) => revision.author)).toEqual(['tester', 'holdfast']);

    await op(core, 'loadDemoWorkspace', {});
    const titles = (await op(core, 'listRunbooks', {})).items.map((item) => item.title);
    expect(titles.filter((title) => title === chosen.title)).toHaveLength(1);
    expect(titles).toHaveLength(samples.length);
    expect((await op(core, 'getRunbook', { id: chosen.id })).body).toContain('Our addition');
  });
});
