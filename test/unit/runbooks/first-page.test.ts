import { describe, expect, it } from 'vitest';
import { memoryCore, op, opError } from '../../fixtures/core';
import { tempDir, writeFiles } from '../../fixtures/temp';

/** A library of 30 runbooks, `Runbook 00` … `Runbook 29`, the odd ones tagged `odd`, the first two archived. */
async function library() {
  const { core } = memoryCore();
  const dir = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) {
    const n = String(i).padStart(2, '0');
    files[`team/rb-${n}.md`] = `---\ntitle: Runbook ${n}\ntags: [${i % 2 ? 'odd' : 'even'}]\n---\n# Runbook ${n}\n\nText.\n`;
  }
  files['team/_index.md'] = '---\ntitle: Team\n---\n';
  writeFiles(dir, files);
  await op(core, 'importRunbooks', { paths: [dir] });
  const { items } = await op(core, 'listRunbooks', {});
  for (const item of items.slice(0, 2)) await op(core, 'archiveRunbook', { id: item.id });
  return core;
}

describe('the first screenful of the runbook list', () => {
  it('is the first rows of the whole list by title, with how many there are, before the facets', async () => {
    const core = await library();
    const whole = await op(core, 'listRunbooks', {});
    const first = await op(core, 'listRunbooks', { limit: 10 });
    expect(first.items).toEqual(whole.items.slice(0, 10));
    expect(first.total).toBe(28);
    expect(whole.total).toBe(28);
    expect(first.items.map((item) => item.title)).toEqual(['Runbook 02', 'Runbook 03', 'Runbook 04', 'Runbook 05', 'Runbook 06', 'Runbook 07', 'Runbook 08', 'Runbook 09', 'Runbook 10', 'Runbook 11']);
    expect(first.tags).toEqual([]);
    expect(whole.tags.map((tag) => tag.name).sort()).toEqual(['even', 'odd']);
  });

  it('keeps to the filter, the group and the archive too', async () => {
    const core = await library();
    for (const filter of [{ tag: 'odd' }, { group: 'Team' }, { archived: true }]) {
      const whole = await op(core, 'listRunbooks', filter);
      const first = await op(core, 'listRunbooks', { ...filter, limit: 4 });
      expect(first.items).toEqual(whole.items.slice(0, 4));
      expect(first.total).toBe(whole.items.length);
      expect(first.items.length).toBeGreaterThan(1);
    }
  });

  it('refuses a limit that is not a positive whole number, naming it', async () => {
    const core = await library();
    expect(await opError(core, 'listRunbooks', { limit: 0 })).toMatchObject({ code: 'VALIDATION', field: 'limit' });
  });
});
