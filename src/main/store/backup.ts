import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { HoldfastError } from '../errors';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { DATABASE_FILE, type Store } from './open';

export interface BackupInfo {
  file: string;
  bytes: number;
  createdAt: string;
}

export interface CheckReport {
  ok: boolean;
  file: string;
  problems: string[];
}

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** A consistent copy of the open store made with SQLite's online backup API, while the app keeps working. */
export async function createBackup(db: Store, dataDir: string, now: Date, file?: string): Promise<BackupInfo> {
  const target = path.resolve(file ?? path.join(backupDir(dataDir), `holdfast-${stamp(now)}.db`));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await db.backup(target);
  return { file: target, bytes: fs.statSync(target).size, createdAt: now.toISOString() };
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.db'))
    .map((name) => {
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      return { file, bytes: stat.size, createdAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}

/** Keeps the newest `keep` backups and deletes the rest (only files in the backups folder). */
export function pruneBackups(dataDir: string, keep: number): void {
  for (const old of listBackups(dataDir).slice(keep)) fs.rmSync(old.file, { force: true });
}

/** SQLite's integrity and foreign-key checks on a store file, read-only. */
export function checkStore(file: string, nativeBinding?: string): CheckReport {
  if (!fs.existsSync(file)) return { ok: false, file, problems: ['the file does not exist'] };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = integrity.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) problems.push(`written by a newer Holdfast (schema ${version})`);
    const keys = db.pragma('foreign_key_check') as unknown[];
    if (keys.length > 0) problems.push(`${keys.length} rows point at rows that do not exist`);
    return { ok: problems.length === 0, file, problems };
  } catch (error) {
    return { ok: false, file, problems: [error instanceof Error ? error.message : String(error)] };
  } finally {
    db?.close();
  }
}

/**
 * Puts a backup in place of the store. The backup is checked first, and the
 * current store is copied to the backups folder before it is replaced, so a
 * restore can itself be undone. Holdfast must not be running on this folder.
 */
export function restoreBackup(dataDir: string, backupFile: string, now: Date): { restored: string; previous: string | null } {
  const source = path.resolve(backupFile);
  const check = checkStore(source);
  if (!check.ok) throw new HoldfastError('VALIDATION', `${source} is not a sound Holdfast backup: ${check.problems.join('; ')}.`, 'file');
  const current = path.join(dataDir, DATABASE_FILE);
  let previous: string | null = null;
  if (fs.existsSync(current)) {
    previous = path.join(backupDir(dataDir), `holdfast-before-restore-${stamp(now)}.db`);
    fs.mkdirSync(path.dirname(previous), { recursive: true });
    const db = new Database(current, { fileMustExist: true });
    try {
      db.prepare('VACUUM INTO ?').run(previous);
    } catch {
      // The current file may be the damaged one being recovered from: keep it byte for byte instead.
      db.close();
      fs.copyFileSync(current, previous);
    } finally {
      if (db.open) db.close();
    }
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${current}${suffix}`, { force: true });
  fs.copyFileSync(source, current);
  return { restored: current, previous };
}
