import type { Migration } from './types';

/**
 * No schema change: what the app derives from stored runbooks changed, and the
 * app rebuilds it on its next start.
 * - 'runbooks.reindex': procedure sections written as prose (no list) now have
 *   steps, one per paragraph with its code blocks, or one per nested heading
 *   (docs/runbook-format.md, "Steps from prose"). Incidents keep the steps they
 *   copied when a runbook was attached.
 * - 'runbooks.read_borrowed_keys': runbooks imported before Holdfast read the
 *   front matter keys other trees use for services and tags (`component`,
 *   `labels`, `categories`) get them, once, where they have none, as a revision
 *   by "holdfast" that says so.
 */
export const migration010: Migration = {
  version: 10,
  name: 'prose steps and borrowed front matter keys',
  up(db) {
    db.exec(`
      INSERT INTO settings (key, value) VALUES ('runbooks.reindex', 'prose-steps')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
      INSERT INTO settings (key, value) VALUES ('runbooks.read_borrowed_keys', 'once')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    `);
  },
};
