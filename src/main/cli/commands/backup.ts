import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { RestoreReport } from '../../../shared/recovery';
import type { ErrorCode } from '../../../shared/result';
import type { StoreCondition } from '../../store/backup';
import { asJson, CliExit, type Cli } from '../runner';

/** What `check` ends with when the store is not sound; only damage gets the advice to restore a backup. */
const CHECK_FAILURE: Record<Exclude<StoreCondition, 'ok'>, ErrorCode> = {
  damaged: 'STORE_UNREADABLE',
  'too-new': 'STORE_TOO_NEW',
  missing: 'NOT_FOUND',
  unopenable: 'IO',
};

/**
 * `holdfast backup …` and `holdfast check`. Listing, restoring and checking read
 * the folder and the file themselves, not the store through the API, so they
 * work on a damaged store too.
 */
export function register(program: Command, cli: Cli): void {
  const backup = program.command('backup').description('copies of the store');
  backup
    .command('create')
    .description('back up the store now (online: Holdfast may keep running)')
    .argument('[file]', 'where to write it (default: the backups folder)')
    .action(async (file?: string) => {
      await cli.op('createBackup', { file }, (info) => `Backed up to ${info.file} (${info.bytes} bytes).\n`);
    });
  backup
    .command('list')
    .description('backups in the data folder, newest first')
    .action(async () => {
      const { listBackups } = await import('../../store/backup');
      cli.print(listBackups(cli.dataDir), (list) => (list.length ? list.map((b) => `${b.createdAt}  ${b.file}\n`).join('') : 'No backups yet.\n'));
    });
  backup
    .command('restore')
    .description('put a backup in place of the store, keeping the current one (a damaged one is kept aside); refused while the app runs on the folder')
    .argument('<file>', 'the backup to restore')
    .action(async (file: string) => {
      const [{ lockDataFolder }, { restoreBackup }] = await Promise.all([import('../../store/lock'), import('../../store/restore')]);
      // Refused while an app has the folder open: it would go on writing to the store this replaces.
      fs.mkdirSync(cli.dataDir, { recursive: true });
      const lock = lockDataFolder(cli.dataDir, 'restore', new Date());
      let result: RestoreReport;
      try {
        result = restoreBackup(cli.dataDir, file, new Date());
      } finally {
        lock.release();
      }
      cli.print(result, (restored) => {
        const kept = !restored.previous
          ? ''
          : restored.previousDamaged
            ? ` The damaged store was moved aside to ${restored.previous} (with its -wal and -shm, if any).`
            : ` The store it replaced is kept at ${restored.previous}.`;
        return `Restored ${restored.backup}.${kept}\n`;
      });
    });
  program
    .command('check')
    .description('check the store for damage (exits 1 if it is damaged)')
    .action(async () => {
      const [{ checkStore }, { DATABASE_FILE }] = await Promise.all([import('../../store/backup'), import('../../store/open')]);
      const report = checkStore(path.join(cli.dataDir, DATABASE_FILE));
      // With --json the report is printed either way; as text, the summary is the message of the failure.
      if (cli.json) cli.io.stdout(asJson(report));
      if (!report.ok) throw new CliExit(1, CHECK_FAILURE[report.condition as Exclude<StoreCondition, 'ok'>], report.summary);
      if (!cli.json) cli.io.stdout(`${report.summary}\n`);
    });
}
