import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { max, type Figure } from '../figures';
import { timed } from '../stats';
import { call } from '../../src/main/api';
import type { Core } from '../../src/main/core/core';
import { newUid } from '../../src/main/sync/ids';
import { workspaceDir } from '../../src/main/sync/service';
import { deriveState, mergeTimelines } from '../../src/main/sync/timeline';
import type { EventFile, IncidentFile } from '../../src/shared/sync';

export interface SyncFigures {
  firstSyncMs: number;
  noopSyncMs: number;
  mergeMs: number;
  files: number;
}

/**
 * Team sync (docs/sync.md) on the bench's library: the first sync of the whole
 * store to an empty local remote, a sync with nothing new, and two machines'
 * timelines of `events` events each merged into one with its derived state.
 * The data folder's workspace is removed afterwards, so later figures see the
 * folder as it was.
 */
export async function measureSync(core: Core, work: string, events: number): Promise<SyncFigures> {
  const remote = path.join(work, 'team.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', remote]);
  const must = async (name: 'syncInit' | 'sync', input: object) => {
    const result = await call(core, name, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  };
  const firstSyncMs = (await timed(() => must('syncInit', { remote }))).ms;
  const files = Number(execFileSync('git', ['-C', workspaceDir(core.options.dataDir), 'ls-files'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n').length - 1);
  const noopSyncMs = (await timed(() => must('sync', {}))).ms;
  // Sync runs git's auto gc in the foreground (src/main/sync/git.ts), so nothing writes here once it has answered.
  fs.rmSync(workspaceDir(core.options.dataDir), { recursive: true, force: true });

  const start = Date.parse('2026-11-27T03:00:00Z');
  const incident: IncidentFile = { uid: newUid(start), title: 'Checkout errors', severity: 'SEV2', services: ['checkout'], drill: false, started_at: new Date(start).toISOString(), detected_at: new Date(start).toISOString(), declared_at: new Date(start).toISOString(), time_zone: 'UTC' };
  const timeline = (actor: string, offset: number): EventFile[] =>
    Array.from({ length: events }, (_, i) => {
      const at = start + i * 13 + offset;
      return { uid: newUid(at), incident: incident.uid, at: new Date(at).toISOString(), type: 'note', actor, actor_handle: null, text: `${actor} note ${i}`, data: {}, supersedes: null };
    });
  const [a, b] = [timeline('Ana', 0), timeline('Bo', 5)];
  const mergeMs = (await timed(() => {
    const merged = mergeTimelines(a, b);
    deriveState(incident, merged.events);
    if (merged.events.length !== 2 * events) throw new Error(`merging two timelines of ${events} events gave ${merged.events.length}`);
  })).ms;
  return { firstSyncMs, noopSyncMs, mergeMs, files };
}

export function syncFigures(figures: SyncFigures, runbooks: number, events: number): Figure[] {
  return [
    { id: 'sync.first', label: `Team sync: first sync of ${runbooks.toLocaleString('en')} runbooks to an empty local remote`, value: figures.firstSyncMs / 1000, unit: 's', note: `${figures.files.toLocaleString('en')} files written, committed and pushed` },
    { id: 'sync.noop', label: 'Team sync: a sync with nothing new', value: figures.noopSyncMs / 1000, unit: 's', budget: max(2), note: 'the store compared with the workspace, git status, fetch, nothing pushed' },
    { id: 'sync.merge', label: `Team sync: two timelines of ${events.toLocaleString('en')} events merged`, value: figures.mergeMs / 1000, unit: 's', budget: max(2), note: 'union by uid, ordered by time then uid, state derived' },
  ];
}
