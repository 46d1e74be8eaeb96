import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { formatWorkspace } from '../format';
import type { Cli } from '../runner';

/** `holdfast init`, `settings` and `info`: the data folder and its settings. */
export function register(program: Command, cli: Cli): void {
  program
    .command('init')
    .description('create an empty Holdfast store in the data folder (the folder is made if missing); nothing else creates one from the command line')
    .action(async () => {
      const { DATABASE_FILE } = await import('../../store/open');
      const existed = fs.existsSync(path.join(cli.dataDir, DATABASE_FILE));
      const said = () =>
        existed
          ? `${cli.dataDir} already holds Holdfast data; nothing was changed.\n`
          : `Created an empty Holdfast store in ${cli.dataDir}. Add the sample runbooks with holdfast demo load.\n`;
      // The only command that may create a store anywhere (and the folder it goes in).
      await cli.run('always', (_op, core) => Promise.resolve(core.prepareWorkspace({ demo: false })), { text: said, json: said });
    });

  program
    .command('settings')
    .description('change workspace settings')
    .option('--author <name>', 'who changes are recorded as by default')
    .option('--procedure-headings <list>', 'comma-separated headings whose lists are steps (e.g. "Diagnosis,Mitigation")')
    .option('--break-glass-path <dir>', 'keep the break-glass file up to date in this folder ("" to stop)')
    .option('--git-path <file>', 'the git team sync runs, when it is not git on PATH (a full path; "" to use git on PATH)')
    .action(async (options: { author?: string; procedureHeadings?: string; breakGlassPath?: string; gitPath?: string }) => {
      const procedureHeadings = options.procedureHeadings?.split(',').map((heading) => heading.trim()).filter(Boolean);
      const breakGlassPath = options.breakGlassPath === undefined ? undefined : options.breakGlassPath.trim() === '' ? null : path.resolve(options.breakGlassPath);
      const gitPath = options.gitPath === undefined ? undefined : options.gitPath.trim() === '' ? null : options.gitPath;
      await cli.op('updateSettings', { author: options.author, procedureHeadings, breakGlassPath, gitPath }, formatWorkspace);
    });

  program
    .command('info')
    .description('where the data lives and what it holds')
    .action(async () => {
      await cli.op('getWorkspace', {}, formatWorkspace);
    });
}
