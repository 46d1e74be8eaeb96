import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CheckedBackup, RestoreReport } from '../../shared/recovery';
import { HoldfastError } from '../errors';
import { backupDir, checkStore, fileStamp, listBackups } from './backup';
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
 * Renames a store file and its -wal/-shm to `<file>.damaged-<time>` (and
 * `…-wal`, `…-shm`), so they stay together, byte for byte, and a restored store
 * never picks up the old journal. Nothing is deleted or overwritten: if the name
 * is taken, a number is added. Returns the new names, the store's first.
 */
export function moveAside(file: string, now: Date): string[] {
  const taken = (base: string) => ['', ...COMPANIONS].some((suffix) => fs.existsSync(`${base}${suffix}`));
  let base = `${file}.damaged-${fileStamp(now)}`;
  for (let n = 2; taken(base); n++) base = `${file}.damaged-${fileStamp(now)}-${n}`;
  const moved: string[] = [];
  // The store itself goes first: until it has, its journal stays beside it.
  for (const suffix of ['', ...COMPANIONS]) {
    if (!fs.existsSync(`${file}${suffix}`)) continue;
    fs.renameSync(`${file}${suffix}`, `${base}${suffix}`);
    moved.push(`${base}${suffix}`);
  }
  return moved;
}

/**
 * Puts a backup in place of the store. The backup is checked first. The store it
 * replaces is kept: a sound one is copied into the backups folder (so a restore
 * can itself be undone); a damaged one is moved aside as it is, with its -wal and
 * -shm (see `moveAside`), never deleted or overwritten. The copy lands under a
 * temporary name and is renamed into place, so the store is never half written.
 * Holdfast must not have the store open.
 */
export function restoreBackup(dataDir: string, backupFile: string, now: Date, nativeBinding?: string): RestoreReport {
  const source = path.resolve(backupFile);
  const current = path.resolve(dataDir, DATABASE_FILE);
  if (source === current) throw new HoldfastError('VALIDATION', `${source} is the store itself, not a backup of it.`, 'file');
  const check = checkStore(source, nativeBinding);
  if (!check.ok) throw new HoldfastError('VALIDATION', `${source} is not a sound Holdfast backup: ${check.problems.join('; ')}.`, 'file');

  let previous: string | null = null;
  let previousDamaged = false;
  if (fs.existsSync(current)) {
    if (checkStore(current, nativeBinding).ok) {
      previous = path.join(backupDir(dataDir), `holdfast-before-restore-${fileStamp(now)}.db`);
      copyStore(current, previous, nativeBinding);
    } else {
      previousDamaged = true;
    }
  }
  // A damaged store, and any journal left without its store, go aside; a sound store's journal is in its copy.
  const aside = previousDamaged || !fs.existsSync(current) ? moveAside(current, now) : [];
  if (previousDamaged) previous = aside[0] ?? null;
  for (const suffix of COMPANIONS) fs.rmSync(`${current}${suffix}`, { force: true });

  const incoming = `${current}.restoring-${fileStamp(now)}`;
  fs.copyFileSync(source, incoming, fs.constants.COPYFILE_EXCL);
  syncFile(incoming);
  fs.renameSync(incoming, current);
  return { restored: current, backup: source, previous, previousDamaged };
}

/** A consistent copy of a sound store, its journal included, read through SQLite without writing to it. */
function copyStore(file: string, target: string, nativeBinding: string | undefined): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.prepare('VACUUM INTO ?').run(target);
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
