import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { ErrorCode, Result } from '../../shared/result';
import { call } from '../api';
import { fixedClock, type Clock } from '../core/clock';
import { openCore, type Core } from '../core/core';
import { CoreKeeper } from '../core/keeper';
import { appPaths, defaultDataDir } from '../core/paths';
import { APP_VERSION } from '../core/version';
import { toApiError } from '../errors';
import { startWebServer } from '../server/listen';
import { isLoopbackHost } from '../server/served-address';
import { checkStore, listBackups } from '../store/backup';
import { lockDataFolder } from '../store/lock';
import { DATABASE_FILE, type CreatePolicy } from '../store/open';
import { restoreBackup } from '../store/restore';
import type { RestoreReport } from '../../shared/recovery';
import { damagedStoreAdvice } from './damaged';
import { formatBreakGlass, formatExport, formatHits, formatImport, formatList, formatRevisions, formatRunbook, formatWorkspace } from './format';
import { formatIncident, formatIncidents } from './format-incidents';
import { formatLoadReport, formatOnCall, formatRosterImport, formatShifts } from './format-rosters';
import { loadReportCsv } from '../../shared/load-report-csv';
import type { CliIo } from './io';

interface GlobalOptions {
  data?: string;
  json?: boolean;
}

/**
 * The commands that add data may create the store, but only in a folder that
 * exists and is empty (src/main/store/open.ts): a mistyped --data never grows
 * a new store. Every other command needs the store to be there already.
 */
const CREATING = new Set<OperationName>(['importRunbooks', 'loadDemoWorkspace', 'importRoster', 'importPeopleCsv', 'declareIncident', 'updateSettings']);

/** Raised inside a command to end the CLI with a one-line message and an exit status. */
class CliExit extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Further lines, one problem each (e.g. every problem of a refused roster file). */
    readonly details: string[] = [],
    /** The error code of the operation that failed, when one did. */
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}

/**
 * Runs `holdfast <command>` and returns the exit status. Every command maps to
 * one operation of the API table; `web` serves them all until stopped.
 */
