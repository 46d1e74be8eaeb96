import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { formatRosterImport } from '../format-rosters';
import type { Cli } from '../runner';

/** `holdfast roster …`: the on-call roster as a YAML file, and people from CSV. */
export function register(program: Command, cli: Cli): void {
  const roster = program.command('roster').description('the on-call roster (docs/roster-format.md)');
  roster
    .command('import')
    .description('make the roster what a YAML roster file says; refused whole, with every problem listed, if any')
    .argument('<file>', 'roster YAML file')
    .option('--dry-run', 'only check the file and say what importing it would change and remove')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      await cli.op('importRoster', { path: path.resolve(file), dryRun: options.dryRun === true }, formatRosterImport);
    });
  roster
    .command('export')
    .description('write the roster as a YAML roster file')
    .argument('<file>', 'file to write ("-" for standard output)')
    .action(async (file: string) => {
      const toStdout = file === '-';
      await cli.run(
        'never',
        async (op) => {
          const { yaml } = await op('exportRoster', {});
          if (!toStdout) fs.writeFileSync(file, yaml);
          return yaml;
        },
        // The file is YAML either way; --json only quiets the line that says where it went.
        toStdout ? { text: (yaml) => yaml, json: (yaml) => yaml } : { text: () => `Wrote the roster to ${file}.\n`, json: () => '' },
      );
    });
  roster
    .command('import-people')
    .description('add or update people from CSV (handle, name, time_zone, then phone, sms, email, chat)')
    .argument('<file>', 'CSV file')
    .action(async (file: string) => {
      await cli.op('importPeopleCsv', { path: path.resolve(file) }, (value) => `Imported ${value.people} ${value.people === 1 ? 'person' : 'people'}.\n`);
    });
}
