import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { fixedClock } from '../../core/clock';
import { isLoopbackHost } from '../../server/served-address';
import { CliExit, usageError, type Cli } from '../runner';

/** `holdfast web`: the console and its API for a browser, until stopped. */
export function register(program: Command, cli: Cli): void {
  program
    .command('web')
    .description('serve the console and its API to a browser on this machine')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--host <addr>', 'address to listen on; anything but loopback lets other machines connect', '127.0.0.1')
    .option('--empty', 'on a new data folder, start without the demo workspace')
    .addOption(new Option('--test-clock <iso>', 'for end-to-end tests: time stands still at ISO and moves only by POST /test/clock').hideHelp())
    .action(async (options: { port: string; host: string; empty?: boolean; testClock?: string }) => {
      const { io, dataDir, rendererDir } = cli;
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw usageError(`--port must be a whole number from 0 to 65535, got "${options.port}"`);
      }
      if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
        throw new CliExit(1, 'NOT_FOUND', `the console is not built yet (no ${rendererDir}): run npm run build, or npm run web`);
      }
      const testClock = options.testClock === undefined ? undefined : parseTestClock(options.testClock);
      if (!isLoopbackHost(options.host)) io.stderr(nonLoopbackWarning(options.host));
      const [{ CoreKeeper }, { startWebServer }, { DATABASE_FILE }] = await Promise.all([
        import('../../core/keeper'),
        import('../../server/listen'),
        import('../../store/open'),
      ]);
      // A damaged store does not stop the console: it opens in recovery mode, offering the backups to restore.
      const isNew = !fs.existsSync(path.join(dataDir, DATABASE_FILE));
      const keeper = await CoreKeeper.open({
        dataDir,
        assetsDir: cli.assetsDir,
        ...(testClock ? { clock: testClock } : {}),
        demo: !options.empty,
        scheduler: true,
        app: 'web',
      });
      if (isNew && keeper.core) io.stderr(`holdfast: started a new workspace in ${dataDir} (there was no Holdfast data there).\n`);
      const recovery = keeper.recoveryState();
      if (recovery.damaged) io.stderr(`holdfast: ${recovery.problem}\n  The console opens in recovery mode: restore a backup there.\n`);
      const server = await startWebServer({ core: keeper, rendererDir, host: options.host, port, ...(testClock ? { testClock } : {}) });
      if (testClock) io.stderr(`holdfast: test clock at ${testClock.now().toISOString()}; time moves only by POST /test/clock\n`);
      io.stdout(`Holdfast console: ${server.url}\n`);
      io.stdout(`Viewer (read-only): ${server.viewerUrl}\n`);
      io.stdout(`Wall display (read-only): ${server.wallUrl}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          void server.close().then(() => {
            keeper.close();
            resolve();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function nonLoopbackWarning(host: string): string {
  return [
    `holdfast: WARNING: serving on ${host}, not loopback: other machines on the network can reach this console.`,
    '  Anyone who gets a link can use it, and the traffic is plain HTTP (not encrypted).',
    '  Share only the viewer link where you can, and omit --host to keep the console on this machine.',
    '',
  ].join('\n');
}

function parseTestClock(value: string) {
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) throw usageError(`--test-clock must be an ISO date and time, got "${value}"`);
  return fixedClock(start);
}
