import type { Command } from 'commander';
import { formatWorkspace } from '../format';
import type { Cli } from '../runner';

/** `holdfast demo load|clear`: the demo workspace's sample runbooks. */
export function register(program: Command, cli: Cli): void {
  const demo = program.command('demo').description('the demo workspace of sample runbooks');
  for (const [name, description, operation] of [
    ['load', 'add (or refresh) the sample runbooks', 'loadDemoWorkspace'],
    ['clear', 'remove the sample runbooks, keeping your own', 'clearDemoWorkspace'],
  ] as const) {
    demo
      .command(name)
      .description(description)
      .action(async () => {
        await cli.op(operation, {}, formatWorkspace);
      });
  }
}
