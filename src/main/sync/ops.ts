/** Team sync's operations (docs/sync.md; see src/main/operations/op.ts for what a declaration holds). */
import type { ChangeEventBody } from '../../shared/events';
import { SyncInitInput, SyncPathInput, SyncResolveInput } from '../../shared/sync';
import { EmptyInput } from '../../shared/workspace';
import { op } from '../operations/context';
import { conflictVersions, initSync, resolveSync, runSync, statusOfSync, type SyncOutcome, type SyncStatusNow } from './service';

/** What a sync took in, as the change events that refresh every open console's screens. */
export const refreshed = (refresh: SyncOutcome['refresh']): ChangeEventBody[] => [
  { type: 'sync.changed' },
  ...(refresh.runbooks ? [{ type: 'runbooks.changed' } as const] : []),
  ...(refresh.roster ? [{ type: 'rosters.changed' } as const] : []),
  ...(refresh.drills ? [{ type: 'scenarios.changed' } as const] : []),
  ...(refresh.slos ? [{ type: 'slos.changed' } as const] : []),
  ...(refresh.changes ? [{ type: 'changes.changed' } as const] : []),
  ...refresh.incidents.map((id) => ({ type: 'incident.changed', id }) as const),
];

export const syncOps = {
  syncInit: op({
    input: SyncInitInput,
    summary: 'Connect this data folder to a team’s git remote: an empty remote gets this folder’s shared data, one with a workspace is cloned and taken in.',
    access: 'write',
    handler: (input, context) => initSync(context, input.remote),
    emits: (_input, output) => refreshed(output.refresh),
  }),
  sync: op({
    input: EmptyInput,
    summary: 'Sync the team workspace now: commit this machine’s changes, fetch, merge, push, and take in what came.',
    access: 'write',
    handler: (_input, context) => runSync(context),
    emits: (_input, output) => refreshed(output.refresh),
  }),
  syncStatus: op({
    input: EmptyInput,
    summary: 'Where the team workspace stands as of the last fetch: remote, last sync, commits ahead and behind, open conflicts.',
    access: 'read',
    // While the app runs, also what its background sync is doing (syncing, offline, refused, failed) and why.
    handler: async (_input, context): Promise<SyncStatusNow> => {
      const status = await statusOfSync(context);
      // Without git there is nothing the background sync could say besides.
      if ('phase' in status) return status;
      const background = context.backgroundSync?.state();
      return background ? { ...status, phase: background.phase, problem: background.problem } : status;
    },
  }),
  syncConflict: op({
    input: SyncPathInput,
    summary: 'The versions of a conflicted file: the common one, this machine’s and the other machine’s.',
    access: 'read',
    handler: (input, context) => conflictVersions(context, input.path),
  }),
  syncResolve: op({
    input: SyncResolveInput,
    summary: 'Settle a sync conflict with this machine’s version, the other machine’s, or an edited merge.',
    access: 'write',
    handler: (input, context) => resolveSync(context, input.path, input.choice),
    emits: (_input, output) => refreshed(output.refresh),
  }),
};