export async function runCli(argv: string[], io: CliIo, appRoot: string): Promise<number> {
  const program = new Command('holdfast');
  let status = 0;
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const dataDir = () => globals().data ?? defaultDataDir(io.env);

  const { assetsDir, rendererDir } = appPaths(appRoot);
  const coreOptions = (clock?: Clock) => ({ dataDir: dataDir(), assetsDir, ...(clock ? { clock } : {}) });

  /** Runs `work` on the store, which must exist unless the command adds data (see CREATING). */
  const withCore = async <T>(work: (core: Core) => Promise<T>, create: CreatePolicy = 'never'): Promise<T> => {
    const core = openCore({ ...coreOptions(), create });
    try {
      return await work(core);
    } finally {
      core.close();
    }
  };

  /** Runs one operation and prints its value as JSON (`--json`) or as text. */
  const run = <N extends OperationName>(name: N, input: InputOf<N>, asText: (value: OutputOf<N>) => string) =>
    withCore(
      async (core) => {
        const result: Result<OutputOf<N>> = await call(core, name, input);
        if (!result.ok) throw new CliExit(1, result.error.message, result.error.details, result.error.code);
        io.stdout(globals().json ? `${JSON.stringify(result.value, null, 2)}\n` : asText(result.value));
        return result.value;
      },
      CREATING.has(name) ? 'in-empty-folder' : 'never',
    );

  program
    .description('Holdfast: an offline-first incident-command console. Data stays on this machine.')
    .version(APP_VERSION)
    .addOption(new Option('--data <dir>', 'data folder (default: the platform user-data folder)').env('HOLDFAST_DATA'))
    .option('--json', 'print results as JSON')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`holdfast: ${text.replace(/^error: /, '')}`),
    });

  const runbooks = program.command('runbooks').description('the runbook library');

  runbooks
    .command('import')
    .description('import Markdown runbooks from files or folders (recursively); re-importing a path updates it')
    .argument('<path...>', 'files or folders')
    .action(async (paths: string[]) => {
      const report = await run('importRunbooks', { paths }, formatImport);
      if (report.failed.length > 0) {
        status = 1;
        io.stderr(`holdfast: ${report.failed.length} file(s) could not be imported; the rest were.\n`);
      }
    });

  runbooks
    .command('export')
    .description('write every runbook as Markdown with front matter into a folder, in the layout it came from')
    .argument('<dir>', 'folder to write into (created if missing; nothing in it is deleted)')
    .option('--include-archived', 'also write archived runbooks')
    .action(async (dir: string, options: { includeArchived?: boolean }) => {
      await run('exportRunbooks', { dir, includeArchived: Boolean(options.includeArchived) }, formatExport);
    });

  runbooks
    .command('history')
    .description('the revisions of one runbook, newest first')
    .argument('<id>', RUNBOOK_ID_HELP)
    .action(async (id: string) => {
      await run('listRunbookRevisions', { id: runbookRef(id) }, formatRevisions);
    });

  runbooks
    .command('search')
    .description('full-text search; the last word matches as a prefix')
    .argument('<query...>', 'words to look for; "quotes" for a phrase')
    .option('--limit <n>', 'at most this many results', '20')
    .option('--tag <tag>', 'only runbooks with this tag')
    .option('--service <service>', 'only runbooks for this service')
    .action(async (words: string[], options: { limit: string; tag?: string; service?: string }) => {
      await run(
        'searchRunbooks',
        { query: words.join(' '), limit: wholeNumber(options.limit, '--limit'), tag: options.tag, service: options.service },
        (hits) => formatHits(hits, io.isTty),
      );
    });

  runbooks
    .command('show')
    .description('one runbook with its metadata and Markdown')
    .argument('<id>', RUNBOOK_ID_HELP)
    .action(async (id: string) => {
      await run('getRunbook', { id: runbookRef(id) }, formatRunbook);
    });

  runbooks
    .command('list')
    .description('list runbooks')
    .option('--tag <tag>', 'only runbooks with this tag')
    .option('--service <service>', 'only runbooks for this service')
    .option('--needs-review', 'only runbooks past their review date')
    .option('--archived', 'archived runbooks instead of active ones')
    .action(async (options: { tag?: string; service?: string; needsReview?: boolean; archived?: boolean }) => {
      await run('listRunbooks', { ...options, archived: Boolean(options.archived) }, formatList);
    });

  const demo = program.command('demo').description('the demo workspace of sample runbooks');
  demo
    .command('load')
    .description('add (or refresh) the sample runbooks')
    .action(async () => {
      await run('loadDemoWorkspace', {}, formatWorkspace);
    });
  demo
    .command('clear')
    .description('remove the sample runbooks, keeping your own')
    .action(async () => {
      await run('clearDemoWorkspace', {}, formatWorkspace);
    });

  const roster = program.command('roster').description('the on-call roster (docs/roster-format.md)');
  roster
    .command('import')
    .description('make the roster what a YAML roster file says; refused whole, with every problem listed, if any')
    .argument('<file>', 'roster YAML file')
    .option('--dry-run', 'only check the file and say what importing it would change and remove')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      await run('importRoster', { path: path.resolve(file), dryRun: options.dryRun === true }, formatRosterImport);
    });
  roster
    .command('export')
    .description('write the roster as a YAML roster file')
    .argument('<file>', 'file to write ("-" for standard output)')
    .action(async (file: string) => {
      await withCore(async (core) => {
        const result = await call(core, 'exportRoster', {});
        if (!result.ok) throw new CliExit(1, result.error.message);
        if (file === '-') io.stdout(result.value.yaml);
        else {
          fs.writeFileSync(file, result.value.yaml);
          if (!globals().json) io.stdout(`Wrote the roster to ${file}.\n`);
        }
      });
    });
  roster
    .command('import-people')
    .description('add or update people from CSV (handle, name, time_zone, then phone, sms, email, chat)')
    .argument('<file>', 'CSV file')
    .action(async (file: string) => {
      await run('importPeopleCsv', { path: path.resolve(file) }, (value) => `Imported ${value.people} ${value.people === 1 ? 'person' : 'people'}.\n`);
    });

  const oncall = program.command('oncall').description('who is on call, their shifts, calendars and load');
  // `holdfast oncall [--team T] [--at X]` runs this default subcommand; options live on the subcommands so
  // `oncall shifts --schedule S` is not read as the parent's --schedule.
  oncall
    .command('now', { isDefault: true })
    .description('who is on call per schedule, at an instant (default now)')
    .option('--team <team>', 'only this team (name or id)')
    .option('--schedule <schedule>', 'only this schedule (name or id)')
    .option('--at <instant>', 'at this ISO-8601 instant instead of now')
    .action(async (options: { team?: string; schedule?: string; at?: string }) => {
      await run('whoIsOnCall', options, formatOnCall);
    });
  oncall
    .command('shifts')
    .description('the final shifts of a schedule in a range')
    .requiredOption('--schedule <schedule>', 'schedule name or id')
    .requiredOption('--from <instant>', 'ISO-8601 instant')
    .requiredOption('--to <instant>', 'ISO-8601 instant')
    .action(async (options: { schedule: string; from: string; to: string }) => {
      await withCore(async (core) => {
        const result = await call(core, 'scheduleShifts', options);
        if (!result.ok) throw new CliExit(1, result.error.message);
        io.stdout(globals().json ? `${JSON.stringify(result.value.final, null, 2)}\n` : formatShifts(result.value.final));
      });
    });
  oncall
    .command('ical')
    .description('an iCalendar (RFC 5545) file of a schedule’s shifts')
    .requiredOption('--schedule <schedule>', 'schedule name or id')
    .option('--person <handle>', 'only this person’s shifts')
    .option('--months <n>', 'how far ahead', '6')
    .action(async (options: { schedule: string; person?: string; months: string }) => {
      await withCore(async (core) => {
        const result = await call(core, 'scheduleIcal', { ...options, months: Number(options.months) });
        if (!result.ok) throw new CliExit(1, result.error.message);
        io.stdout(result.value.ics);
      });
    });
  oncall
    .command('load')
    .description('hours on call per person, split into business, off and sleep hours (CSV with --csv)')
    .requiredOption('--from <instant>', 'ISO-8601 instant')
    .requiredOption('--to <instant>', 'ISO-8601 instant')
    .option('--team <team>', 'only this team (name or id)')
    .option('--csv', 'print CSV')
    .action(async (options: { from: string; to: string; team?: string; csv?: boolean }) => {
      const { csv, ...input } = options;
      await run('loadReport', input, (rows) => (csv ? loadReportCsv(rows) : formatLoadReport(rows)));
    });

  const incident = program.command('incident').description('incidents: declare, log, change status, list, show');
  incident
    .command('declare')
    .description('declare an incident and print its id')
    .requiredOption('--title <title>', 'what is wrong, in a few words')
    .requiredOption('--severity <severity>', 'SEV1, SEV2, SEV3 or SEV4')
    .option('--service <service>', 'an affected service (repeat for several)', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--started <instant>', 'when it started (ISO-8601; default now)')
    .option('--detected <instant>', 'when it was detected (ISO-8601; default: when it started)')
    .action(async (options: { title: string; severity: string; service: string[]; started?: string; detected?: string }) => {
      await run(
        'declareIncident',
        { title: options.title, severity: options.severity as 'SEV1', services: options.service, startedAt: options.started, detectedAt: options.detected },
        (created) => `${created.id}\n`,
      );
    });
  incident
    .command('log')
    .description('add a note to an incident’s timeline')
    .argument('<id>', 'incident id')
    .argument('<text...>', 'the note')
    .action(async (id: string, words: string[]) => {
      await run('logNote', { id: wholeNumber(id, 'the incident id'), text: words.join(' ') }, (event) => `Logged at ${event.at}.\n`);
    });
  incident
    .command('status')
    .description('change an incident’s status (resolved needs --summary)')
    .argument('<id>', 'incident id')
    .argument('<status>', 'investigating, identified, monitoring or resolved')
    .option('--summary <text>', 'resolution summary (required to resolve)')
    .action(async (id: string, status: string, options: { summary?: string }) => {
      await run('changeStatus', { id: wholeNumber(id, 'the incident id'), status: status as 'resolved', summary: options.summary }, (event) => `${event.text.split('\n')[0] ?? ''}\n`);
    });
  incident
    .command('list')
    .description('incidents, open ones first')
    .option('--open', 'only open incidents')
    .option('--drills', 'include drills')
    .action(async (options: { open?: boolean; drills?: boolean }) => {
      await run('listIncidents', { open: Boolean(options.open), includeDrills: Boolean(options.drills) }, formatIncidents);
    });
  incident
    .command('show')
    .description('one incident with its whole timeline')
    .argument('<id>', 'incident id')
    .action(async (id: string) => {
      await withCore(async (core) => {
        const incidentResult = await call(core, 'getIncident', { id: wholeNumber(id, 'the incident id') });
        if (!incidentResult.ok) throw new CliExit(1, incidentResult.error.message);
        const timeline = await call(core, 'getTimeline', { id: wholeNumber(id, 'the incident id') });
        if (!timeline.ok) throw new CliExit(1, timeline.error.message);
        io.stdout(
          globals().json
            ? `${JSON.stringify({ ...incidentResult.value, timeline: timeline.value }, null, 2)}\n`
            : formatIncident(incidentResult.value, timeline.value),
        );
      });
    });

  program
    .command('postmortem')
    .description('post-mortem drafts')
    .command('export')
    .description('the post-mortem of an incident as Markdown or one self-contained HTML file')
    .argument('<incident>', 'incident id')
    .option('--format <format>', 'md or html', 'md')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (incident: string, options: { format: string; out?: string }) => {
      await withCore(async (core) => {
        const result = await call(core, 'exportPostmortem', { incidentId: wholeNumber(incident, 'the incident id'), format: options.format as 'md' });
        if (!result.ok) throw new CliExit(1, result.error.message);
        if (options.out) {
          fs.writeFileSync(options.out, result.value.content);
          io.stdout(`Wrote ${options.out}.\n`);
        } else io.stdout(result.value.content);
      });
    });

  program
    .command('export')
    .description('files to read without Holdfast')
    .command('breakglass')
    .description('one offline HTML page: every runbook, the next 30 days on call, escalation chains and contacts, with search')
    .argument('<dir>', 'folder to write holdfast-breakglass.html into (created if missing)')
    .action(async (dir: string) => {
      await run('exportBreakGlass', { dir: path.resolve(dir) }, formatBreakGlass);
    });

  const backup = program.command('backup').description('copies of the store');
  backup
    .command('create')
    .description('back up the store now (online: Holdfast may keep running)')
    .argument('[file]', 'where to write it (default: the backups folder)')
    .action(async (file?: string) => {
      await run('createBackup', { file }, (info) => `Backed up to ${info.file} (${info.bytes} bytes).\n`);
    });
  backup
    .command('list')
    .description('backups in the data folder, newest first')
    .action(() => {
      // Straight from the folder, so it works when the store itself is damaged.
      const list = listBackups(dataDir());
      io.stdout(globals().json ? `${JSON.stringify(list, null, 2)}\n` : list.length ? list.map((b) => `${b.createdAt}  ${b.file}\n`).join('') : 'No backups yet.\n');
    });
  backup
    .command('restore')
    .description('put a backup in place of the store, keeping the current one (a damaged one is kept aside); refused while the app runs on the folder')
    .argument('<file>', 'the backup to restore')
    .action((file: string) => {
      // Refused while an app has the folder open: it would go on writing to the store this replaces.
      fs.mkdirSync(dataDir(), { recursive: true });
      const lock = lockDataFolder(dataDir(), 'restore', new Date());
      let result: RestoreReport;
      try {
        result = restoreBackup(dataDir(), file, new Date());
      } finally {
        lock.release();
      }
      const kept = !result.previous
        ? ''
        : result.previousDamaged
          ? ` The damaged store was moved aside to ${result.previous} (with its -wal and -shm, if any).`
          : ` The store it replaced is kept at ${result.previous}.`;
      io.stdout(globals().json ? `${JSON.stringify(result, null, 2)}\n` : `Restored ${result.backup}.${kept}\n`);
    });
  program
    .command('check')
    .description('check the store for damage (exits 1 if it is damaged)')
    .action(() => {
      const report = checkStore(path.join(dataDir(), DATABASE_FILE));
      if (globals().json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      // Only damage gets the advice to restore a backup: a newer Holdfast's store or a read-only folder is not damaged.
      if (!report.ok) throw new CliExit(1, report.summary, [], report.condition === 'damaged' ? 'STORE_UNREADABLE' : undefined);
      if (!globals().json) io.stdout(`${report.summary}\n`);
    });

  program
    .command('init')
    .description('create an empty Holdfast store in the data folder (the folder is made if missing); nothing else creates one from the command line')
    .action(async () => {
      const file = path.join(dataDir(), DATABASE_FILE);
      const existed = fs.existsSync(file);
      await withCore((core) => Promise.resolve(core.prepareWorkspace({ demo: false })), 'always');
      io.stdout(existed ? `${dataDir()} already holds Holdfast data; nothing was changed.\n` : `Created an empty Holdfast store in ${dataDir()}. Add the sample runbooks with holdfast demo load.\n`);
    });

  program
    .command('settings')
    .description('change workspace settings')
    .option('--author <name>', 'who changes are recorded as by default')
    .option('--procedure-headings <list>', 'comma-separated headings whose lists are steps (e.g. "Diagnosis,Mitigation")')
    .option('--break-glass-path <dir>', 'keep the break-glass file up to date in this folder ("" to stop)')
    .action(async (options: { author?: string; procedureHeadings?: string; breakGlassPath?: string }) => {
      const procedureHeadings = options.procedureHeadings?.split(',').map((heading) => heading.trim()).filter(Boolean);
      const breakGlassPath = options.breakGlassPath === undefined ? undefined : options.breakGlassPath.trim() === '' ? null : path.resolve(options.breakGlassPath);
      await run('updateSettings', { author: options.author, procedureHeadings, breakGlassPath }, formatWorkspace);
    });

  program
    .command('info')
    .description('where the data lives and what it holds')
    .action(async () => {
      await run('getWorkspace', {}, formatWorkspace);
    });

  program
    .command('web')
    .description('serve the console and its API to a browser on this machine')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--host <addr>', 'address to listen on; anything but loopback lets other machines connect', '127.0.0.1')
    .option('--empty', 'on a new data folder, start without the demo workspace')
    .addOption(new Option('--test-clock <iso>', 'for end-to-end tests: time stands still at ISO and moves only by POST /test/clock').hideHelp())
    .action(async (options: { port: string; host: string; empty?: boolean; testClock?: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliExit(2, `--port must be a whole number from 0 to 65535, got "${options.port}"`);
      }
      if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
        throw new CliExit(1, `the console is not built yet (no ${rendererDir}): run npm run build, or npm run web`);
      }
      const testClock = options.testClock === undefined ? undefined : parseTestClock(options.testClock);
      if (!isLoopbackHost(options.host)) io.stderr(nonLoopbackWarning(options.host));
      // A damaged store does not stop the console: it opens in recovery mode, offering the backups to restore.
      const isNew = !fs.existsSync(path.join(dataDir(), DATABASE_FILE));
      const keeper = CoreKeeper.open({ ...coreOptions(testClock), demo: !options.empty, scheduler: true, app: 'web' });
      if (isNew && keeper.core) io.stderr(`holdfast: started a new workspace in ${dataDir()} (there was no Holdfast data there).\n`);
      const recovery = keeper.recoveryState();
      if (recovery.damaged) io.stderr(`holdfast: ${recovery.problem}\n  The console opens in recovery mode: restore a backup there.\n`);
      const server = await startWebServer({ core: keeper, rendererDir, host: options.host, port, ...(testClock ? { testClock } : {}) });
      if (testClock) io.stderr(`holdfast: test clock at ${testClock.now().toISOString()}; time moves only by POST /test/clock\n`);
      io.stdout(`Holdfast console: ${server.url}\n`);
      io.stdout(`Viewer (read-only): ${server.viewerUrl}\n`);
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

  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (and help after errors).
      return error.exitCode;
    }
    const { message, code } = error instanceof CliExit ? error : toApiError(error);
    io.stderr(`holdfast: ${message}\n`);
    if (error instanceof CliExit) for (const line of error.details) io.stderr(`  ${line}\n`);
    if (code === 'STORE_UNREADABLE') for (const line of damagedStoreAdvice(dataDir(), globals().data)) io.stderr(`  ${line}\n`);
    return error instanceof CliExit ? error.status : 1;
  }
}

function nonLoopbackWarning(host: string): string {
  return [
    `holdfast: WARNING: serving on ${host}, not loopback: other machines on the network can reach this console.`,
    '  Anyone who gets a link can use it, and the traffic is plain HTTP (not encrypted).',
    '  Share only the viewer link where you can, and omit --host to keep the console on this machine.',
    '',
  ].join('\n');
}

/** A whole number typed on the command line, or a one-line usage error naming what it is for (not zod's "received NaN"). */
function wholeNumber(value: string, name: string): number {
  if (!/^\d+$/.test(value.trim())) throw new CliExit(2, `${name} must be a whole number, got "${value}"`);
  return Number(value);
}

const RUNBOOK_ID_HELP = 'runbook id: its number (from list or search) or its stable id (rb_…, the id in exported front matter)';

/** A runbook named on the command line: a whole number is the store's id, anything else the stable id (`rb_…`). */
function runbookRef(value: string): number | string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function parseTestClock(value: string) {
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) throw new CliExit(2, `--test-clock must be an ISO date and time, got "${value}"`);
  return fixedClock(start);
}
