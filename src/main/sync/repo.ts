import type { Store } from '../store/open';

/**
 * `sync_imports`: which version (git blob id) of each workspace file the store
 * agrees with, last written from it or taken into it. A file whose store text
 * still hashes to that blob is left as the workspace has it (a teammate's newer
 * version the store could not read is never written over); one the store
 * changed is written.
 */
export class SyncLedger {
  private readonly statements;

  constructor(db: Store) {
    this.statements = {
      all: db.prepare<[], { path: string; blob: string }>('SELECT path, blob FROM sync_imports'),
      remove: db.prepare<[string]>('DELETE FROM sync_imports WHERE path = ?'),
      set: db.prepare<[string, string, string]>(
        'INSERT INTO sync_imports (path, blob, imported_at) VALUES (?, ?, ?) ON CONFLICT(path) DO UPDATE SET blob = excluded.blob, imported_at = excluded.imported_at',
      ),
    };
  }

  /** Path → blob id, for every file the store agrees with. */
  all(): Map<string, string> {
    return new Map(this.statements.all.all().map((row) => [row.path, row.blob]));
  }

  set(file: string, blob: string, at: string): void {
    this.statements.set.run(file, blob, at);
  }

  /** Forgets a file that is gone from the workspace. */
  remove(file: string): void {
    this.statements.remove.run(file);
  }
}
