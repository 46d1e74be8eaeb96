import type { Command } from 'commander';
import { RUNBOOK_ID_HELP, runbookRef, wholeNumber } from '../args';
import { formatExport, formatHits, formatImport, formatList, formatRevisions, formatRunbook } from '../format';
import type { Cli } from '../runner';

/** `holdfast runbooks …`: the runbook library. */
export function register(program: Command, cli: Cli): void {
  const runbooks = program.command('runbooks').description('the runbook library');
  /** A command on one runbook, named by its number or uid. */
  const onOneRunbook = (name: string, description: string, run: (id: number | string) => Promise<unknown>) =>
    runbooks
      .command(name)
      .description(description)
      .argument('<id>', RUNBOOK_ID_HELP)
      .action(async (id: string) => {
        await run(runbookRef(id));
      });

  runbooks
    .command('import')
    .description('import Markdown runbooks from files or folders (recursively); re-importing a path updates it')
    .argument('<path...>', 'files or folders')
    .action(async (paths: string[]) => {
      const report = await cli.op('importRunbooks', { paths }, formatImport);
      if (report.failed.length > 0) {
        cli.status = 1;
        cli.io.stderr(`holdfast: ${report.failed.length} file(s) could not be imported; the rest were.\n`);
      }
    });

  runbooks
    .command('export')
    .description('write every runbook as Markdown with front matter into a folder, in the layout it came from')
    .argument('<dir>', 'folder to write into (created if missing; nothing in it is deleted)')
    .option('--include-archived', 'also write archived runbooks')
    .action(async (dir: string, options: { includeArchived?: boolean }) => {
      await cli.op('exportRunbooks', { dir, includeArchived: Boolean(options.includeArchived) }, formatExport);
    });

  onOneRunbook('history', 'the revisions of one runbook, newest first', (id) => cli.op('listRunbookRevisions', { id }, formatRevisions));

  runbooks
    .command('search')
    .description('full-text search; the last word matches as a prefix')
    .argument('<query...>', 'words to look for; "quotes" for a phrase')
    .option('--limit <n>', 'at most this many results', '20')
    .option('--tag <tag>', 'only runbooks with this tag')
    .option('--service <service>', 'only runbooks for this service')
    .action(async (words: string[], options: { limit: string; tag?: string; service?: string }) => {
      await cli.op(
        'searchRunbooks',
        { query: words.join(' '), limit: wholeNumber(options.limit, '--limit'), tag: options.tag, service: options.service },
        (hits) => formatHits(hits, cli.io.isTty),
      );
    });

  onOneRunbook('show', 'one runbook with its metadata and Markdown', (id) => cli.op('getRunbook', { id }, formatRunbook));

  runbooks
    .command('list')
    .description('list runbooks')
    .option('--tag <tag>', 'only runbooks with this tag')
    .option('--service <service>', 'only runbooks for this service')
    .option('--needs-review', 'only runbooks past their review date')
    .option('--archived', 'archived runbooks instead of active ones')
    .action(async (options: { tag?: string; service?: string; needsReview?: boolean; archived?: boolean }) => {
      await cli.op('listRunbooks', { ...options, archived: Boolean(options.archived) }, formatList);
    });
}
