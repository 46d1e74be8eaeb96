import path from 'node:path';
import { formatBytes } from '../../shared/limits';
import { formatStamp } from '../../shared/zoned-time';
import { DATABASE_FILE } from '../store/open';
import { latestGoodBackup } from '../store/restore';

/**
 * What the CLI adds when the store is damaged: the latest good backup and the
 * exact command that restores it, or what to do when there is none.
 * `dataOption` is the `--data` the user gave, repeated in the command; undefined
 * for the default folder.
 */
export function damagedStoreAdvice(dataDir: string, dataOption: string | undefined): string[] {
  const backup = latestGoodBackup(dataDir);
  if (!backup) {
    return [
      `There is no good backup in ${path.join(dataDir, 'backups')}.`,
      `Copy ${path.join(dataDir, DATABASE_FILE)} (and any -wal file beside it) somewhere safe before trying anything else.`,
    ];
  }
  const command = ['holdfast', ...(dataOption ? ['--data', shellQuote(dataOption)] : []), 'backup', 'restore', shellQuote(backup.file)].join(' ');
  return [
    `The latest good backup is ${backup.file} (${describeTime(backup.createdAt)}, ${formatBytes(backup.bytes)}).`,
    `Stop Holdfast (or use its recovery screen), then restore it (the damaged file is kept as ${DATABASE_FILE}.damaged-<time>, never deleted):`,
    `  ${command}`,
  ];
}

/** `2026-11-27 03:00 UTC`. */
const describeTime = (iso: string): string => formatStamp(iso, 'UTC');

/** A word as a POSIX shell reads it back unchanged: bare if it is plain, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
