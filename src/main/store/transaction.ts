import type { Database } from 'better-sqlite3';

/**
 * Runs `work` as one write transaction that begins IMMEDIATE: it takes the
 * store's write lock before its first read, so another process writing at the
 * same moment makes it wait (up to the busy timeout set at open) instead of
 * failing with "database is locked". A deferred transaction that reads and then
 * writes cannot wait: SQLite refuses its upgrade at once, because its snapshot
 * is stale. Every transaction in Holdfast goes through here; nested ones become
 * savepoints of the outer one.
 */
export function writeTransaction<T>(db: Database, work: () => T): T {
  return db.transaction(work).immediate();
}
