import { afterEach, describe, expect, it } from 'vitest';
import { op } from '../../fixtures/core';
import { closeMachines, twoDemoMachines, type Machine } from './helpers';

afterEach(closeMachines);

async function byTitle(m: Machine, title: string, archived = false) {
  return (await op(m.core, 'listRunbooks', { archived })).items.find((runbook) => runbook.title === title) ?? null;
}

async function runbook(m: Machine, title: string) {
  const found = (await byTitle(m, title)) ?? (await byTitle(m, title, true));
  if (!found) throw new Error(`${m.name} has no runbook titled ${title}`);
  return op(m.core, 'getRunbook', { id: found.id });
}

describe('a runbook removed on another machine', () => {
  it('is archived here, never deleted, and the sync report lists it', { timeout: 120_000 }, async () => {
    const { a, b } = await twoDemoMachines();
    const gone = await runbook(a, 'Disk filling up on a database host');
    await op(a.core, 'archiveRunbook', { id: gone.id });
    await op(a.core, 'sync', {});

    const report = await op(b.core, 'sync', {});
    expect(report.problems).toEqual([]);
    expect(report.archived).toEqual([{ path: expect.stringMatching(/^runbooks\/.*disk-filling-up\.md$/) as string, runbook: gone.uid, title: 'Disk filling up on a database host' }]);
    expect(await byTitle(b, 'Disk filling up on a database host')).toBeNull();
    const kept = await runbook(b, 'Disk filling up on a database host');
    expect(kept.archived).toBe(true);
    expect(kept.body).toBe(gone.body);
    expect(b.events).toContainEqual(expect.objectContaining({ type: 'runbooks.changed' }));
    // B does not bring the file back, and A keeps it archived.
    expect((await op(b.core, 'sync', {})).pushed).toBe(0);
    expect((await op(a.core, 'sync', {})).archived).toEqual([]);
    expect((await runbook(a, 'Disk filling up on a database host')).archived).toBe(true);
  });

  it('is not archived when it only moved to another file (a runbook made in the app renamed)', { timeout: 120_000 }, async () => {
    const { a, b } = await twoDemoMachines();
    const made = await op(a.core, 'saveRunbook', { metadata: { title: 'Cache stampede' }, body: '## Mitigation\n\n1. Warm the cache.\n' });
    await op(a.core, 'sync', {});
    await op(b.core, 'sync', {});
    expect((await runbook(b, 'Cache stampede')).archived).toBe(false);

    const latest = await op(a.core, 'getRunbook', { id: made.id });
    await op(a.core, 'saveRunbook', { id: made.id, baseRevision: latest.revision, metadata: { ...latest.metadata, title: 'Cache stampede after a deploy' }, body: latest.body });
    await op(a.core, 'sync', {});
    const report = await op(b.core, 'sync', {});
    expect(report.archived).toEqual([]);
    const moved = await runbook(b, 'Cache stampede after a deploy');
    expect(moved.uid).toBe(made.uid);
    expect(moved.archived).toBe(false);
  });

  it('removed on one machine and changed on the other is kept, with the change, on both, and listed', { timeout: 120_000 }, async () => {
    const { a, b } = await twoDemoMachines();
    const onA = await runbook(a, 'Disk filling up on a database host');
    await op(a.core, 'archiveRunbook', { id: onA.id });
    const onB = await runbook(b, 'Disk filling up on a database host');
    await op(b.core, 'saveRunbook', { id: onB.id, baseRevision: onB.revision, metadata: onB.metadata, body: `${onB.body}\nBo: check the log rotation first.\n` });

    await op(a.core, 'sync', {});
    const report = await op(b.core, 'sync', {});
    expect(report.archived).toEqual([]);
    expect(report.conflicts).toEqual([{ path: expect.stringMatching(/disk-filling-up\.md$/) as string, kind: 'runbook', detail: expect.stringContaining('Removed and changed at once') as string }]);
    expect((await runbook(b, 'Disk filling up on a database host')).archived).toBe(false);

    const back = await op(a.core, 'sync', {});
    expect(back.problems).toEqual([]);
    const onAAfter = await runbook(a, 'Disk filling up on a database host');
    expect(onAAfter.archived).toBe(false);
    expect(onAAfter.body).toContain('Bo: check the log rotation first.');
    // And A's next sync does not remove it again.
    await op(a.core, 'sync', {});
    await op(b.core, 'sync', {});
    expect((await runbook(b, 'Disk filling up on a database host')).archived).toBe(false);

    // B takes the removal after all: archived on both.
    const path = report.conflicts[0]?.path ?? '';
    expect((await op(b.core, 'syncResolve', { path, choice: { take: 'theirs' } })).archived).toEqual([{ path, runbook: onB.uid, title: 'Disk filling up on a database host' }]);
    expect((await runbook(b, 'Disk filling up on a database host')).archived).toBe(true);
    await op(b.core, 'sync', {});
    expect((await op(a.core, 'sync', {})).archived).toEqual([{ path, runbook: onA.uid, title: 'Disk filling up on a database host' }]);
    expect((await runbook(a, 'Disk filling up on a database host')).archived).toBe(true);
  });
});
