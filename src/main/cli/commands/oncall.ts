import type { Command } from 'commander';
import { loadReportCsv } from '../../../shared/load-report-csv';
import { formatLoadReport, formatOnCall, formatShifts } from '../format-rosters';
import { asJson, type Cli } from '../runner';

/** `holdfast oncall …`: who is on call, their shifts, calendars and load. */
export function register(program: Command, cli: Cli): void {
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
      await cli.op('whoIsOnCall', options, formatOnCall);
    });
  oncall
    .command('shifts')
    .description('the final shifts of a schedule in a range')
    .requiredOption('--schedule <schedule>', 'schedule name or id')
    .requiredOption('--from <instant>', 'ISO-8601 instant')
    .requiredOption('--to <instant>', 'ISO-8601 instant')
    .action(async (options: { schedule: string; from: string; to: string }) => {
      await cli.op('scheduleShifts', options, { text: (shifts) => formatShifts(shifts.final), json: (shifts) => asJson(shifts.final) });
    });
  oncall
    .command('ical')
    .description('an iCalendar (RFC 5545) file of a schedule’s shifts')
    .requiredOption('--schedule <schedule>', 'schedule name or id')
    .option('--person <handle>', 'only this person’s shifts')
    .option('--months <n>', 'how far ahead', '6')
    .action(async (options: { schedule: string; person?: string; months: string }) => {
      // A calendar file is the answer, --json or not.
      await cli.op('scheduleIcal', { ...options, months: Number(options.months) }, { text: (value) => value.ics, json: (value) => value.ics });
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
      await cli.op('loadReport', input, (rows) => (csv ? loadReportCsv(rows) : formatLoadReport(rows)));
    });
}
