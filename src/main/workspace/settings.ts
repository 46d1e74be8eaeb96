import type { Store } from '../store/open';

/** Small key/value settings of the workspace, kept in the store. */
export class Settings {
  private readonly getStatement;
  private readonly setStatement;

  constructor(db: Store) {
    this.getStatement = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.setStatement = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | undefined {
    return this.getStatement.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStatement.run(key, value);
  }
}

export const WORKSPACE_CREATED_AT = 'workspace.created_at';
