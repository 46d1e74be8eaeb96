import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreKeeper } from '../../src/main/core/keeper';
import { holdfast } from '../fixtures/cli';
import { ASSETS_DIR, tempDir } from '../fixtures/temp';

const open: CoreKeeper[] = [];
afterEach(() => open.splice(0).forEach((keeper) => keeper.close()));
const keeperFor = async (dataDir: string) => {
  const keeper = await CoreKeeper.open({ dataDir, assetsDir: ASSETS_DIR, demo: false, scheduler: false, app: 'web' });
  open.push(keeper);
  return keeper;
};

const READ_COMMANDS = [['incident', 'list'], ['oncall'], ['runbooks', 'list'], ['info'], ['check'], ['backup', 'create'], ['demo', 'clear']];

/** A folder whose store holds one incident, made the way a user would. */
async function folderWithIncident() {
  const data = tempDir();
  expect((await holdfast('--data', data, 'init')).status).toBe(0);
  expect((await holdfast('--data', data, 'incident', 'declare', '--title', 'Disk full', '--severity', 'SEV2')).status).toBe(0);
  return { data, store: path.join(data, 'holdfast.db') };
}

describe('a folder with no store', () => {
  it('a mistyped --data: read commands say there is no Holdfast data there and create nothing, not even the folder', async () => {
    const typo = path.join(tempDir(), 'holdfsat');
    for (const command of [...READ_COMMANDS, ['incident', 'declare', '--title', 'x', '--severity', 'SEV1'], ['runbooks', 'import', ASSETS_DIR]]) {
      const result = await holdfast('--data', typo, ...command);
      expect(result.status, command.join(' ')).toBe(1);
      expect(result.stderr, command.join(' ')).toBe(`holdfast: No Holdfast data in ${typo}: run \`holdfast init\` there, or start the app there (holdfast web, or the desktop app), to create it.\n`);
      expect(fs.existsSync(typo), command.join(' ')).toBe(false);
    }
  });

  it('an existing folder that is not empty: nothing creates a store in it but init and the app', async () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, 'notes.txt'), 'mine');
    for (const command of [...READ_COMMANDS, ['incident', 'declare', '--title', 'x', '--severity', 'SEV1']]) {
      expect((await holdfast('--data', home, ...command)).status, command.join(' ')).toBe(1);
    }
    expect(fs.readdirSync(home)).toEqual(['notes.txt']);
  });

  it('init creates an empty store (the folder too) and says so; a second init changes nothing', async () => {
    const data = path.join(tempDir(), 'new', 'holdfast');
    expect(await holdfast('--data', data, 'init')).toEqual({ status: 0, stdout: `Created an empty Holdfast store in ${data}. Add the sample runbooks with holdfast demo load.\n`, stderr: '' });
    expect(await holdfast('--data', data, 'incident', 'list')).toMatchObject({ status: 0, stdout: 'No incidents.\n' });
    expect((await holdfast('--data', data, 'init')).stdout).toBe(`${data} already holds Holdfast data; nothing was changed.\n`);
  });

  it('a command that adds data creates the store in an empty folder made for it', async () => {
    const data = tempDir();
    expect((await holdfast('--data', data, 'incident', 'declare', '--title', 'First', '--severity', 'SEV3')).status).toBe(0);
    expect(fs.existsSync(path.join(data, 'holdfast.db'))).toBe(true);
  });

  it('the app (holdfast web, the desktop app) creates it on its first start', async () => {
    const data = path.join(tempDir(), 'fresh');
    expect((await keeperFor(data)).core).toBeDefined();
    expect(fs.existsSync(path.join(data, 'holdfast.db'))).toBe(true);
  });
});

describe('a store that is gone or empty never becomes a new, empty workspace', () => {
  it('a zero-byte holdfast.db: commands and check say it is empty and exit 1, the app opens recovery, the file stays as it was', async () => {
    const { data, store } = await folderWithIncident();
    fs.truncateSync(store, 0);
    for (const command of [['incident', 'list'], ['check'], ['incident', 'declare', '--title', 'x', '--severity', 'SEV1']]) {
      const result = await holdfast('--data', data, ...command);
      expect(result.status, command.join(' ')).toBe(1);
      expect(result.stderr).toContain(`holdfast: The data file ${store} is empty (0 bytes)`);
    }
    const keeper = await keeperFor(data);
    expect(keeper.core).toBeUndefined();
    expect(keeper.recoveryState()).toMatchObject({ damaged: true, problem: expect.stringContaining('is empty (0 bytes)') as string });
    keeper.close();
    expect(fs.statSync(store).size).toBe(0);
  });

  it('a -wal without its holdfast.db: refused and kept as it is, never a new store over it', async () => {
    const { data, store } = await folderWithIncident();
    fs.writeFileSync(`${store}-wal`, Buffer.alloc(4096, 7));
    fs.rmSync(store);
    const check = await holdfast('--data', data, 'check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`The data file ${store} is missing, but its journal holdfast.db-wal is still there`);
    expect((await keeperFor(data)).recoveryState()).toMatchObject({ damaged: true });
    expect(fs.existsSync(store)).toBe(false);
    expect(fs.statSync(`${store}-wal`).size).toBe(4096);
  });

  it('a deleted holdfast.db beside its backups: the app opens recovery with the backups, not an empty console', async () => {
    const { data, store } = await folderWithIncident();
    expect((await holdfast('--data', data, 'backup', 'create')).status).toBe(0);
    fs.rmSync(store);
    const keeper = await keeperFor(data);
    const state = keeper.recoveryState();
    expect(state).toMatchObject({ damaged: true, problem: expect.stringContaining('is missing, but') as string });
    expect(state.damaged && state.backups.length).toBe(1);
    expect(fs.existsSync(store)).toBe(false);
  });

  it('holdfast.db that is a folder: says so', async () => {
    const data = tempDir();
    fs.mkdirSync(path.join(data, 'holdfast.db'));
    for (const command of [['check'], ['incident', 'list']]) {
      const result = await holdfast('--data', data, ...command);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`holdfast: ${path.join(data, 'holdfast.db')} is a folder, not Holdfast's data file. Move it out of the way, or point --data at the folder that holds holdfast.db.\n`);
    }
  });
});
