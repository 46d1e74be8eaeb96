import { Command, CommanderError, Option } from 'commander';
import { APP_VERSION } from '../core/version';
import type { CliIo } from './io';
import { Cli } from './runner';

/**
 * Runs `holdfast <command>` and returns the exit status. Each command group
 * (src/main/cli/commands/) registers its commands; each command runs through
 * the one runner (./runner.ts), which opens the store as it needs, calls
 * operations of the API table and prints text or JSON. `web` serves them all until stopped.
 */
export async function runCli(argv: string[], io: CliIo, appRoot: string): Promise<number> {
  const program = new Command('holdfast');
  const cli = new Cli(io, program, argv, appRoot);

  program
    .description('Holdfast: an offline-first incident-command console. Data stays on this machine.')
    .version(APP_VERSION)
    .addOption(new Option('--data <dir>', 'data folder (default: the platform user-data folder)').env('HOLDFAST_DATA'))
    .option('--json', 'print results as JSON')
    .option('--as <name>', 'the responder a writing command is by: a name, or a roster handle (default: HOLDFAST_AS, else the Settings name)')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Commander's own usage errors (an unknown command, a missing option) say so like every other failure.
      outputError: (text) => cli.say('VALIDATION', text.replace(/^error: /, '').trimEnd()),
    });

  for (const group of await Promise.all(groupsFor(argv).map((load) => load()))) group.register(program, cli);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return cli.status;
  } catch (error) {
    // Commander has already said what was wrong with the command line (or printed the help or version).
    if (error instanceof CommanderError) return error.exitCode;
    return cli.fail(error);
  }
}

type Group = () => Promise<{ register: (program: Command, cli: Cli) => void }>;

/** The command groups by the top-level commands they register, in the order `holdfast --help` lists them. */
const GROUPS: [commands: string[], load: Group][] = [
  [['runbooks'], () => import('./commands/runbooks')],
  [['demo'], () => import('./commands/demo')],
  [['roster'], () => import('./commands/rosters')],
  [['oncall'], () => import('./commands/oncall')],
  [['incident'], () => import('./commands/incidents')],
  [['postmortem'], () => import('./commands/postmortems')],
  [['slo'], () => import('./commands/slos')],
  [['change', 'window'], () => import('./commands/changes')],
  [['sync'], () => import('./commands/sync')],
  [['export'], () => import('./commands/export')],
  [['backup', 'check'], () => import('./commands/backup')],
  [['init', 'settings', 'info'], () => import('./commands/workspace')],
  [['web'], () => import('./commands/web')],
];

/**
 * Only the group of the command typed is loaded (with what it imports), so a
 * command starts without reading every other group's code; help, the version
 * and a command nobody knows load them all.
 */
function groupsFor(argv: readonly string[]): Group[] {
  const named = commandName(argv);
  const group = GROUPS.find(([commands]) => named !== undefined && commands.includes(named));
  return group ? [group[1]] : GROUPS.map(([, load]) => load);
}

/** The first word of the command line that is not a global option or its value. */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data' || arg === '--as') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}
