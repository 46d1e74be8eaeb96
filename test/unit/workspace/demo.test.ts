import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api';
import { openCore } from '../../../src/main/core/core';
import { memoryCore } from '../../fixtures/core';
import { ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

describe('the demo workspace', () => {
  it('fills a new data folder with our sample runbooks, once', () => {
    const dataDir = tempDir();
    const first = openCore({ dataDir, assetsDir: ASSETS_DIR });
    first.prepareWorkspace({ demo: true });
    const demoCount = first.runbooks.repo.count('demo');
    expect(demoCount).toBeGreaterThanOrEqual(5);
    const list = first.runbooks.list({});
    expect(list.tags.length).toBeGreaterThan(0);
    expect(list.services.length).toBeGreaterThan(0);
    first.runbooks.repo.deleteByOrigin('demo');
    first.close();

    // The user emptied it; the next start must not bring the samples back.
    const second = openCore({ dataDir, assetsDir: ASSETS_DIR });
    second.prepareWorkspace({ demo: true });
    expect(second.runbooks.repo.count()).toBe(0);
    second.close();
  });

  it('starts empty when asked to', () => {
    const core = openCore({ dataDir: tempDir(), assetsDir: ASSETS_DIR });
    core.prepareWorkspace({ demo: false });
    expect(core.runbooks.repo.count()).toBe(0);
    core.close();
  });

  it('clears only the sample data and can load it again', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, { 'mine.md': '# My own runbook\n\nSteps.\n' });
    core.runbooks.import([dir]);
    core.prepareWorkspace({ demo: true }); // not empty: no demo added
    expect(core.runbooks.repo.count('demo')).toBe(0);

    const loaded = await dispatch(core, 'loadDemoWorkspace', {});
    expect(loaded).toMatchObject({ ok: true, value: { hasDemo: true } });
    const cleared = await dispatch(core, 'clearDemoWorkspace', {});
    expect(cleared).toMatchObject({ ok: true, value: { hasDemo: false, runbookCount: 1 } });
    expect(core.runbooks.list({}).items.map((item) => item.title)).toEqual(['My own runbook']);
  });

  it('sample runbooks carry titles, services and tags from their front matter', () => {
    const { core } = memoryCore();
    core.prepareWorkspace({ demo: true });
    for (const item of core.runbooks.list({}).items) {
      expect(item.origin).toBe('demo');
      expect(item.services.length, item.title).toBeGreaterThan(0);
      expect(item.tags.length, item.title).toBeGreaterThan(0);
    }
  });
});
