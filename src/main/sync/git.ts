import { execFile } from 'node:child_process';
import { HoldfastError } from '../errors';

/**
 * The system's git, run with execFile (never a shell), with git's own
 * credentials (SSH agent, credential helpers): Holdfast never sees or stores
 * them. Git never prompts (a prompt would hang a background sync): a remote that
 * wants a password it has no helper for is reported as refusing.
 */
export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  /** Exit codes that are answers, not failures (e.g. 1 from `merge` with conflicts). */
  allow?: readonly number[];
  input?: string;
  /** For messages: what was being done, in words ("fetching from the remote"). */
  doing?: string;
}

const MAX_OUTPUT = 512 * 1024 * 1024;

const BASE_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_ASKPASS: '',
  SSH_ASKPASS: '',
  // Messages in one language, so a refusal can be told from an unreachable remote.
  LC_ALL: 'C',
  LANGUAGE: 'C',
  GIT_MERGE_AUTOEDIT: 'no',
  GIT_EDITOR: 'true',
} as const;

// ext:: would run a command named by the remote's address: never, whatever the user's config says.
// gc in the foreground: a detached `gc --auto` (after committing thousands of files) would hold git's locks after the
// command answered, while the next sync takes any lock it finds for a killed git's leftover.
const CONFIG = ['-c', 'gc.autoDetach=false', '-c', 'maintenance.autoDetach=false', '-c', 'protocol.ext.allow=never', '-c', 'core.quotepath=off', '-c', 'core.autocrlf=false', '-c', 'advice.detachedHead=false', '-c', 'init.defaultBranch=main'];

/** A git at a known path, working in `dir`. */
export class Git {
  constructor(
    readonly binary: string,
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Runs git with `args` in the folder; throws a HoldfastError in words for a failure. */
  run(args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        this.binary,
        [...CONFIG, ...args],
        { cwd: this.dir, env: { ...this.env, ...BASE_ENV }, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true },
        (error, stdout, stderr) => {
          if (error && typeof error.code === 'string') return reject(gitMissing(this.binary, error.code));
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          const result = { code, stdout, stderr };
          if (code === 0 || options.allow?.includes(code)) return resolve(result);
          reject(gitFailure(result, options.doing ?? `running git ${args[0] ?? ''}`.trim()));
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  }

  /** Same git in another folder. */
  in(dir: string): Git {
    return new Git(this.binary, dir, this.env);
  }
}

/**
 * Finds git: the path set in Settings if there is one, else `git` on PATH.
 * Answers the git to use, or a one-line reason Holdfast keeps working locally.
 */
export async function locateGit(configured: string | null, dir: string, env: NodeJS.ProcessEnv = process.env): Promise<{ git: Git; version: string } | { git: null; problem: string }> {
  const git = new Git(configured?.trim() || 'git', dir, env);
  try {
    const { stdout } = await git.run(['--version'], { doing: 'asking git for its version' });
    return { git, version: stdout.trim().replace(/^git version /, '') };
  } catch (error) {
    return { git: null, problem: error instanceof Error ? error.message : String(error) };
  }
}

function gitMissing(binary: string, code: string): HoldfastError {
  const where = binary === 'git' ? 'no `git` on PATH' : `the git set in Settings, ${binary}, ${code === 'ENOENT' ? 'does not exist' : 'cannot be run'}`;
  return new HoldfastError(
    'IO',
    `Git was not found (${where}): team sync is off and Holdfast keeps working on this machine. Install git, or set its path in Settings.`,
  );
}

const UNREACHABLE = [/could not resolve host/i, /unable to access/i, /connection (refused|timed out)/i, /network is unreachable/i, /does not appear to be a git repository/i, /no such file or directory/i, /repository not found/i, /not found$/im];
const REFUSED = [/\[remote rejected\]/, /pre-receive hook declined/i, /permission denied/i, /authentication failed/i, /could not read username/i, /access denied/i, /returned error: 40[13]/];
const REJECTED = [/\[rejected\]/, /non-fast-forward/, /fetch first/];

export type GitFailureKind = 'unreachable' | 'refused' | 'rejected' | 'failed';

/** What a git failure means for a person: the remote is not there, it refused us, it rejected our push, or git failed. */
export function failureKind(stderr: string): GitFailureKind {
  // A hook that declines is the remote refusing; only a branch that moved on is worth merging and retrying.
  if (REFUSED.some((pattern) => pattern.test(stderr))) return 'refused';
  if (REJECTED.some((pattern) => pattern.test(stderr))) return 'rejected';
  if (UNREACHABLE.some((pattern) => pattern.test(stderr))) return 'unreachable';
  return 'failed';
}

/** Git's own reason, its first meaningful line, without the `fatal: ` prefix. */
export function gitReason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^hint:/.test(line));
  const line = lines.find((candidate) => /^(fatal|error|remote|!)/.test(candidate)) ?? lines[0] ?? 'no reason given';
  return line.replace(/^(fatal|error): /, '').replace(/\.+$/, '').slice(0, 300);
}

const ADVICE: Record<GitFailureKind, string> = {
  unreachable: 'Check the remote address and the network; your work stays here and syncs when it is back.',
  refused: 'Check your access to the remote (your SSH key or git credential helper; Holdfast never stores credentials).',
  rejected: 'Someone pushed first; sync again to merge their changes and push.',
  failed: 'Your work stays on this machine.',
};

/** A failure of git, said as what was being done, git's reason and what to do. */
export class GitError extends HoldfastError {
  constructor(
    readonly kind: GitFailureKind,
    doing: string,
    readonly reason: string,
  ) {
    super('IO', `Git failed ${doing}: ${reason}. ${ADVICE[kind]}`);
    this.name = 'GitError';
  }
}

function gitFailure(result: GitResult, doing: string): GitError {
  return new GitError(failureKind(result.stderr), doing, gitReason(result.stderr || result.stdout));
}
