import type { Command } from 'commander';
import { RULES, type RuleName } from '../../../shared/changes';
import { repeated, runbookRef } from '../args';
import { formatChange, formatChanges, formatCheck, formatWindows } from '../format-changes';
import { CliExit, usageError, type Cli } from '../runner';

/** `change check`'s exit status when it could not judge the change (1 and 2 are warn and block). */
export const CHECK_FAILED = 3;

/** `holdfast change …` and `holdfast window …`: change records, their verdicts and walk, freeze and peak windows, change events. */

/** A change or window: its number from `list`, or its ULID. */
const recordId = (value: string): number | string => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim());

/** `--tier NAME:PERCENT[:SOAK_MINUTES]`, read into a tier or refused naming the part that is wrong. */
export function tierOption(value: string, all: { name: string; percent: number; soakMinutes: number }[]) {
  const [name = '', percent = '', soak = '0', ...rest] = value.split(':');
  const whole = (text: string) => /^\d+$/.test(text.trim());
  if (!name.trim() || !whole(percent) || !whole(soak) || rest.length > 0) {
    throw usageError(`--tier "${value}" is not NAME:PERCENT[:SOAK_MINUTES] (e.g. canary:5:15, all:100)`);
  }
  return [...all, { name: name.trim(), percent: Number(percent), soakMinutes: Number(soak) }];
}

