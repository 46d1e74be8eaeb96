/**
 * Child process for the crash test: restores a backup as `holdfast backup
 * restore` does (the folder's lock, then restoreBackup), printing "go" just
 * before, so the test can SIGKILL it at a random moment of the restore itself.
 * It loads only the store code, so it starts quickly.
 */
import { lockDataFolder } from '../../src/main/store/lock';
import { restoreBackup } from '../../src/main/store/restore';

const [dataDir, backup] = process.argv.slice(2);
if (!dataDir || !backup) throw new Error('usage: restore-runner DATA_DIR BACKUP');
process.stdout.write('go\n');
const lock = lockDataFolder(dataDir, 'restore', new Date());
restoreBackup(dataDir, backup, new Date());
lock.release();
process.stdout.write('done 0\n');
