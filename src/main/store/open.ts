import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { HoldfastError, isStoreDamage } from '../errors';
import { cannotOpenMessage, keepDamagedJournal, storeFileProblem } from './journal';
import { migrate, schemaVersion } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

export const DATABASE_FILE = 'holdfast.db';

export interface OpenStoreOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron needs its own build). */
  nativeBinding?: string;
  /** For tests of the migration machinery; the app always uses the full registry. */
  migrations?: readonly Migration[];
  /** Where a copy goes before a migration changes an existing database; defaults to `<data>/backups`. */
  backupDir?: string;
  /** When there is no store file yet: see `CreatePolicy`. Defaults to `in-empty-folder`. */
  create?: CreatePolicy;
}

/**
 * Who may create a new, empty store where there is none. `always`: the app's
 * first start on a folder (`holdfast web`, the desktop app, `holdfast init`;
 * the folder is made if missing). `in-empty-folder`: a command that writes,
 * only into a folder that exists and is empty (one made for it), so a mistyped
 * `--data` never grows a store. `never`: commands that only read.
 */
export type CreatePolicy = 'never' | 'in-empty-folder' | 'always';

export type Store = Database.Database;

/**
 * Opens the store file with the pragmas Holdfast relies on, and migrates it;
 * creates it only as `create` allows. Refuses a damaged file (an empty one, a
 * journal without its store, a journal SQLite would cut short) or one from a
 * newer Holdfast without writing to it.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const migrations = options.migrations ?? allMigrations;
  const problem = storeFileProblem(file);
  if (problem) throw problem;
  if (fs.existsSync(file)) {
    assertJournalSound(file);
    assertUndamaged(file, options.nativeBinding);
  } else {
    assertMayCreate(file, options.create ?? 'in-empty-folder');
  }
  const db = new Database(file, {
    timeout: 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    const from = readSchemaVersion(db, file);
    const latest = migrations.at(-1)?.version ?? 0;
    if (from > latest) {
      migrate(db, migrations); // throws STORE_TOO_NEW before touching anything
    }
    applyPragmas(db);
    if (from > 0 && from < latest) {
      backUpBeforeMigration(db, options.backupDir ?? path.join(path.dirname(file), 'backups'), from);
    }
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** An in-memory store with the full schema, for tests. */
export function openMemoryStore(migrations: readonly Migration[] = allMigrations): Store {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

export function closeStore(db: Store): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } catch {
    // Only statistics for the query planner; another writer holding the store must not fail a close.
  } finally {
    db.close();
  }
}

/** The message for a folder with no store, where this command may not create one. */
export function noStoreMessage(dataDir: string): string {
  return `No Holdfast data in ${dataDir}: run \`holdfast init\` there, or start the app there (holdfast web, or the desktop app), to create it.`;
}

function assertMayCreate(file: string, policy: CreatePolicy): void {
  const dir = path.dirname(file);
  if (policy === 'always') {
    fs.mkdirSync(dir, { recursive: true });
    return;
  }
  const empty = policy === 'in-empty-folder' && isEmptyFolder(dir);
  if (!empty) throw new HoldfastError('NOT_FOUND', noStoreMessage(dir));
}

function isEmptyFolder(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch {
    return false;
  }
}

/** A journal SQLite would cut short is copied aside (never changed) and the store refused, naming both. */
function assertJournalSound(file: string): void {
  const problem = keepDamagedJournal(file, new Date());
  if (problem) throw new HoldfastError('STORE_UNREADABLE', problem);
}

const QUICK_CHECK_PROBLEMS = 5;

/**
 * Reads every page of an existing store, read-only, before anything writes to it
 * (SQLite's quick_check: page structure and records, not index contents). A
 * read-only connection never checkpoints, so a damaged file and its -wal are left
 * exactly as they were (on a WAL store it may add an empty -wal and -shm, which
 * are left: another process may be opening the store at the same moment).
 */
function assertUndamaged(file: string, nativeBinding: string | undefined): void {
  let db: Database.Database | undefined;
  let problems: string[];
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma(`quick_check(${QUICK_CHECK_PROBLEMS})`) as { quick_check: string }[];
    problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!isStoreDamage(error)) throw new HoldfastError('IO', cannotOpenMessage(file, reason));
    problems = [reason];
  } finally {
    db?.close();
  }
  if (problems.length > 0) {
    throw new HoldfastError(
      'STORE_UNREADABLE',
      `The data file ${file} is damaged and cannot be opened (${problems.join('; ')}). It was not changed.`,
    );
  }
}

function readSchemaVersion(db: Store, file: string): number {
  try {
    return schemaVersion(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HoldfastError(
      'STORE_UNREADABLE',
      `The data file ${file} cannot be read (${reason}). It was not changed.`,
    );
  }
}

function applyPragmas(db: Store): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new HoldfastError('IO', `Could not switch the store to WAL journaling (got ${String(mode)}).`);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function backUpBeforeMigration(db: Store, backupDir: string, from: number): void {
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(backupDir, `holdfast-schema${from}-${stamp}.db`);
  db.prepare('VACUUM INTO ?').run(target);
}
