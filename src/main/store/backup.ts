import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from './migrations';
import type { Store } from './open';

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

/** A time as it goes into file names: `2026-11-27T03-00-00-000Z`. */
export const fileStamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** A consistent copy of the open store made with SQLite's online backup API, while the app keeps working. */
export async function createBackup(db: Store, dataDir: string, now: Date, file?: string): Promise<BackupInfo> {
  const target = path.resolve(file ?? path.join(backupDir(dataDir), `holdfast-${fileStamp(now)}.db`));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await db.backup(target);
  return { file: target, bytes: fs.statSync(target).size, createdAt: now.toISOString() };
}

/**
 * A backup taken before an import removes something (`holdfast-before-<what>-<time>.db`
 * in the backups folder), so the removal can be undone by restoring it. A store
 * kept only in memory (tests) has no folder to keep one in: null.
 */
export async function backupBeforeRemoval(db: Store, dataDir: string, now: Date, what: string): Promise<BackupInfo | null> {
  if (db.memory) return null;
  return createBackup(db, dataDir, now, path.join(backupDir(dataDir), `holdfast-before-${what}-${fileStamp(now)}.db`));
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
