import { z } from 'zod';
import type { BackupInfo } from './workspace';

/** A backup with the result of SQLite's integrity check on it. */
export interface CheckedBackup extends BackupInfo {
  /** True when the backup passed the integrity check and can be restored. */
  sound: boolean;
  /** What is wrong with it, when it is not sound. */
  problem: string | null;
}

/**
 * Whether the app is serving the store or only the recovery operations because
 * the store's file is damaged. Good backups come first in `backups` only by
 * time: newest first, sound or not, so the screen can say which are usable.
 */
export type RecoveryState =
  | { damaged: false }
  | {
      damaged: true;
      dataDir: string;
      databaseFile: string;
      /** What SQLite said about the file. */
      problem: string;
      backups: CheckedBackup[];
    };

export const RestoreBackupInput = z
  .object({ file: z.string().trim().min(1, 'name the backup to restore (one from the backups list)') })
  .strict();

export interface RestoreReport {
  /** The store file, now a copy of the backup. */
  restored: string;
  /** The backup it was copied from. */
  backup: string;
  /** Where the store it replaced is kept; null when there was none. */
  previous: string | null;
  /**
   * True when the replaced store was damaged: it was moved aside as it was, with
   * its -wal and -shm, beside the new one (`holdfast.db.damaged-<time>`).
   */
  previousDamaged: boolean;
}
