/**
 * What the recovery operations work with: the data folder and whoever can swap
 * the store under the running app. They need no open store, so a console can
 * still see where things stand and restore a backup when the store is damaged.
 */
import type { RecoveryState, RestoreReport } from '../../shared/recovery';
import { HoldfastError } from '../errors';
import { opsOver } from '../operations/op';

export interface RecoveryContext {
  readonly dataDir: string;
  /** Whether the store's file is damaged; if so, where it is and every backup, checked. */
  state(): RecoveryState;
  /** Puts one of the data folder's backups in place of the store, and opens it. */
  restore(file: string): RestoreReport;
}

/**
 * The recovery context of a core opened on its own (the CLI, tests): its store
 * is open, so it is not damaged, and nothing here can swap it while it is in use.
 * A running app's keeper provides the real one (src/main/core/keeper.ts).
 */
export const openStoreRecovery = (dataDir: string): RecoveryContext => ({
  dataDir,
  state: () => ({ damaged: false }),
  restore: () => {
    throw new HoldfastError('CONFLICT', 'The store is open here: restore from the app’s Backups screen, or stop Holdfast and run holdfast backup restore FILE.');
  },
});

/** Declares one operation that works without the store: see src/main/operations/op.ts. */
export const recoveryOp = opsOver<RecoveryContext>();
