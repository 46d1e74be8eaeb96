import path from 'node:path';
import Database from 'better-sqlite3';
import { HoldfastError } from '../errors';

/**
 * Who holds a data folder: a running app (`holdfast web`, the desktop app) for
 * as long as it runs, or a restore while it swaps the store. The lock is
 * SQLite's own file lock on `holdfast.lock` (a write transaction kept open):
 * the operating system drops it when the holder's process ends, however it
 * ends (kill -9 included), so a stale lock never outlives its process. Plain
 * CLI commands do not take it: they run beside a running app.
 */
export type LockHolderKind = 'web' | 'desktop' | 'restore';

export interface LockHolder {
  kind: LockHolderKind;
  pid: number;
  since: string;
}

export interface FolderLock {
  release(): void;
}

export const LOCK_FILE = 'holdfast.lock';

const HOLDER_NAMES: Record<LockHolderKind, string> = {
  web: 'holdfast web',
  desktop: 'the Holdfast desktop app',
  restore: 'a backup restore',
};

/**
 * Takes the data folder's lock for `kind`, or throws CONFLICT saying who has
 * it. The folder must exist.
 */
export function lockDataFolder(dataDir: string, kind: LockHolderKind, now: Date, nativeBinding?: string): FolderLock {
  const db = openLockFile(dataDir, 0, nativeBinding);
  /** Runs `step` on the lock file; a busy one means someone else holds the lock. */
  const attempt = (step: () => void) => {
    try {
      step();
    } catch (error) {
      db.close();
      if (isBusy(error)) throw new HoldfastError('CONFLICT', heldMessage(dataDir, kind, lockHolder(dataDir, nativeBinding)));
      throw error;
    }
  };
  attempt(() => db.exec('BEGIN IMMEDIATE'));
  attempt(() => {
    db.exec('CREATE TABLE IF NOT EXISTS holder (kind TEXT NOT NULL, pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (kind, pid, since) VALUES (?, ?, ?)').run(kind, process.pid, now.toISOString());
    db.exec('COMMIT');
    // Held from here on, until release or the end of the process; others can still read who holds it.
    db.exec('BEGIN IMMEDIATE');
  });
  return {
    release: () => {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** Who holds the data folder's lock now, or null when nobody does (or the folder has no lock file). */
export function lockHolder(dataDir: string, nativeBinding?: string): LockHolder | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(path.join(dataDir, LOCK_FILE), { fileMustExist: true, timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
      return null; // free
    } catch (error) {
      if (!isBusy(error)) return null;
    }
    db.pragma('busy_timeout = 2000');
    const row = db.prepare<[], LockHolder>('SELECT kind, pid, since FROM holder').get();
    return row ?? { kind: 'web', pid: 0, since: '' };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

function openLockFile(dataDir: string, timeout: number, nativeBinding: string | undefined): Database.Database {
  const file = path.join(dataDir, LOCK_FILE);
  try {
    return new Database(file, { timeout, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HoldfastError('IO', `Cannot create the lock file ${file} (${reason}): Holdfast needs a data folder it can write in.`);
  }
}

function heldMessage(dataDir: string, wanted: LockHolderKind, holder: LockHolder | null): string {
  const who = holder
    ? `${HOLDER_NAMES[holder.kind]} (process ${holder.pid}${holder.since ? `, since ${holder.since.slice(0, 16).replace('T', ' ')} UTC` : ''})`
    : 'another Holdfast';
  if (holder?.kind === 'restore') return `${who} is replacing the store in ${dataDir}. Wait for it to finish, then try again.`;
  if (wanted === 'restore') {
    return (
      `${who} has the store in ${dataDir} open, so it was not replaced. ` +
      'Restore from the running app instead: open its Backups screen (#/backups; in the desktop app View ▸ Backups and break-glass file) and choose Restore on the backup; ' +
      'or stop it and run this command again.'
    );
  }
  return `${who} already has the store in ${dataDir} open. Use its console (the link it printed), or stop it first: one folder is served by one app at a time.`;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
