import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HoldfastError } from '../errors';

/**
 * The path to git a person sets in Settings (`sync.gitPath`), checked before it
 * is kept: a full path to a file that runs and says it is git. Each refusal
 * says what is wrong with the path and what to give instead.
 */

const FIND_IT = '`which git` (on Windows, `where git`) prints where git is';

const refuse = (message: string): HoldfastError => new HoldfastError('VALIDATION', message, 'gitPath');

/** The git at `given`, with its version; throws in words when it is not one. */
export async function checkGitPath(given: string): Promise<{ path: string; version: string }> {
  const file = given.trim();
  if (!path.isAbsolute(file)) {
    throw refuse(`The path to git must be a full path, such as /usr/bin/git or C:\\Program Files\\Git\\cmd\\git.exe; “${file}” is not. ${FIND_IT}.`);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw refuse(`There is no file at ${file}: check the path (${FIND_IT}).`);
  }
  if (stat.isDirectory()) throw refuse(`${file} is a folder, not a program: give the path of git itself, such as ${path.join(file, 'git')}.`);
  const answer = await versionOf(file);
  if ('problem' in answer) throw refuse(`${file} cannot be run as git: ${answer.problem}. Give the path of the git program (${FIND_IT}).`);
  const version = /^git version (\S+)/.exec(answer.stdout.trim());
  if (!version?.[1]) {
    const said = answer.stdout.trim().split('\n')[0]?.slice(0, 120) || 'nothing';
    throw refuse(`${file} runs, but it is not git: asked for its version, it answered “${said}”. Give the path of the git program (${FIND_IT}).`);
  }
  return { path: file, version: version[1] };
}

/** What `file --version` prints, or why it could not be run, in words. */
function versionOf(file: string): Promise<{ stdout: string } | { problem: string }> {
  return new Promise((resolve) => {
    execFile(file, ['--version'], { timeout: 10_000, encoding: 'utf8', windowsHide: true, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout) => {
      if (!error) return resolve({ stdout });
      const code = (error as { code?: string | number | null }).code;
      if (code === 'EACCES') return resolve({ problem: 'it is not allowed to run (not executable)' });
      if (code === 'ENOEXEC') return resolve({ problem: 'it is not a program' });
      if (error.killed) return resolve({ problem: 'it did not answer within 10 seconds' });
      resolve({ problem: `it failed (${typeof code === 'number' ? `exit status ${code}` : (code ?? error.message.split('\n')[0] ?? 'no reason given')})` });
    });
  });
}
