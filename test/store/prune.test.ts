import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneBackups } from '../../src/main/store/backup';
import { tempDir } from '../fixtures/temp';

const NOW = new Date('2026-12-20T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

/** Writes backups/NAME with its modification time `days` ago (what the backups list sorts by). */
function backup(dataDir: string, name: string, days: number, content = 'backup'): void {
  const file = path.join(dataDir, 'backups', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  fs.utimesSync(file, daysAgo(days), daysAgo(days));
}

describe('the daily backup prune', () => {
  it('deletes only daily backups beyond the newest seven; the safety copies stay 30 days, the newest of each kind always', () => {
    const data = tempDir();
    const daily = Array.from({ length: 10 }, (_, i) => `holdfast-2026-12-${String(10 + i).padStart(2, '0')}T03-00-00-000Z.db`);
    daily.forEach((name, i) => backup(data, name, 10 - i));
    // What a restore keeps of the store it replaced, and the copies made before migrations.
    backup(data, 'holdfast-before-restore-2026-10-01T10-00-00-000Z.db', 80);
    backup(data, 'holdfast-before-restore-2026-11-01T10-00-00-000Z.db', 49);
    backup(data, 'holdfast-before-restore-2026-12-15T10-00-00-000Z.db', 5);
    backup(data, 'holdfast-schema6-2026-09-01T10-00-00-000Z.db', 110);
    backup(data, 'holdfast-schema7-2026-10-01T10-00-00-000Z.db', 80);
    backup(data, 'before-the-upgrade.db', 200); // one the user made with backup create FILE
    // Journal files: of a backup the prune deletes, an empty one a read-only look left, and a real one.
    backup(data, `${daily[0] ?? ''}-wal`, 10, 'x');
    backup(data, `${daily[9] ?? ''}-wal`, 1, '');
    backup(data, `${daily[9] ?? ''}-shm`, 1, 'index');
    backup(data, `${daily[8] ?? ''}-wal`, 1, 'frames');

    pruneBackups(data, 7, NOW);

    expect(fs.readdirSync(path.join(data, 'backups')).sort()).toEqual(
      [
        ...daily.slice(3),
        `${daily[8] ?? ''}-wal`,
        'holdfast-before-restore-2026-12-15T10-00-00-000Z.db',
        'holdfast-schema7-2026-10-01T10-00-00-000Z.db',
        'before-the-upgrade.db',
      ].sort(),
    );
  });

  it('keeps the only safety copy of its kind however old it is', () => {
    const data = tempDir();
    for (let day = 1; day <= 9; day++) backup(data, `holdfast-2026-12-${String(day).padStart(2, '0')}T03-00-00-000Z.db`, 20 - day);
    backup(data, 'holdfast-before-restore-2026-01-01T10-00-00-000Z.db', 350);
    pruneBackups(data, 7, NOW);
    expect(fs.existsSync(path.join(data, 'backups', 'holdfast-before-restore-2026-01-01T10-00-00-000Z.db'))).toBe(true);
    expect(fs.readdirSync(path.join(data, 'backups')).filter((name) => name.startsWith('holdfast-2026-'))).toHaveLength(7);
  });
});
