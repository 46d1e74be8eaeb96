import type { Migration } from './types';

/**
 * Each responder under their own name (issue #19): a timeline event records,
 * besides the name it was logged under (`actor`), the roster handle of the
 * responder when they picked themselves from the roster (null for a name typed
 * freely, the Settings name, and every event stored before). Like the rest of
 * an event it never changes once written; its own trigger says so, apart from
 * the append-only trigger of 004, so other migrations may replace that one.
 */
export const migration015: Migration = {
  version: 15,
  name: 'event actor handle',
  up(db) {
    db.exec(`
      ALTER TABLE incident_events ADD COLUMN actor_handle TEXT;
      CREATE TRIGGER incident_events_actor_handle_fixed BEFORE UPDATE OF actor_handle ON incident_events
      WHEN NEW.actor_handle IS NOT OLD.actor_handle
      BEGIN SELECT RAISE(ABORT, 'incident events are append-only'); END;
    `);
  },
};
