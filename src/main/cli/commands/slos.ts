import type { Command } from 'commander';
import { formatExclusion, formatExclusions, formatRemovedExclusion, formatSlo, formatSloData, formatSloImport, formatSloList } from '../format-slos';
import type { Cli } from '../runner';

/** `holdfast slo …`: OpenSLO definitions, SLI data, exclusions and error budgets (docs/slos.md). */
export function register(program: Command, cli: Cli): void {
  const slo = program.command('slo').description('service level objectives: OpenSLO files, SLI data, error budgets');

  slo
    .command('import')
    .description('import OpenSLO v1 (and Sloth) YAML files or folders, recursively; the same kind and name updates')
    .argument('<path...>', 'files or folders')
    .action(async (paths: string[]) => {
      const report = await cli.op('importSlos', { paths }, formatSloImport);
      if (report.failed.length > 0) {
        cli.status = 1;
        cli.io.stderr(`holdfast: ${report.failed.length} file(s) could not be imported; the rest were.\n`);
      }
    });

  slo
    .command('export')
    .description('write every OpenSLO object as YAML, a folder per kind (slos/, slis/, services/…)')
    .argument('<dir>', 'folder to write into (created if missing; nothing in it is deleted)')
    .action(async (dir: string) => {
      await cli.op('exportSlos', { dir }, (written) => `Wrote ${written.files} file(s) under ${written.dir}.\n`);
    });

  slo
    .command('list')
    .description('every SLO with its error budget, the least left first')
    .option('--at <instant>', 'the instant to measure at (ISO-8601; default now)')
    .action(async (options: { at?: string }) => {
      await cli.op('listSlos', { at: options.at }, formatSloList);
    });

  slo
    .command('show')
    .description('one SLO: its SLI, budget, burn-rate pairs and the incidents in its window')
    .argument('<name>', 'the SLO’s metadata.name')
    .option('--at <instant>', 'the instant to measure at (ISO-8601; default now)')
    .action(async (name: string, options: { at?: string }) => {
      await cli.op('getSlo', { name, at: options.at }, formatSlo);
    });

  slo
    .command('exclude')
    .description('take a maintenance window or data gap out of both sides of an SLO’s ratio')
    .argument('<name>', 'the SLO’s metadata.name')
    .requiredOption('--from <instant>', 'start (ISO-8601)')
    .requiredOption('--to <instant>', 'end (ISO-8601)')
    .requiredOption('--reason <text>', 'why: maintenance, a data gap…')
    .action(async (name: string, options: { from: string; to: string; reason: string }) => {
      await cli.op('excludeSloTime', { name, from: options.from, to: options.to, reason: options.reason }, formatExclusion);
    });

  slo
    .command('exclusions')
    .description('an SLO’s excluded time (maintenance windows, data gaps), the latest first, with the id that removes each')
    .argument('<name>', 'the SLO’s metadata.name')
    .action(async (name: string) => {
      await cli.op('listSloExclusions', { name }, (exclusions) => formatExclusions(name, exclusions));
    });

  slo
    .command('unexclude')
    .description('remove an exclusion from an SLO: its time counts in the budget again')
    .argument('<name>', 'the SLO’s metadata.name')
    .argument('<id>', 'the exclusion’s id, from holdfast slo exclusions NAME')
    .action(async (name: string, id: string) => {
      await cli.op('removeSloExclusion', { name, id }, formatRemovedExclusion);
    });

  const data = slo.command('data').description('SLI data for an SLO');
  data
    .command('import')
    .description('import SLI data: CSV (timestamp,good,total | timestamp,bad,total | timestamp,value) or a Prometheus query_range answer (JSON)')
    .argument('<name>', 'the SLO’s metadata.name')
    .argument('<file>', 'the CSV, or the Prometheus answer (good or bad events with --total; else one ratio or value series)')
    .option('--total <file>', 'the Prometheus answer of the total events, when FILE holds the good (or bad) events')
    .action(async (name: string, file: string, options: { total?: string }) => {
      await cli.op('importSloData', { name, path: file, total: options.total }, formatSloData);
    });
}
