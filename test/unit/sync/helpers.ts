import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
