import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HoldfastError } from '../../src/main/errors';
import { createBackup } from '../../src/main/store/backup';
import { closeStore, openStore } from '../../src/main/store/open';
import { checkedBackups, latestGoodBackup, keepAside, restoreBackup } from '../../src/main/store/restore';
import { damageStore } from '../fixtures/damage';
import { tempDir } from '../fixtures/temp';

const NOW = new Date('2026-11-27T03:00:00Z');

/** A store in `dir` with enough notes in it that damage in the middle of the file hits real pages. */
function storeWithNotes(dir: string, notes: string[]) {
  const file = path.join(dir, 'holdfast.db');
  const db = openStore(file);
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  db.transaction(() => notes.forEach((note, i) => insert.run(`note.${i}`, `${note} ${'padding '.repeat(300)}`)))();
  return { file, db };
}

const notesIn = (file: string) => {
  const db = openStore(file);
  try {
    return db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key LIKE 'note.%' ORDER BY rowid").all().map((row) => row.value.split(' ')[0]);
  } finally {
    closeStore(db);
  }
};

const captureError = (work: () => unknown): HoldfastError => {
  try {
    work();
  } catch (error) {
    return error as HoldfastError;
  }
  throw new Error('expected an error');
};

const many = (word: string) => Array.from({ length: 60 }, () => word);

