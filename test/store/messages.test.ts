import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toApiError } from '../../src/main/errors';
import { LATEST_SCHEMA_VERSION } from '../../src/main/store/migrations';
import { holdfast } from '../fixtures/cli';
import { APP_ROOT, tempDir } from '../fixtures/temp';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A data folder with a store holding one incident and one backup of it. */
async function folder() {
  const data = tempDir();
  expect((await holdfast('--data', data, 'incident', 'declare', '--title', 'Disk full', '--severity', 'SEV2')).status).toBe(0);
  const backup = (JSON.parse((await holdfast('--data', data, '--json', 'backup', 'create')).stdout) as { file: string }).file;
  return { data, store: path.join(data, 'holdfast.db'), backup };
}

describe('messages name the real cause', () => {
  it('check on a read-only folder says the folder is read-only, not that the store is damaged or that there is no good backup', async () => {
    const { data } = await folder();
    fs.chmodSync(path.dirname(data), 0o755);
    for (const name of fs.readdirSync(data)) fs.chmodSync(path.join(data, name), 0o555);
    fs.chmodSync(data, 0o555);
    // Root writes anywhere: run the check as nobody, as a user with a read-only folder would.
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const [command = process.execPath, ...args] = [...asUser, process.execPath, '--import', 'tsx', path.join(APP_ROOT, 'src/main/cli/main.ts'), '--data', data, 'check'];
    const scratch = tempDir();
    fs.chmodSync(scratch, 0o777);
    const result = spawnSync(command, args, { cwd: APP_ROOT, encoding: 'utf8', env: { ...process.env, HOME: scratch, TMPDIR: scratch } });
    fs.chmodSync(data, 0o755);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`holdfast: The data folder ${data} is read-only, so SQLite cannot open ${path.join(data, 'holdfast.db')} there`);
    expect(result.stderr).toContain('That does not mean the file is damaged');
    expect(result.stderr).not.toMatch(/The data file \S+ is damaged|no good backup/);
  });

  it('a store made by a newer Holdfast is called that, never damaged, and a restore leaves it where it is', async () => {
    const { data, store, backup } = await folder();
    const db = new Database(store);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    db.close();
    const before = fs.readFileSync(store);

    const check = await holdfast('--data', data, 'check');
    expect(check.status).toBe(1);
    expect(check.stderr).toBe(
      `holdfast: ${store} was made by a newer Holdfast (schema ${LATEST_SCHEMA_VERSION + 3}, this app knows ${LATEST_SCHEMA_VERSION}): update Holdfast to open it. It is not damaged and was not changed.\n`,
    );
    const restore = await holdfast('--data', data, 'backup', 'restore', backup);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/made by a newer Holdfast \(schema \d+, this app knows \d+\): update Holdfast\. The store was not replaced: it is not damaged/);
    expect(restore.stderr).not.toContain('damaged-');
    expect(fs.readFileSync(store).equals(before)).toBe(true);
    expect(fs.readdirSync(data).filter((name) => name.includes('damaged'))).toEqual([]);
  });

  it('backup create onto the store itself or its journal is refused, and the store is untouched', async () => {
    const { data, store } = await folder();
    const before = fs.readFileSync(store);
    for (const target of [store, `${store}-wal`, path.join(data, '.', 'holdfast.db')]) {
      const result = await holdfast('--data', data, 'backup', 'create', target);
      expect(result.status, target).toBe(1);
      expect(result.stderr).toBe(`holdfast: ${path.resolve(target)} is the store itself (or its journal); choose another file for the backup.\n`);
    }
    expect(fs.readFileSync(store).equals(before)).toBe(true);
    expect((await holdfast('--data', data, 'check')).status).toBe(0);
  });

  it('a full disk during a restore says so with the space left, in one line, and changes nothing', async () => {
    const { data, store, backup } = await folder();
    const before = fs.readFileSync(store);
    vi.spyOn(fs, 'copyFileSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC', errno: -28, syscall: 'copyfile' });
    });
    const result = await holdfast('--data', data, 'backup', 'restore', backup);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^holdfast: The disk is full \\([\\d.]+ (bytes|kB|MB|GB) free in ${data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\); free some space and retry\\. Nothing was changed\\.\\n$`));
    vi.restoreAllMocks();
    expect(fs.readFileSync(store).equals(before)).toBe(true);
    expect(fs.readdirSync(data).filter((name) => name.includes('restoring') || name.includes('damaged'))).toEqual([]);
  });

  it('SQLite running out of disk is "the disk is full", not "Unexpected error"', () => {
    const error = Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' });
    expect(toApiError(error)).toEqual({ code: 'IO', message: 'The disk is full; free some space and retry. Nothing was changed.' });
  });
});
