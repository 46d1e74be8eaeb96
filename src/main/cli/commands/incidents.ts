import type { Command } from 'commander';
import type { IncidentStatus, Severity } from '../../../shared/incidents';
import { percentage, repeated, wholeNumber } from '../args';
import { formatWhatChanged } from '../format-changes';
import { formatIncident, formatIncidents } from '../format-incidents';
import { asJson, type Cli } from '../runner';

/** `holdfast incident …`: declare, log, change status, list, show (what alert hooks and scripts use). */
export function register(program: Command, cli: Cli): void {
  const incident = program.command('incident').description('incidents: declare, log, change status, list, show');
  incident
    .command('declare')
    .description('declare an incident and print its id')
    .requiredOption('--title <title>', 'what is wrong, in a few words')
    .requiredOption('--severity <severity>', 'SEV1, SEV2, SEV3 or SEV4')
    .option('--service <service>', 'an affected service (repeat for several)', repeated, [] as string[])
    .option('--started <instant>', 'when it started (ISO-8601; default now)')
    .option('--detected <instant>', 'when it was detected (ISO-8601; default: when it started)')
    .action(async (options: { title: string; severity: string; service: string[]; started?: string; detected?: string }) => {
      await cli.op(
        'declareIncident',
        // The operation's schema refuses a severity it does not know, naming the ones it does.
        { title: options.title, severity: options.severity as Severity, services: options.service, startedAt: options.started, detectedAt: options.detected },
        (created) => `${created.id}\n`,
      );
    });
  incident
    .command('log')
    .description('add a note to an incident’s timeline')
    .argument('<id>', 'incident id')
    .argument('<text...>', 'the note')
    .action(async (id: string, words: string[]) => {
      await cli.op('logNote', { id: wholeNumber(id, 'the incident id'), text: words.join(' ') }, (event) => `Logged at ${event.at}.\n`);
    });
  incident
    .command('status')
    .description('change an incident’s status (resolved needs --summary)')
    .argument('<id>', 'incident id')
    .argument('<status>', 'investigating, identified, monitoring or resolved')
    .option('--summary <text>', 'resolution summary (required to resolve)')
    .action(async (id: string, status: string, options: { summary?: string }) => {
      await cli.op(
        'changeStatus',
        { id: wholeNumber(id, 'the incident id'), status: status as IncidentStatus, summary: options.summary },
        (event) => `${event.text.split('\n')[0] ?? ''}\n`,
      );
    });
  incident
    .command('impact')
    .description('record the impact the services’ SLOs count: from when users were hurt, and how much')
    .argument('<id>', 'incident id')
    .option('--from <instant>', 'when users were first hurt, if before the incident’s start (ISO-8601; default: its start)')
    .option('--percent <n>', 'a partial impact: the share of users or requests hurt, 0 to 100 (default: a full outage)')
    .action(async (id: string, options: { from?: string; percent?: string }) => {
      const percent = options.percent === undefined ? null : percentage(options.percent, '--percent');
      await cli.op('setIncidentImpact', { id: wholeNumber(id, 'the incident id'), impactStartedAt: options.from ?? null, impactPercent: percent }, (event) => `${event.text}\n`);
    });
  incident
    .command('list')
    .description('incidents, open ones first')
    .option('--open', 'only open incidents')
    .option('--drills', 'include drills')
    .action(async (options: { open?: boolean; drills?: boolean }) => {
      await cli.op('listIncidents', { open: Boolean(options.open), includeDrills: Boolean(options.drills) }, formatIncidents);
    });
  incident
    .command('show')
    .description('one incident with its whole timeline')
    .argument('<id>', 'incident id')
    .action(async (id: string) => {
      const incidentId = wholeNumber(id, 'the incident id');
      await cli.run(
        'never',
        async (op) => ({
          incident: await op('getIncident', { id: incidentId }),
          timeline: await op('getTimeline', { id: incidentId }),
          changes: await op('whatChanged', { incidentId }),
        }),
        {
          text: ({ incident, timeline, changes }) => `${formatIncident(incident, timeline)}${formatWhatChanged(changes)}`,
          json: ({ incident, timeline, changes }) => asJson({ ...incident, timeline, changes: changes.map(({ kind, id, title, services, at, why }) => ({ kind, id, title, services, at, why })) }),
        },
      );
    });
}
