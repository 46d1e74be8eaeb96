import path from 'node:path';
import type { Command } from 'commander';
import { formatBreakGlass } from '../format';
import type { Cli } from '../runner';

/** `holdfast export breakglass DIR`: the offline page for the day Holdfast cannot run. */
export function register(program: Command, cli: Cli): void {
  program
    .command('export')
    .description('files to read without Holdfast')
    .command('breakglass')
    .description('one offline HTML page: every runbook, the next 30 days on call, escalation chains and contacts, with search')
    .argument('<dir>', 'folder to write holdfast-breakglass.html into (created if missing)')
    .action(async (dir: string) => {
      await cli.op('exportBreakGlass', { dir: path.resolve(dir) }, formatBreakGlass);
    });
}
