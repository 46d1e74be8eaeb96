import fs from 'node:fs';
import type { Command } from 'commander';
import type { SyncConflict, SyncStatus } from '../../../shared/sync';
import type { FileProblem } from '../../sync/incident-files';
import type { ArchivedRunbook } from '../../sync/workspace-import';
import { asJson, CliExit, type Cli } from '../runner';

/** `holdfast sync …`: the data folder's team workspace, shared through a git remote (docs/sync.md). */
export function register(program: Command, cli: Cli): void {
  const sync = program
    .command('sync')
    .description('sync the team workspace through its git remote now (commit, fetch, merge, push); see docs/sync.md')
    .action(async () => {
      const report = await cli.op('sync', {}, { text: reportText, json: reportJson });
      if (report.problems.length > 0) cli.status = 1;
    });

  sync
    .command('init')
    .description('connect this data folder to a team’s git remote (an empty one gets this folder’s data; one with a workspace is cloned)')
    .argument('<remote>', 'any address git accepts (git@host:team/holdfast.git, https://…) or a path')
    .action(async (remote: string) => {
      const report = await cli.op('syncInit', { remote }, {
        text: (value) => `Connected to ${value.remote}${value.cloned ? ' (the team’s workspace was taken in)' : ''}.\n${reportText(value)}`,
        json: reportJson,
      });
      if (report.problems.length > 0) cli.status = 1;
    });

  sync
    .command('status')
    .description('where the workspace stands as of the last fetch (no network): remote, last sync, ahead/behind, open conflicts')
    .action(async () => {
      const status = await cli.op('syncStatus', {}, statusText);
      // Without git, team sync is off: the status says why, and the exit status says it too.
      if ('phase' in status && status.phase === 'no-git') cli.status = 1;
    });

  sync
    .command('resolve')
    .description('settle a conflict: keep this machine’s version, take the other machine’s, or put a file’s text in place')
    .argument('<path>', 'the conflicted file, as `holdfast sync status` lists it')
    .option('--mine', 'keep this machine’s version')
    .option('--theirs', 'take the other machine’s version')
    .option('--file <file>', 'put this file’s text in place (an edited merge)')
    .action(async (file: string, options: { mine?: boolean; theirs?: boolean; file?: string }) => {
      const chosen = [options.mine, options.theirs, options.file !== undefined].filter(Boolean).length;
      if (chosen !== 1) throw new CliExit(2, 'VALIDATION', 'Choose one of --mine, --theirs or --file FILE to settle the conflict.');
      let choice: { take: 'mine' } | { take: 'theirs' } | { take: 'content'; content: string };
      if (options.file !== undefined) {
        try {
          choice = { take: 'content', content: fs.readFileSync(options.file, 'utf8') };
        } catch (error) {
          throw new CliExit(1, 'IO', `Could not read ${options.file}: ${error instanceof Error ? error.message : String(error)}. Name the file holding the merged text.`, [], 'file');
        }
      } else choice = options.mine ? { take: 'mine' } : { take: 'theirs' };
      const resolved = await cli.op('syncResolve', { path: file, choice }, {
        text: (value) => `Settled ${value.path}; the choice goes to the team with the next sync.\n${problemsText(value.problems)}`,
        json: (value) => asJson({ path: value.path, problems: value.problems }),
      });
      if (resolved.problems.length > 0) cli.status = 1;
    });
}

interface Reported {
  pulled: Record<string, number>;
  pushed: number;
  conflicts: SyncConflict[];
  problems: FileProblem[];
  archived: ArchivedRunbook[];
}

/** The shape of docs/sync.md, the runbooks archived because another machine removed them, and the files that could not be read. */
const reportJson = (value: Reported): string =>
  asJson({ pulled: value.pulled, pushed: value.pushed, conflicts: value.conflicts, archived: value.archived, problems: value.problems });

function reportText(value: Reported): string {
  const pulled = Object.entries(value.pulled)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`);
  const lines = [`Synced: brought in ${pulled.length > 0 ? pulled.join(', ') : 'nothing new'}; pushed ${value.pushed} commit(s).`];
  for (const runbook of value.archived) lines.push(`Archived ${runbook.title} (${runbook.path}): removed on another machine; \`holdfast runbooks list --archived\` lists it.`);
  for (const conflict of value.conflicts) lines.push(`Conflict in ${conflict.path} (${conflict.kind}): ${conflict.detail}`);
  if (value.conflicts.length > 0) lines.push('Settle each with `holdfast sync resolve PATH --mine|--theirs|--file FILE`.');
  return `${lines.join('\n')}\n${problemsText(value.problems)}`;
}

function problemsText(problems: readonly FileProblem[]): string {
  return problems.map((problem) => `Not read: ${problem.path}${problem.line === null ? '' : `:${problem.line}`}: ${problem.message}\n`).join('');
}

function statusText(status: SyncStatus & { problem?: string | null }): string {
  if (status.remote === null) return 'Not connected to a team remote: `holdfast sync init REMOTE` connects this data folder (docs/sync.md).\n';
  const lines = [
    ...(status.problem ? [status.problem] : []),
    `Remote: ${status.remote}`,
    `Last sync: ${status.lastSync ?? 'never'}`,
    `Ahead ${status.ahead}, behind ${status.behind} (as of the last fetch)`,
    ...status.conflicts.map((conflict) => `Conflict in ${conflict.path} (${conflict.kind}): ${conflict.detail}`),
  ];
  return `${lines.join('\n')}\n`;
}