describe('a damaged store at open', () => {
  it.each(['pages', 'header', 'truncate'] as const)('is refused as STORE_UNREADABLE, naming the file, with %s damaged and the file untouched', (how) => {
    const { file, db } = storeWithNotes(tempDir(), many('kept'));
    closeStore(db);
    damageStore(file, how);
    const before = fs.readFileSync(file);

    const error = captureError(() => openStore(file));
    expect(error.code).toBe('STORE_UNREADABLE');
    expect(error.message).toContain(`The data file ${file} is damaged`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Looking read-only may leave an empty journal beside it, never a written one.
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('leaves a damaged store’s -wal exactly as it was', () => {
    const dir = tempDir();
    const { file, db } = storeWithNotes(dir, many('kept'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.prepare("INSERT INTO settings (key, value) VALUES ('only.in.wal', 'yes')").run();
    // A crash: the files as they are on disk while the store is open.
    const crashed = path.join(tempDir(), 'holdfast.db');
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(`${file}${suffix}`, `${crashed}${suffix}`);
    closeStore(db);
    damageStore(crashed, 'pages');
    const before = { db: fs.readFileSync(crashed), wal: fs.readFileSync(`${crashed}-wal`) };

    expect(captureError(() => openStore(crashed)).code).toBe('STORE_UNREADABLE');
    expect(fs.readFileSync(crashed).equals(before.db)).toBe(true);
    expect(fs.readFileSync(`${crashed}-wal`).equals(before.wal)).toBe(true);
  });
});

describe('keepAside', () => {
  it('keeps the store with its -wal and -shm under a second name, byte for byte, leaving the store in place, and never reuses a name', () => {
    const dir = tempDir();
    const file = path.join(dir, 'holdfast.db');
    const write = () => {
      fs.writeFileSync(file, 'store');
      fs.writeFileSync(`${file}-wal`, 'journal');
      fs.writeFileSync(`${file}-shm`, 'index');
    };
    write();
    const first = keepAside(file, NOW);
    expect(first).toEqual([`${file}.damaged-2026-11-27T03-00-00-000Z`, `${file}.damaged-2026-11-27T03-00-00-000Z-wal`, `${file}.damaged-2026-11-27T03-00-00-000Z-shm`]);
    expect(first.map((kept) => fs.readFileSync(kept, 'utf8'))).toEqual(['store', 'journal', 'index']);
    expect([file, `${file}-wal`, `${file}-shm`].map((original) => fs.readFileSync(original, 'utf8'))).toEqual(['store', 'journal', 'index']);

    // As a restore does: the originals' names go to new files.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`);
    write();
    const second = keepAside(file, NOW);
    expect(second[0]).toBe(`${file}.damaged-2026-11-27T03-00-00-000Z-2`);
    expect(fs.readFileSync(first[0] ?? '', 'utf8')).toBe('store');
  });
});

describe('restoreBackup', () => {
  it('moves a damaged store aside (journal too), puts the backup in place, and the store opens with the backup’s data', async () => {
    const dir = tempDir();
    const { file, db } = storeWithNotes(dir, many('before'));
    const backup = await createBackup(db, dir, NOW);
    db.prepare("INSERT INTO settings (key, value) VALUES ('note.after', 'after the backup')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.prepare("INSERT INTO settings (key, value) VALUES ('note.wal', 'only in the journal')").run();
    const crashedDir = tempDir();
    const crashed = path.join(crashedDir, 'holdfast.db');
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(`${file}${suffix}`, `${crashed}${suffix}`);
    fs.mkdirSync(path.join(crashedDir, 'backups'));
    fs.copyFileSync(backup.file, path.join(crashedDir, 'backups', path.basename(backup.file)));
    closeStore(db);
    damageStore(crashed, 'pages');
    const damaged = { db: fs.readFileSync(crashed), wal: fs.readFileSync(`${crashed}-wal`) };

    const report = restoreBackup(crashedDir, path.join(crashedDir, 'backups', path.basename(backup.file)), NOW);

    expect(report).toMatchObject({ restored: crashed, previousDamaged: true, previous: `${crashed}.damaged-2026-11-27T03-00-00-000Z` });
    expect(fs.readFileSync(`${crashed}.damaged-2026-11-27T03-00-00-000Z`).equals(damaged.db)).toBe(true);
    expect(fs.readFileSync(`${crashed}.damaged-2026-11-27T03-00-00-000Z-wal`).equals(damaged.wal)).toBe(true);
    expect(notesIn(crashed)).toEqual(many('before'));
    expect(fs.readdirSync(crashedDir).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it('keeps a sound store it replaces as a copy in the backups folder', async () => {
    const dir = tempDir();
    const { file, db } = storeWithNotes(dir, ['old']);
    const backup = await createBackup(db, dir, NOW);
    db.prepare("INSERT INTO settings (key, value) VALUES ('note.new', 'new')").run();
    closeStore(db);

    const report = restoreBackup(dir, backup.file, new Date('2026-11-28T00:00:00Z'));
    expect(report.previousDamaged).toBe(false);
    expect(report.previous).toBe(path.join(dir, 'backups', 'holdfast-before-restore-2026-11-28T00-00-00-000Z.db'));
    expect(notesIn(file)).toEqual(['old']);
    expect(notesIn(report.previous ?? '')).toEqual(['old', 'new']);
  });

  it('refuses a damaged backup, and the store itself, leaving the store alone', async () => {
    const dir = tempDir();
    const { file, db } = storeWithNotes(dir, many('kept'));
    const backup = await createBackup(db, dir, NOW);
    closeStore(db);
    damageStore(backup.file, 'pages');
    const before = fs.readFileSync(file);

    expect(captureError(() => restoreBackup(dir, backup.file, NOW)).message).toMatch(/is not a sound Holdfast backup/);
    expect(captureError(() => restoreBackup(dir, file, NOW)).message).toMatch(/is the store itself/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('checked backups', () => {
  it('lists every backup newest first with its check, and the latest good one skips damaged newer ones', async () => {
    const dir = tempDir();
    const { db } = storeWithNotes(dir, many('kept'));
    const older = await createBackup(db, dir, NOW);
    const newer = await createBackup(db, dir, new Date('2026-11-28T03:00:00Z'));
    closeStore(db);
    fs.utimesSync(older.file, new Date('2026-11-27T03:00:00Z'), new Date('2026-11-27T03:00:00Z'));
    fs.utimesSync(newer.file, new Date('2026-11-28T03:00:00Z'), new Date('2026-11-28T03:00:00Z'));
    damageStore(newer.file, 'header');

    const checked = checkedBackups(dir);
    expect(checked.map((backup) => [backup.file, backup.sound])).toEqual([
      [newer.file, false],
      [older.file, true],
    ]);
    expect(checked[0]?.problem).toMatch(/not a database/);
    expect(latestGoodBackup(dir)?.file).toBe(older.file);
  });
});
