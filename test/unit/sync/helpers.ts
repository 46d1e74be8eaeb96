import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChangeEvent } from '../../../src/shared/events';
import type { EventFile, IncidentFile } from '../../../src/shared/sync';
import { fixedClock, type ManualClock } from '../../../src/main/core/clock';
import { openCore, type Core } from '../../../src/main/core/core';
import { newUid } from '../../../src/main/sync/ids';
import { op } from '../../fixtures/core';
import { ASSETS_DIR, tempDir } from '../../fixtures/temp';
import { Git } from '../../../src/main/sync/git';
import { WorkspaceRepo } from '../../../src/main/sync/repository';

/** A bare repository in a temporary folder: the team's remote, on this disk (never the network). */
export function bareRemote(): string {
  const dir = path.join(tempDir('holdfast-remote-'), 'team.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', dir]);
  return dir;
}

/** A machine's workspace folder (not yet created). */
export function machineDir(name: string): string {
  return path.join(tempDir(`holdfast-${name}-`), 'workspace');
}

/** Connects a new machine's workspace to `remote`. */
export async function machine(name: string, remote: string): Promise<WorkspaceRepo> {
  const { repo } = await WorkspaceRepo.connect(new Git('git', machineDir(name)), remote, { name });
  return repo;
}

export function write(repo: WorkspaceRepo, file: string, content: string): void {
  const full = path.join(repo.dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
}

export const read = (repo: WorkspaceRepo, file: string): string => fs.readFileSync(path.join(repo.dir, file), 'utf8');

export const clock = () => new Date('2026-11-27T03:00:00Z');

/** An incident declared at `atMs` (its uid made then), with `fields` over the defaults. */
export function incidentFile(atMs: number, fields: Partial<IncidentFile> = {}): IncidentFile {
  const at = new Date(atMs).toISOString();
  return { uid: newUid(atMs), title: 'Checkout errors', severity: 'SEV2', services: ['checkout'], drill: false, started_at: at, detected_at: at, declared_at: at, time_zone: 'UTC', ...fields };
}

/** A timeline event of `incident` at `atMs` (a note unless `fields` say otherwise). */
export function eventFile(incident: string, atMs: number, fields: Partial<EventFile> = {}): EventFile {
  return { uid: newUid(atMs), incident, at: new Date(atMs).toISOString(), type: 'note', actor: 'Ana Lima', actor_handle: null, text: 'a note', data: {}, supersedes: null, ...fields };
}

/** One responder's machine: a data folder with its own store and its own clock. */
export interface Machine {
  name: string;
  dataDir: string;
  clock: ManualClock;
  core: Core;
  /** The change events its consoles were sent. */
  events: ChangeEvent[];
}

const opened: Machine[] = [];

/** A new data folder with a store, writing under `name`, its clock at `start`. Close them all with closeMachines. */
export function dataMachine(name: string, start: string): Machine {
  const dataDir = path.join(tempDir(`holdfast-${name}-`), 'data');
  const clock = fixedClock(start);
  const core = openCore({ dataDir, assetsDir: ASSETS_DIR, clock, create: 'always' });
  core.settings.set('workspace.author', name);
  const events: ChangeEvent[] = [];
  core.events.subscribe((event) => events.push(event));
  const made = { name, dataDir, clock, core, events };
  opened.push(made);
  return made;
}

/** Closes a machine's store and opens it again (the CLI opens its own). */
export function reopen(m: Machine): void {
  m.core.close();
  m.core = openCore({ dataDir: m.dataDir, assetsDir: ASSETS_DIR, clock: m.clock });
  m.core.events.subscribe((event) => m.events.push(event));
}

/** Closes every machine's store (afterEach). */
export function closeMachines(): void {
  for (const m of opened.splice(0)) m.core.close();
}

/**
 * Two data folders, Ana's (A) and Bo's (B), on one new remote: A loads the demo
 * workspace (and its roster, with `roster`) and connects first, B connects
 * after and takes them in.
 */
export async function twoDemoMachines(options: { roster?: boolean } = {}): Promise<{ a: Machine; b: Machine }> {
  const remote = bareRemote();
  const a = dataMachine('Ana', '2026-11-27T03:00:00.000Z');
  const b = dataMachine('Bo', '2026-11-27T03:00:00.003Z');
  await op(a.core, 'loadDemoWorkspace', {});
  if (options.roster) await op(a.core, 'importRoster', { path: path.join(ASSETS_DIR, 'demo', 'roster.yaml') });
  await op(a.core, 'syncInit', { remote });
  const joined = await op(b.core, 'syncInit', { remote });
  if (joined.problems.length > 0) throw new Error(`B could not read the shared workspace: ${JSON.stringify(joined.problems)}`);
  return { a, b };
}
