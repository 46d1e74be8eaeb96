/**
 * The console's one subscription to the core's change events: each event goes
 * through the invalidation table (./invalidation.ts) into the cache.
 */
import type { ChangeEvent } from '../../shared/events';
import { onChange } from './client';
import { EchoLedger, StaleBatch, staleAfter } from './invalidation';
import { queryClient } from './queries';

/** This console's writes, by request id, waiting for their echo. */
export const ownWrites = new EchoLedger();

const batch = new StaleBatch(queryClient);

/**
 * Keeps every cached read current while the console runs. `alsoOn` hears each
 * event after the cache has: for what is not a read (a page reload when a backup
 * replaced the store under it).
 */
export function startLiveUpdates(alsoOn?: (event: ChangeEvent) => void): () => void {
  return onChange(
    (event) => {
      // Whose echo it is, is decided as it arrives: the ledger knows this console's writes in flight.
      batch.add(staleAfter(event, queryClient, ownWrites));
      alsoOn?.(event);
    },
    // Back after a cut: what changed meanwhile was never heard, so everything held is read again (what is on screen, now).
    () => batch.add('everything'),
  );
}
