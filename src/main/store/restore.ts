import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CheckedBackup, RestoreReport } from '../../shared/recovery';
import { diskFull, HoldfastError } from '../errors';
import { backupDir, checkStore, fileStamp, listBackups, partial, removePartialBackups } from './backup';
import { DATABASE_FILE } from './open';

/** The files SQLite keeps beside a store in WAL mode; they belong to it and move with it. */
const COMPANIONS = ['-wal', '-shm'] as const;

/** Every backup in the data folder, newest first, each with SQLite's integrity check on it. */
export function checkedBackups(dataDir: string, nativeBinding?: string): CheckedBackup[] {
  return listBackups(dataDir).map((backup) => {
    const check = checkStore(backup.file, nativeBinding);
    return { ...backup, sound: check.ok, problem: check.ok ? null : check.problems.join('; ') };
  });
}

/** The newest backup that passes the integrity check, if any. */
export function latestGoodBackup(dataDir: string, nativeBinding?: string): CheckedBackup | undefined {
  // Checked one at a time, newest first: the first sound one ends the search.
  for (const backup of listBackups(dataDir)) {
    const check = checkStore(backup.file, nativeBinding);
    if (check.ok) return { ...backup, sound: true, problem: null };
  }
  return undefined;
}

/**
 * Keeps a store file and its -wal/-shm under `<file>.damaged-<time>` (and
 * `…-wal`, `…-shm`), byte for byte, so a specialist can still read them: as a
 * second name of the same file (a hard link), or a copy where the disk cannot
 * link. The store keeps its own name until a restore puts the new store there.
 * Nothing is overwritten: if the name is taken, a number is added. Returns the
 * names kept, the store's first.
 */
export function keepAside(file: string, now: Date): string[] {
  const taken = (base: string) => ['', ...COMPANIONS].some((suffix) => fs.existsSync(`${base}${suffix}`));
  let base = `${file}.damaged-${fileStamp(now)}`;
  for (let n = 2; taken(base); n++) base = `${file}.damaged-${fileStamp(now)}-${n}`;
  const kept: string[] = [];
  for (const suffix of ['', ...COMPANIONS]) {
    if (!fs.existsSync(`${file}${suffix}`)) continue;
    try {
      fs.linkSync(`${file}${suffix}`, `${base}${suffix}`);
    } catch {
      fs.copyFileSync(`${file}${suffix}`, `${base}${suffix}`, fs.constants.COPYFILE_EXCL);
    }
    kept.push(`${base}${suffix}`);
  }
  return kept;
}

/** Files a restore killed part-way left beside the store (`holdfast.db.restoring-<time>`); only while holding the folder's lock. */
export function removeInterruptedRestores(dataDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(`${DATABASE_FILE}.restoring-`)) fs.rmSync(path.join(dataDir, name), { force: true });
  removePartialBackups(dataDir);
}

/**
 * Puts a backup in place of the store. The backup is checked first, then
 * copied in beside the store under a temporary name; the store it replaces is
 * kept (a sound one as a copy in the backups folder, so a restore can itself
 * be undone; a damaged one under `holdfast.db.damaged-<time>` with its -wal
 * and -shm, see `keepAside`); then the copy takes the store's name in one
 * rename. So at every moment the folder holds a whole store, the old one or
 * the new one, and a failure (a full disk) changes nothing. A store made by a
 * newer Holdfast, or one that cannot be opened here, is left alone and the
 * restore refused. Holdfast must not have the store open: the caller holds the
 * folder's lock (src/main/store/lock.ts).
 */
export function restoreBackup(dataDir: string, backupFile: string, now: Date, nativeBinding?: string): RestoreReport {
  const source = path.resolve(backupFile);
  const current = path.resolve(dataDir, DATABASE_FILE);
  if (source === current) throw new HoldfastError('VALIDATION', `${source} is the store itself, not a backup of it.`, 'file');
  const check = checkStore(source, nativeBinding);
  if (check.condition === 'too-new') throw new HoldfastError('VALIDATION', `${source} was ${check.problems.join('; ')}: update Holdfast to restore it.`, 'file');
  if (!check.ok) throw new HoldfastError('VALIDATION', `${source} is not a sound Holdfast backup: ${check.problems.join('; ')}.`, 'file');

  const state = checkStore(current, nativeBinding);
  if (state.condition === 'too-new') {
    throw new HoldfastError(
      'CONFLICT',
      `The data file ${current} was ${state.problems.join('; ')}: update Holdfast. The store was not replaced: it is not damaged, and this version would hide its newer data.`,
    );
  }
  if (state.condition === 'unopenable') throw new HoldfastError('IO', state.summary);

  fs.mkdirSync(dataDir, { recursive: true });
  removeInterruptedRestores(dataDir);
  const incoming = `${current}.restoring-${fileStamp(now)}`;
  let keptCopy: string | null = null;
  try {
    fs.copyFileSync(source, incoming, fs.constants.COPYFILE_EXCL);
    syncFile(incoming);
    let previous: string | null = null;
    if (state.condition === 'ok') {
      keptCopy = path.join(backupDir(dataDir), `holdfast-before-restore-${fileStamp(now)}.db`);
      copyStore(current, keptCopy, nativeBinding);
      previous = keptCopy;
      checkpointJournal(current, nativeBinding);
    } else if (state.condition === 'damaged') {
      previous = keepAside(current, now)[0] ?? null;
    }
    // The old journal goes before the new store takes the name: a journal must never meet a store it was not written for.
    for (const suffix of COMPANIONS) fs.rmSync(`${current}${suffix}`, { force: true });
    fs.renameSync(incoming, current);
    syncFolder(dataDir);
    return { restored: current, backup: source, previous, previousDamaged: state.condition === 'damaged' };
  } catch (error) {
    fs.rmSync(incoming, { force: true });
    if (keptCopy) fs.rmSync(keptCopy, { force: true }); // the store it copied is still in place
    throw diskFull(error, dataDir) ?? error;
  }
}

/** A consistent copy of a sound store, its journal included, read through SQLite without writing to it. */
function copyStore(file: string, target: string, nativeBinding: string | undefined): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.prepare('VACUUM INTO ?').run(partial(target));
  } catch (error) {
    fs.rmSync(partial(target), { force: true });
    throw error;
  } finally {
    db.close();
  }
  fs.renameSync(partial(target), target);
}

/**
 * Moves everything in a sound store's journal into the store file, so the
 * store is whole without it; refuses when another program is in the middle of
 * using the store (the journal cannot be emptied under it).
 */
function checkpointJournal(file: string, nativeBinding: string | undefined): void {
  const db = new Database(file, { fileMustExist: true, timeout: 5000, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (result && (result.busy !== 0 || result.log !== result.checkpointed)) {
      throw new HoldfastError('CONFLICT', `Another program is using ${file} right now, so it was not replaced. Wait for it to finish (or stop it), then try again.`);
    }
  } finally {
    db.close();
  }
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename in `dir` durable (where the platform can open a folder to sync it). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder this way; its renames are durable on their own.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
