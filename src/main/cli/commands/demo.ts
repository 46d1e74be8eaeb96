import type { Command } from 'commander';
import { formatWorkspace } from '../format';
import type { Cli } from '../runner';

/** `holdfast demo load|clear`: the demo workspace's sample runbooks. */
export function register(program: Command, cli: Cli): void {
  const demo = program.command('demo').description('the demo workspace of sample runbooks');
  demo
    .command('load')
    .description('add (or refresh) the sample runbooks')
    .action(async () => {
      await cli.op('loadDemoWorkspace', {}, formatWorkspace);
    });
  demo
    .command('clear')
    .description('remove the sample runbooks, keeping your own')
    .action(async () => {
      await cli.op('clearDemoWorkspace', {}, formatWorkspace);
    });
}
