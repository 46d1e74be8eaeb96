import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SyncConflict } from '../../shared/sync';
import { writeFileWhole } from '../files/write-whole';

/**
 * What one machine knows about its syncs: when it last synced and the paths
 * waiting for a person, with the blob ids of the versions that met (both stay
 * in the repository's history, so choosing later loses nothing). Kept inside
 * `.git`, so it is never shared: another machine has its own conflicts.
 */
export const OpenConflict = z
  .object({
    path: z.string(),
    base: z.string().nullable(),
    mine: z.string().nullable(),
    theirs: z.string().nullable(),
    conflicts: z.array(SyncConflict),
  })
  .strict();
export type OpenConflict = z.infer<typeof OpenConflict>;

const SyncState = z.object({ lastSync: z.string().nullable(), open: z.array(OpenConflict) }).strict();
export type SyncState = z.infer<typeof SyncState>;

const EMPTY: SyncState = { lastSync: null, open: [] };

const stateFile = (repoDir: string): string => path.join(repoDir, '.git', 'holdfast-sync.json');

/** The machine's sync state; a missing or unreadable file reads as never synced, nothing open. */
export function readState(repoDir: string): SyncState {
  try {
    return SyncState.parse(JSON.parse(fs.readFileSync(stateFile(repoDir), 'utf8')));
  } catch {
    return EMPTY;
  }
}

/** Written under a temporary name and renamed, so a kill leaves the old state or the new one, never half. */
export function writeState(repoDir: string, state: SyncState): void {
  writeFileWhole(stateFile(repoDir), JSON.stringify(state, null, 2));
}

/** The open conflicts with the new ones: a path met again replaces its older record. */
export function withConflicts(state: SyncState, found: readonly OpenConflict[]): OpenConflict[] {
  const paths = new Set(found.map((record) => record.path));
  return [...state.open.filter((record) => !paths.has(record.path)), ...found];
}
