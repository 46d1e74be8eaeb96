/**
 * What a console can do whatever state the store is in, a damaged one included:
 * learn who it is, see where things stand, and restore a backup. The keeper
 * serves these even in recovery mode (src/main/core/keeper.ts).
 */
import { RestoreBackupInput } from '../../shared/recovery';
import { EmptyInput } from '../../shared/workspace';
import { listBackups } from '../store/backup';
import { recoveryOp } from './context';

export const recoveryOps = {
  getSession: recoveryOp({
    input: EmptyInput,
    summary: 'Who this console is: a responder (may change things) or a viewer (read-only).',
    access: 'read',
    handler: (_input, _context, session) => ({ role: session.role }),
  }),
  recoveryState: recoveryOp({
    input: EmptyInput,
    summary: 'Whether the store’s file is damaged; if so, where it is and every backup, checked, newest first.',
    access: 'read',
    handler: (_input, recovery) => recovery.state(),
  }),
  listBackups: recoveryOp({
    input: EmptyInput,
    summary: 'Backups in the data folder, newest first.',
    access: 'read',
    handler: (_input, { dataDir }) => listBackups(dataDir),
  }),
  restoreBackup: recoveryOp({
    input: RestoreBackupInput,
    summary: 'Put one of the data folder’s backups in place of the store (a damaged store is moved aside, never deleted) and open it.',
    access: 'write',
    handler: (input, recovery) => recovery.restore(input.file),
    // Everything a console holds is stale.
    emits: () => [{ type: 'store.replaced' }],
  }),
};
