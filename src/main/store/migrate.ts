import type { Database } from 'better-sqlite3';
import { HoldfastError } from '../errors';
import type { Migration } from './migrations/types';
import { writeTransaction } from './transaction';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the newest schema in one transaction: either every
 * pending migration lands, or none does. A database written by a newer
 * Holdfast is refused and left exactly as it is.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((migration, index) => {
    const previous = index === 0 ? 0 : (migrations[index - 1]?.version ?? 0);
    if (!(migration.version > previous)) {
      throw new Error(`Migration registry out of order: position ${index + 1} holds version ${migration.version} after ${previous}`);
    }
  });
  const from = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new HoldfastError(
      'STORE_TOO_NEW',
      `This data was written by a newer version of Holdfast (schema ${from}; this version knows up to ${latest}). ` +
        'Update Holdfast to open it. The file was not changed.',
    );
  }
  if (from === latest) return { from, to: latest };

  writeTransaction(db, () => {
    // Read again under the write lock: another process may have migrated it meanwhile.
    const current = schemaVersion(db);
    for (const migration of migrations.filter((pending) => pending.version > current)) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  return { from, to: latest };
}
