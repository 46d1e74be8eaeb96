import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { EventFile, IncidentFile } from '../../../src/shared/sync';
import { newUid } from '../../../src/main/sync/ids';
import { tempDir } from '../../fixtures/temp';
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
