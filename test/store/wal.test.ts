import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/main/core/clock';
import { openCore } from '../../src/main/core/core';
import { CoreKeeper } from '../../src/main/core/keeper';
import { createBackup } from '../../src/main/store/backup';
import { readWal } from '../../src/main/store/wal';
import { op } from '../fixtures/core';
import { holdfast } from '../fixtures/cli';
import { damageWal } from '../fixtures/damage';
import { ASSETS_DIR, tempDir } from '../fixtures/temp';

const clock = fixedClock('2026-11-27T03:00:00Z');
const NOTES = 30;
const open: CoreKeeper[] = [];
afterEach(() => open.splice(0).forEach((keeper) => keeper.close()));

/**
 * A data folder as a crash leaves it: an incident whose 30 notes were committed
 * to the journal (-wal) but not yet into the store file, and a backup from
 * before them. Made by copying the files of a store that is still open.
 */
async function crashedFolder() {
  const live = tempDir();
  const core = openCore({ dataDir: live, assetsDir: ASSETS_DIR, clock });
  const incident = await op(core, 'declareIncident', { title: 'Journal test', severity: 'SEV2' });
  await createBackup(core.store, live, clock.now());
  core.store.pragma('wal_checkpoint(TRUNCATE)');
  for (let n = 0; n < NOTES; n++) await op(core, 'logNote', { id: incident.id, text: `note ${n} ${'x'.repeat(2000)}` });
  const data = tempDir();
  fs.cpSync(live, data, { recursive: true });
  core.close();
  return { data, store: path.join(data, 'holdfast.db'), id: incident.id };
}

describe('a damaged -wal', () => {
  it('a sound journal left by a crash is replayed: check says ok and every note is there', async () => {
    const { data, id } = await crashedFolder();
    expect((await holdfast('--data', data, 'check')).status).toBe(0);
    const shown = JSON.parse((await holdfast('--data', data, '--json', 'incident', 'show', String(id))).stdout) as { timeline: { type: string }[] };
    expect(shown.timeline.filter((event) => event.type === 'note')).toHaveLength(NOTES);
  });

  it.each([
    ['header', /its header is garbled, so SQLite would ignore all \d+ bytes of it/],
    ['frame', /frame \d+ of \d+ is garbled \(its checksum fails\), so SQLite would drop it and the committed transactions after it/],
    ['cut', /it is cut short: its index \(-shm\) counts \d+ committed frames, but only \d+ are whole/],
  ] as const)('with its %s damaged: check exits 1 naming the journal and the copy kept, nothing is changed, the app opens recovery', async (how, problem) => {
    const { data, store } = await crashedFolder();
    damageWal(store, how);
    const damaged = { wal: fs.readFileSync(`${store}-wal`), db: fs.readFileSync(store) };

    const check = await holdfast('--data', data, 'check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`holdfast: The journal ${store}-wal of the data file ${store} is damaged: `);
    expect(check.stderr).toMatch(problem);
    const kept = /A copy of it is kept as (\S+)\./.exec(check.stderr)?.[1] ?? '';
    expect(kept).toMatch(new RegExp(`^${store.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-wal\\.damaged-2\\d{3}-`));
    expect(fs.readFileSync(kept).equals(damaged.wal)).toBe(true);

    // Every other command stops the same way, and nothing is replayed, checkpointed or deleted.
    expect((await holdfast('--data', data, 'incident', 'list')).status).toBe(1);
    expect(fs.readFileSync(`${store}-wal`).equals(damaged.wal)).toBe(true);
    expect(fs.readFileSync(store).equals(damaged.db)).toBe(true);
    // One copy, however often it is looked at.
    expect(fs.readdirSync(data).filter((name) => name.startsWith('holdfast.db-wal.damaged-'))).toHaveLength(1);

    const keeper = await CoreKeeper.open({ dataDir: data, assetsDir: ASSETS_DIR, clock, demo: false, scheduler: false, app: 'web' });
    open.push(keeper);
    expect(keeper.recoveryState()).toMatchObject({ damaged: true, problem: expect.stringMatching(problem) as string });
    // Restoring the backup keeps the damaged store and its journal aside, byte for byte.
    const [backup] = keeper.recoveryState().damaged ? (keeper.recoveryState() as { backups: { file: string }[] }).backups : [];
    const report = keeper.restore(backup?.file ?? '');
    expect(report.previousDamaged).toBe(true);
    expect(fs.readFileSync(`${report.previous ?? ''}-wal`).equals(damaged.wal)).toBe(true);
    expect(keeper.core).toBeDefined();
  });
});

describe('readWal', () => {
  it('a journal torn at its end by a crash mid-transaction is not damage: the uncommitted tail was never acknowledged', async () => {
    const { store } = await crashedFolder();
    const wal = fs.readFileSync(`${store}-wal`);
    const sound = readWal(wal, fs.readFileSync(`${store}-shm`));
    expect(sound).toMatchObject({ problem: null });
    // The last frame half written, and no index counting it (it was never committed).
    const torn = readWal(wal.subarray(0, wal.length - 1000), null);
    expect(torn.problem).toBeNull();
    expect(torn.keptFrames).toBeGreaterThan(0);
    expect(torn.keptFrames).toBeLessThan(sound.keptFrames);
    expect(readWal(Buffer.alloc(0), null)).toEqual({ problem: null, keptFrames: 0 });
  });
});
