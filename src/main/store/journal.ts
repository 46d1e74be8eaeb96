import fs from 'node:fs';
import path from 'node:path';
import { HoldfastError } from '../errors';
import { fileStamp } from './stamp';
import { inspectWal } from './wal';

/**
 * What is wrong at the store's path before SQLite is let near it, or null:
 * SQLite would quietly turn each of these into a new, empty store (a zero-byte
 * file, a journal whose store is gone, a folder of backups whose store is
 * gone), or fail with a bare I/O error (a folder where the file should be).
 */
export function storeFileProblem(file: string): HoldfastError | null {
  const stat = statOrNull(file);
  const name = path.basename(file);
  const dir = path.dirname(file);
  if (stat?.isDirectory()) {
    return new HoldfastError('IO', `${file} is a folder, not Holdfast's data file. Move it out of the way, or point --data at the folder that holds ${name}.`);
  }
  if (stat && stat.size === 0) {
    return new HoldfastError(
      'STORE_UNREADABLE',
      `The data file ${file} is empty (0 bytes): it was cut short or overwritten and holds none of your data. It was not changed; restore a backup.`,
    );
  }
  if (stat) return null;
  if ((statOrNull(`${file}-wal`)?.size ?? 0) > 0) {
    return new HoldfastError(
      'STORE_UNREADABLE',
      `The data file ${file} is missing, but its journal ${name}-wal is still there: the store was deleted or moved. ` +
        `Holdfast will not start a new, empty store over it. Put ${name} back, or restore a backup (the journal is then kept aside, not deleted).`,
    );
  }
  if (hasBackups(dir)) {
    return new HoldfastError(
      'STORE_UNREADABLE',
      `The data file ${file} is missing, but ${path.join(dir, 'backups')} holds Holdfast backups: the store was deleted or moved. ` +
        `Holdfast will not start a new, empty store beside them. Put ${name} back, or restore a backup.`,
    );
  }
  return null;
}

/**
 * When the store's `-wal` is one SQLite would cut short (losing committed
 * transactions, then deleting it at the next checkpoint), keeps a copy of it
 * beside the store as `holdfast.db-wal.damaged-<time>` and returns a message
 * naming both; null when the journal is sound. The journal itself is not touched.
 */
export function keepDamagedJournal(file: string, now: Date): string | null {
  let report = inspectWal(file);
  // Another process may be appending to the journal this moment: only damage that stays is damage.
  for (let look = 0; report.problem && look < 2; look++) {
    sleep(100);
    report = inspectWal(file);
  }
  if (!report.problem) return null;
  const wal = `${file}-wal`;
  let kept: string;
  try {
    kept = `A copy of it is kept as ${keepCopy(wal, now)}.`;
  } catch (error) {
    kept = `A copy of it could not be kept (${error instanceof Error ? error.message : String(error)}): copy ${wal} somewhere safe before anything else.`;
  }
  return (
    `The journal ${wal} of the data file ${file} is damaged: ${report.problem}. ${kept} ` +
    'The store was not opened and nothing was changed. Restore a backup, or give the store and the copy to a specialist (sqlite3 .recover).'
  );
}

/** Copies `file` to `<file>.damaged-<time>`, unless an identical copy is already there; returns the copy's name. */
function keepCopy(file: string, now: Date): string {
  const bytes = fs.readFileSync(file);
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.damaged-`;
  for (const name of fs.readdirSync(dir).filter((entry) => entry.startsWith(prefix))) {
    const existing = path.join(dir, name);
    if (fs.statSync(existing).size === bytes.length && fs.readFileSync(existing).equals(bytes)) return existing;
  }
  let target = `${file}.damaged-${fileStamp(now)}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${file}.damaged-${fileStamp(now)}-${n}`;
  fs.writeFileSync(target, bytes, { flag: 'wx' });
  return target;
}

/**
 * Why SQLite could not open a store that is not damaged, in words: a read-only
 * folder (SQLite writes its -shm index beside the store even to read it) is
 * not damage, and says so.
 */
export function cannotOpenMessage(file: string, reason: string): string {
  const dir = path.dirname(file);
  let writable = true;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) {
    return (
      `The data folder ${dir} is read-only, so SQLite cannot open ${file} there (it keeps its journal and index files beside the store). ` +
      `That does not mean the file is damaged: make the folder writable, or copy the folder somewhere writable and use --data with the copy. Nothing was changed.`
    );
  }
  return `Cannot open the data file ${file} (${reason}). It was not changed.`;
}

function hasBackups(dir: string): boolean {
  try {
    return fs.readdirSync(path.join(dir, 'backups')).some((name) => name.endsWith('.db'));
  } catch {
    return false;
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
