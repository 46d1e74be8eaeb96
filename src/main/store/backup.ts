import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { diskFull, HoldfastError, isStoreDamage } from '../errors';
import { cannotOpenMessage, keepDamagedJournal, storeFileProblem } from './journal';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { noStoreMessage, type Store } from './open';
import { fileStamp } from './stamp';

export { fileStamp } from './stamp';

export interface BackupInfo {
  file: string;
  bytes: number;
  createdAt: string;
}

/**
 * `ok`: sound. `missing`: no store there (and no sign there was one).
 * `damaged`: SQLite finds damage, or the file is empty, or its journal would be
 * cut short, or its journal is there without it. `too-new`: sound, but made by
 * a newer Holdfast. `unopenable`: it cannot be opened here (a read-only folder,
 * a folder where the file should be, no permission), which says nothing about damage.
 */
export type StoreCondition = 'ok' | 'missing' | 'damaged' | 'too-new' | 'unopenable';

export interface CheckReport {
  ok: boolean;
  file: string;
  condition: StoreCondition;
  problems: string[];
  /** One sentence (or a few) for people: what is wrong and what to do. */
  summary: string;
}

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');

/** The daily backups' names; the only ones the daily prune deletes. */
const DAILY_BACKUP = /^holdfast-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.db$/;
/** How long the other backups (before a restore, before a migration) are kept; the newest of each kind is never pruned. */
export const KEEP_OTHER_BACKUPS_DAYS = 30;

/** A consistent copy of the open store made with SQLite's online backup API, while the app keeps working. */
export async function createBackup(db: Store, dataDir: string, now: Date, file?: string): Promise<BackupInfo> {
  const target = path.resolve(file ?? path.join(backupDir(dataDir), `holdfast-${fileStamp(now)}.db`));
  if (isPartOfStore(target, db.name)) {
    throw new HoldfastError('VALIDATION', `${target} is the store itself (or its journal); choose another file for the backup.`, 'file');
  }
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Written under another name and renamed when whole, so a backup cut short never looks like one.
    await db.backup(partial(target));
    fs.renameSync(partial(target), target);
  } catch (error) {
    fs.rmSync(partial(target), { force: true });
    throw diskFull(error, path.dirname(target)) ?? error;
  }
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

/** Where a backup is written until it is whole. */
export const partial = (file: string) => `${file}.partial`;

/** Backups cut short by a crash (`*.db.partial` in the backups folder); only while holding the folder's lock. */
export function removePartialBackups(dataDir: string): void {
  const dir = backupDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith('.db.partial')) fs.rmSync(path.join(dir, name), { force: true });
}

/** True when `target` is the store file or one of the files SQLite keeps beside it (symbolic links followed). */
function isPartOfStore(target: string, storeFile: string): boolean {
  const real = (file: string) => {
    try {
      return fs.realpathSync(file);
    } catch {
      try {
        return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
      } catch {
        return path.resolve(file);
      }
    }
  };
  const store = real(storeFile);
  const candidate = real(target);
  return ['', '-wal', '-shm', '-journal'].some((suffix) => candidate === `${store}${suffix}`);
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.db'))
    .flatMap((name) => {
      const file = path.join(dir, name);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      return stat?.isFile() ? [{ file, bytes: stat.size, createdAt: stat.mtime.toISOString() }] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}

/**
 * Keeps the newest `keep` daily backups and deletes older daily ones. The
 * other backups (the copy a restore keeps of the store it replaced, the copies
 * made before migrations) are kept for KEEP_OTHER_BACKUPS_DAYS, and the newest
 * of each kind always. Journal files (-wal, -shm) left beside backups that are
 * gone, or empty ones, go too.
 */
export function pruneBackups(dataDir: string, keep: number, now: Date): void {
  const all = listBackups(dataDir);
  const kindOf = (file: string): string => {
    const name = path.basename(file);
    if (DAILY_BACKUP.test(name)) return 'daily';
    return name.replace(/-?\d{4}-\d\d-\d\dT[\d-]+Z(-\d+)?\.db$/, '').replace(/\d+$/, '');
  };
  const seen = new Map<string, number>();
  const cutoff = now.getTime() - KEEP_OTHER_BACKUPS_DAYS * 86_400_000;
  for (const backup of all) {
    const kind = kindOf(backup.file);
    const rank = seen.get(kind) ?? 0;
    seen.set(kind, rank + 1);
    const old = kind === 'daily' ? rank >= keep : rank >= 1 && Date.parse(backup.createdAt) < cutoff;
    if (old) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${backup.file}${suffix}`, { force: true });
  }
  removeStaleJournals(backupDir(dataDir));
}

/** -wal/-shm files in the backups folder whose backup is gone, or whose -wal is empty (a read-only look leaves those). */
function removeStaleJournals(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^(.*\.db)-(wal|shm)$/.exec(name);
    if (!match?.[1]) continue;
    const db = path.join(dir, match[1]);
    const wal = fs.statSync(`${db}-wal`, { throwIfNoEntry: false });
    if (!fs.existsSync(db) || !wal || wal.size === 0) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * SQLite's integrity and foreign-key checks on a store file, read-only, with
 * what kind of trouble it is in: damage, a newer Holdfast's file, or a place
 * where it cannot be opened (which is not damage).
 */
export function checkStore(file: string, nativeBinding?: string): CheckReport {
  const report = (condition: StoreCondition, problems: string[], summary: string): CheckReport => ({
    ok: condition === 'ok',
    file,
    condition,
    problems,
    summary,
  });
  const fileProblem = storeFileProblem(file);
  if (fileProblem) return report(fileProblem.code === 'STORE_UNREADABLE' ? 'damaged' : 'unopenable', [fileProblem.message], fileProblem.message);
  if (!fs.existsSync(file)) {
    return report('missing', ['the file does not exist'], noStoreMessage(path.dirname(file)));
  }
  const journal = keepDamagedJournal(file, new Date());
  if (journal) return report('damaged', [journal], journal);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      return report(
        'too-new',
        [`made by a newer Holdfast (schema ${version}, this app knows ${LATEST_SCHEMA_VERSION})`],
        `${file} was made by a newer Holdfast (schema ${version}, this app knows ${LATEST_SCHEMA_VERSION}): update Holdfast to open it. ` +
          'It is not damaged and was not changed.',
      );
    }
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    // A row may hold several lines, the first naming the database ("*** in database main ***").
    const problems = integrity
      .flatMap((row) => row.integrity_check.split('\n'))
      .map((line) => line.trim())
      .filter((line) => line !== '' && line !== 'ok' && !/^\*\*\* in database \S+ \*\*\*$/.test(line));
    const keys = db.pragma('foreign_key_check') as unknown[];
    if (keys.length > 0) problems.push(`${keys.length} rows point at rows that do not exist`);
    if (problems.length === 0) return report('ok', [], `${file}: ok`);
    const shown = problems.length > 3 ? [...problems.slice(0, 3), `${problems.length - 3} more problems`] : problems;
    return report('damaged', problems, `The data file ${file} is damaged: ${shown.join('; ')}.`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (isStoreDamage(error)) return report('damaged', [reason], `The data file ${file} is damaged: ${reason}.`);
    return report('unopenable', [reason], cannotOpenMessage(file, reason));
  } finally {
    db?.close();
  }
}
