import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/api';
import { fixedClock } from '../../../src/main/core/clock';
import { openCore } from '../../../src/main/core/core';
import { CoreKeeper } from '../../../src/main/core/keeper';
import { startWebServer } from '../../../src/main/server/listen';
import { createBackup } from '../../../src/main/store/backup';
import { VIEWER } from '../../../src/shared/access';
import type { ChangeEvent } from '../../../src/shared/events';
import type { RecoveryState } from '../../../src/shared/recovery';
import { damageStore } from '../../fixtures/damage';
import { op } from '../../fixtures/core';
import { ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

const clock = fixedClock('2026-11-27T03:00:00Z');
const open: CoreKeeper[] = [];
afterEach(() => open.splice(0).forEach((keeper) => keeper.close()));

const keeperFor = async (dataDir: string) => {
  const keeper = await CoreKeeper.open({ dataDir, assetsDir: ASSETS_DIR, clock, demo: false, scheduler: false });
  open.push(keeper);
  return keeper;
};

/** A data folder whose store holds one runbook, then a backup of it, then a second runbook. */
async function folderWithBackup() {
  const dataDir = tempDir();
  const core = openCore({ dataDir, assetsDir: ASSETS_DIR, clock });
  await op(core, 'saveRunbook', { metadata: { title: 'In the backup' }, body: 'Restart it.\n' });
  const backup = await createBackup(core.store, dataDir, clock.now());
  await op(core, 'saveRunbook', { metadata: { title: 'After the backup' }, body: 'Restart it again.\n' });
  core.close();
  return { dataDir, backup: backup.file, store: path.join(dataDir, 'holdfast.db') };
}

const titles = async (keeper: CoreKeeper) => {
  const result = await keeper.dispatch('listRunbooks', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { items: { title: string }[] }).items.map((item) => item.title).sort();
};

describe('CoreKeeper on a damaged store', () => {
  it('stays up in recovery mode: says what is damaged, lists the backups checked, and refuses everything else', async () => {
    const { dataDir, backup, store } = await folderWithBackup();
    damageStore(store, 'header');
    const keeper = await keeperFor(dataDir);

    expect(keeper.core).toBeUndefined();
    const state = await keeper.dispatch('recoveryState', {});
    expect(state).toMatchObject({ ok: true, value: { damaged: true, databaseFile: store, dataDir } });
    const recovery = (state as { value: RecoveryState & { damaged: true } }).value;
    expect(recovery.problem).toContain(`The data file ${store} is damaged`);
    expect(recovery.backups).toEqual([expect.objectContaining({ file: backup, sound: true, problem: null })]);

    expect(await keeper.dispatch('listRunbooks', {})).toMatchObject({ ok: false, error: { code: 'STORE_UNREADABLE', message: expect.stringContaining(store) as string } });
    expect(await keeper.dispatch('getSession', {}, VIEWER)).toEqual({ ok: true, value: { role: 'viewer' } });
    expect(await keeper.dispatch('noSuchOperation', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('restores a good backup: the damaged file (and its journal) is moved aside intact, the store opens, consoles hear store.replaced', async () => {
    const { dataDir, backup, store } = await folderWithBackup();
    damageStore(store, 'header');
    fs.writeFileSync(`${store}-wal`, 'a journal that belongs to the damaged file');
    const damaged = fs.readFileSync(store);
    const keeper = await keeperFor(dataDir);
    const events: ChangeEvent[] = [];
    keeper.events.subscribe((event) => events.push(event));

    const result = await keeper.dispatch('restoreBackup', { file: backup });

    expect(result).toMatchObject({ ok: true, value: { restored: store, backup, previousDamaged: true } });
    const aside = (result as { value: { previous: string } }).value.previous;
    expect(path.basename(aside)).toBe('holdfast.db.damaged-2026-11-27T03-00-00-000Z');
    expect(fs.readFileSync(aside).equals(damaged)).toBe(true);
    expect(fs.readFileSync(`${aside}-wal`, 'utf8')).toBe('a journal that belongs to the damaged file');
    expect(keeper.core).toBeDefined();
    expect(await titles(keeper)).toEqual(['In the backup']);
    expect(await keeper.dispatch('recoveryState', {})).toEqual({ ok: true, value: { damaged: false } });
    expect(events).toContainEqual({ type: 'store.replaced' });
  });

  it('restores a backup named as the list names it, when the data folder was given as a relative path', async () => {
    const { dataDir, store } = await folderWithBackup();
    damageStore(store, 'header');
    const keeper = await keeperFor(path.relative(process.cwd(), dataDir));
    const listed = (keeper.recoveryState() as Extract<RecoveryState, { damaged: true }>).backups[0]?.file ?? '';
    expect(await keeper.dispatch('restoreBackup', { file: listed })).toMatchObject({ ok: true });
    expect(await titles(keeper)).toEqual(['In the backup']);
  });

  it('restores only backups from its own folder, and not for a viewer', async () => {
    const { dataDir, store } = await folderWithBackup();
    damageStore(store, 'header');
    const elsewhere = path.join(tempDir(), 'holdfast.db');
    fs.copyFileSync(path.join(dataDir, 'backups', fs.readdirSync(path.join(dataDir, 'backups'))[0] ?? ''), elsewhere);
    const keeper = await keeperFor(dataDir);

    expect(await keeper.dispatch('restoreBackup', { file: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'file', message: expect.stringContaining('is not one of the backups in') as string },
    });
    expect(await keeper.dispatch('restoreBackup', { file: elsewhere }, VIEWER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(keeper.core).toBeUndefined();
  });
});

describe('CoreKeeper on a sound store', () => {
  it('restores a backup while open: the replaced store is kept in the backups folder and the restored one is served', async () => {
    const { dataDir, backup } = await folderWithBackup();
    const keeper = await keeperFor(dataDir);
    expect(await titles(keeper)).toEqual(['After the backup', 'In the backup']);

    const result = await keeper.dispatch('restoreBackup', { file: backup });
    expect(result).toMatchObject({ ok: true, value: { previousDamaged: false, previous: expect.stringContaining(path.join(dataDir, 'backups', 'holdfast-before-restore-')) as string } });
    expect(await titles(keeper)).toEqual(['In the backup']);
  });

  it('is the only way to restore: a bare core refuses, saying how', async () => {
    const { dataDir, backup } = await folderWithBackup();
    const core = openCore({ dataDir, assetsDir: ASSETS_DIR, clock });
    try {
      expect(await call(core, 'restoreBackup', { file: backup })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('holdfast backup restore') as string } });
    } finally {
      core.close();
    }
  });
});

describe('holdfast web on a damaged store', () => {
  it('serves recovery over HTTP, then the restored store', async () => {
    const { dataDir, backup, store } = await folderWithBackup();
    damageStore(store, 'header');
    const keeper = await keeperFor(dataDir);
    const rendererDir = tempDir();
    writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Holdfast</title>' });
    const server = await startWebServer({ core: keeper, rendererDir, host: '127.0.0.1', port: 0 });
    const post = (operation: string, body: unknown) =>
      fetch(`${server.origin}/api/${operation}`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}` }, body: JSON.stringify(body) });
    try {
      expect(await (await post('recoveryState', {})).json()).toMatchObject({ ok: true, value: { damaged: true } });
      const refused = await post('listRunbooks', {});
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'STORE_UNREADABLE' } });

      expect(await (await post('restoreBackup', { file: backup })).json()).toMatchObject({ ok: true });
      expect(await (await post('listRunbooks', {})).json()).toMatchObject({ ok: true, value: { items: [{ title: 'In the backup' }] } });
    } finally {
      await server.close();
    }
  });
});