export function register(program: Command, cli: Cli): void {
  const change = program.command('change').description('changes under the five rules of engagement: plan, check, walk tier by tier');
  change
    .command('new')
    .description('plan a change (scheduled at once unless --draft) and print its number')
    .requiredOption('--title <title>', 'what changes, in a few words')
    .option('--service <service>', 'a service it touches (repeat for several)', repeated, [] as string[])
    .requiredOption('--type <type>', 'standard, normal or emergency')
    .requiredOption('--risk <risk>', 'low, medium or high')
    .requiredOption('--start <instant>', 'planned start (ISO-8601)')
    .requiredOption('--end <instant>', 'planned end (ISO-8601)')
    .option('--zone <zone>', 'the zone the window is planned in', 'UTC')
    .option('--owner <handle>', 'owner’s roster handle (default: the workspace author, if on the roster)')
    .option('--approver <handle>', 'approver’s roster handle')
    .option('--plan <runbook>', 'the plan: a runbook id (pinned to its current revision)')
    .option('--rollback <runbook>', 'the rollback: a runbook id (pinned too)')
    .option('--rollback-section <anchor>', 'the section of the rollback (or of the plan) to walk')
    .option('--tier <NAME:PERCENT[:SOAK]>', 'a tier, in order (repeat)', tierOption, [] as { name: string; percent: number; soakMinutes: number }[])
    .option('--check <text>', 'a service check of every tier’s gate (repeat)', repeated, [] as string[])
    .option('--draft', 'keep it a draft instead of scheduling it')
    .action(async (options: Record<string, unknown> & { title: string; service: string[]; type: string; risk: string; start: string; end: string; zone: string; tier: { name: string; percent: number; soakMinutes: number }[]; check: string[] }) => {
      const pick = (value: unknown) => (typeof value === 'string' ? runbookRef(value) : undefined);
      await cli.op(
        'createChange',
        {
          title: options.title,
          services: options.service,
          type: options.type,
          risk: options.risk,
          start: options.start,
          end: options.end,
          zone: options.zone,
          owner: options.owner as string | undefined,
          approver: (options.approver as string | undefined) ?? null,
          plan: pick(options.plan) ?? null,
          rollback: pick(options.rollback) ?? null,
          rollbackSection: options.rollbackSection as string | undefined,
          tiers: options.tier,
          checks: options.check,
          draft: options.draft === true,
        },
        (created) => `${created.id}\n`,
      );
    });
  change
    .command('check')
    .description('the five rules’ verdicts; exit status 0 pass, 1 warn, 2 block (stable for CI)')
    .argument('<id>', 'change number or ULID')
    .action(async (id: string) => {
      let check;
      try {
        check = await cli.op('checkChange', { id: recordId(id) }, formatCheck);
      } catch (error) {
        // 1 and 2 are verdicts a pipeline acts on: a check that could not run (no such change, no store) says 3.
        throw error instanceof CliExit ? new CliExit(CHECK_FAILED, error.code, error.message, error.details, error.field) : error;
      }
      cli.status = check.verdict === 'pass' ? 0 : check.verdict === 'warn' ? 1 : 2;
    });
  change
    .command('list')
    .description('changes by planned start')
    .option('--from <instant>', 'planned to end after this (ISO-8601)')
    .option('--to <instant>', 'planned to start before this (ISO-8601)')
    .option('--service <service>', 'only changes on this service')
    .action(async (options: { from?: string; to?: string; service?: string }) => {
      await cli.op('listChanges', options, formatChanges);
    });
  change
    .command('show')
    .description('one change with its tiers, verdict and log')
    .argument('<id>', 'change number or ULID')
    .action(async (id: string) => {
      await cli.op('getChange', { id: recordId(id) }, formatChange);
    });
  for (const [verb, summary] of [
    ['schedule', 'schedule a draft'],
    ['start', 'start the first tier'],
    ['promote', 'promote to the next tier (or --tier)'],
    ['complete', 'complete the change after its last tier'],
    ['rollback', 'roll the change back'],
    ['cancel', 'cancel a change that has not started'],
  ] as const) {
    change
      .command(verb)
      .description(summary)
      .argument('<id>', 'change number or ULID')
      .option('--evidence <text>', 'what you saw, for the log')
      .option('--tier <name>', 'promote: the tier to promote to (skipping needs an override)')
      .action(async (id: string, options: { evidence?: string; tier?: string }) => {
        await cli.op('walkChange', { id: recordId(id), action: verb, evidence: options.evidence ?? '', tier: options.tier }, (done) => `${done.change.title}: ${done.change.state}.\n`);
      });
  }
  change
    .command('gate')
    .description('record a tier’s gate: --pass or --fail, with --evidence')
    .argument('<id>', 'change number or ULID')
    .requiredOption('--tier <name>', 'the tier whose checks ran')
    .option('--pass', 'the checks passed')
    .option('--fail', 'a check failed')
    .requiredOption('--evidence <text>', 'what the checks showed (numbers, a graph link)')
    .action(async (id: string, options: { tier: string; pass?: boolean; fail?: boolean; evidence: string }) => {
      if (options.pass === options.fail) throw usageError('say --pass or --fail (one of them)');
      await cli.op(
        'recordGate',
        { id: recordId(id), tier: options.tier, result: options.pass ? 'pass' : 'fail', evidence: options.evidence },
        (done) => `Gate of ${options.tier}: ${options.pass ? 'pass' : 'fail'}.${options.fail && done.change.rollback ? ` Roll back with ${done.change.rollback.runbook?.title ?? `runbook #${done.change.rollback.runbookId}`}: holdfast change rollback ${id}` : ''}\n`,
      );
    });
  change
    .command('override')
    .description('override a rule’s block, with a reason and a second person who approves it')
    .argument('<id>', 'change number or ULID')
    .requiredOption('--rule <rule>', RULES.join(', '))
    .requiredOption('--reason <text>', 'why, in at least 10 characters')
    .requiredOption('--approver <handle>', 'the second person’s roster handle')
    .option('--by <handle>', 'who asks (default: the workspace author)')
    .action(async (id: string, options: { rule: string; reason: string; approver: string; by?: string }) => {
      await cli.op(
        'overrideChange',
        { id: recordId(id), rule: options.rule as RuleName, reason: options.reason, approver: options.approver, actor: options.by },
        (done) => `Overrode ${options.rule}, approved by ${options.approver}. The change's verdict is now ${done.change.check.verdict}.\n`,
      );
    });
  change
    .command('import-events')
    .description('import external change events (JSON Lines, PagerDuty’s change-event shape)')
    .argument('<file>', 'a .jsonl file')
    .action(async (file: string) => {
      const report = await cli.op(
        'importChangeEvents',
        { path: file },
        (done) => `Imported ${done.imported} change events (${done.unchanged} already there).\n${done.failed.map((failure) => `  line ${failure.line}: ${failure.error}\n`).join('')}`,
      );
      if (report.failed.length > 0) cli.status = 1;
    });

  const window = program.command('window').description('freeze and peak windows');
  window
    .command('add')
    .description('add a freeze or peak window: --from/--to, or --cron/--duration/--zone')
    .requiredOption('--name <name>', 'what it is (e.g. Year-end freeze)')
    .requiredOption('--kind <kind>', 'freeze (blocks) or peak (warns)')
    .option('--from <instant>', 'one-off: start (ISO-8601)')
    .option('--to <instant>', 'one-off: end (ISO-8601)')
    .option('--cron <expr>', 'recurring: five-field cron, e.g. "0 18 * * 5"')
    .option('--duration <dur>', 'recurring: how long each occurrence lasts, e.g. 2h, 90m, 1d')
    .option('--zone <zone>', 'recurring: the zone the cron is read in, e.g. Europe/London')
    .option('--service <service>', 'a service it covers (repeat; default all)', repeated, [] as string[])
    .option('--reason <text>', 'why, shown with its verdicts')
    .action(async (options: { name: string; kind: string; from?: string; to?: string; cron?: string; duration?: string; zone?: string; service: string[]; reason?: string }) => {
      const { service, ...rest } = options;
      await cli.op('addChangeWindow', { ...rest, kind: rest.kind as 'freeze', services: service.length > 0 ? service : 'all' }, (added) => `${added.id}\n`);
    });
  window
    .command('list')
    .description('every window, or those in force at --at')
    .option('--at <instant>', 'only windows in force at this instant (ISO-8601)')
    .action(async (options: { at?: string }) => {
      await cli.op('listChangeWindows', options, formatWindows);
    });
  window
    .command('remove')
    .description('remove a window')
    .argument('<id>', 'window number or ULID')
    .action(async (id: string) => {
      await cli.op('removeChangeWindow', { id: recordId(id) }, () => `Removed window ${id}.\n`);
    });
}
