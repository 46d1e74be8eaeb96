import fs from 'node:fs';
import type { Command } from 'commander';
import type { InputOf } from '../../../shared/contract';
import { wholeNumber } from '../args';
import type { Cli } from '../runner';

/** `holdfast postmortem export`: the post-mortem draft as Markdown or one self-contained HTML file. */
export function register(program: Command, cli: Cli): void {
  program
    .command('postmortem')
    .description('post-mortem drafts')
    .command('export')
    .description('the post-mortem of an incident as Markdown or one self-contained HTML file')
    .argument('<incident>', 'incident id')
    .option('--format <format>', 'md or html', 'md')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (incident: string, options: { format: string; out?: string }) => {
      const { out } = options;
      const input = { incidentId: wholeNumber(incident, 'the incident id'), format: options.format as InputOf<'exportPostmortem'>['format'] };
      // The document is the answer, --json or not.
      const said = (content: string) => (out ? `Wrote ${out}.\n` : content);
      await cli.run(
        'never',
        async (op) => {
          const { content } = await op('exportPostmortem', input);
          if (out) fs.writeFileSync(out, content);
          return content;
        },
        { text: said, json: said },
      );
    });
}
