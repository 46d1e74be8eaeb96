import type { OperationName, InputOf, OutputOf } from '../../src/shared/contract';
import type { TimelineEvent } from '../../src/shared/incidents';
import type { Core } from '../../src/main/core/core';
import { call } from '../../src/main/api';
import type { Random } from '../random';
import type { Markov } from './corpus-model';
import type { GeneratedRoster } from './roster';

export interface IncidentScale {
  resolved: number;
  /** Timeline events over all resolved incidents. */
  resolvedEvents: number;
  /** Events of the one open incident, when seeding ends. */
  openEvents: number;
}

export interface SeededIncidents {
  openIncidentId: number;
  resolvedIds: number[];
  events: number;
}

/** The core's clock as the seeder moves it: incidents happen over the past year, minutes apart. */
export interface MovableClock {
  set(time: Date | string): void;
  advance(ms: number): void;
  now(): Date;
}

const SEVERITIES = ['SEV1', 'SEV2', 'SEV2', 'SEV3', 'SEV3', 'SEV3', 'SEV4'] as const;

/**
 * Writes incidents through the API, as responders would: declared, a commander
 * assigned, runbooks attached and walked, notes, status updates, key events,
 * then resolved with a summary. The last one stays open with a long timeline.
 */
export async function seedIncidents(
  core: Core,
  clock: MovableClock,
  scale: IncidentScale,
  context: { roster: GeneratedRoster; runbookIds: number[]; prose: Markov; yearStart: Date; random: Random },
): Promise<SeededIncidents> {
  const { random } = context;
  const resolvedIds: number[] = [];
  let events = 0;
  const yearMs = 365 * 86_400_000;
  for (let i = 0; i < scale.resolved; i += 1) {
    const left = scale.resolvedEvents - events;
    const target = Math.max(12, Math.round((left / (scale.resolved - i)) * (0.4 + random.float() * 1.2)));
    clock.set(new Date(context.yearStart.getTime() + (i / scale.resolved) * yearMs * 0.95));
    const written = await runIncident(core, clock, context, target, true);
    resolvedIds.push(written.id);
    events += written.events;
  }
  clock.set(new Date(context.yearStart.getTime() + yearMs * 0.97));
  const open = await runIncident(core, clock, context, scale.openEvents, false);
  return { openIncidentId: open.id, resolvedIds, events: events + open.events };
}

async function runIncident(
  core: Core,
  clock: MovableClock,
  context: { roster: GeneratedRoster; runbookIds: number[]; prose: Markov; random: Random },
  eventTarget: number,
  resolve: boolean,
): Promise<{ id: number; events: number }> {
  const { random, roster } = context;
  const team = random.pick(roster.teams);
  const services = team.services.slice(0, random.int(1, 2));
  const startedAt = clock.now();
  clock.advance(random.int(1, 20) * 60_000);
  const incident = await api(core, 'declareIncident', {
    title: sentence(context.prose, random, random.int(4, 9)).slice(0, 300),
    severity: random.pick(SEVERITIES),
    services,
    startedAt: startedAt.toISOString(),
  });
  const id = incident.id;
  let events = 1;
  const step = () => clock.advance(random.int(5, 240) * 1000);
  const log = async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
    step();
    events += 1;
    return api(core, name, input);
  };
  const commander = random.pick(roster.people);
  await log('assignRole', { id, role: 'commander', person: commander });
  await log('assignRole', { id, role: 'scribe', person: random.pick(roster.people) });

  const attached = await log('attachRunbook', { id, runbookId: random.pick(context.runbookIds) });
  const runbook = (await api(core, 'getIncident', { id })).runbooks.find((r) => r.runbookId === (attached.data as { runbookId: number }).runbookId);
  const steps = runbook?.steps ?? [];
  let stepIndex = 0;
  const reserved = resolve ? 3 : 0; // identified, monitoring, resolved
  const noted: TimelineEvent[] = [];
  while (events < eventTarget - reserved) {
    const roll = random.float();
    if (roll < 0.08 && stepIndex < steps.length) {
      const current = steps[stepIndex];
      stepIndex += 1;
      if (current) await log('setStepState', { id, runbookId: runbook?.runbookId ?? 0, stepId: current.id, state: random.pick(['done', 'done', 'skipped', 'failed'] as const), note: '' });
    } else if (roll < 0.12) {
      await log('postStatusUpdate', { id, audience: random.pick(['internal', 'external'] as const), text: sentence(context.prose, random, random.int(15, 40)) });
    } else if (roll < 0.14 && noted.length > 0) {
      await log('markKey', { id, eventId: random.pick(noted).id, key: true });
    } else {
      noted.push(await log('logNote', { id, text: sentence(context.prose, random, random.int(5, 35)), actor: random.pick(roster.people).name }));
    }
  }
  if (resolve) {
    await log('changeStatus', { id, status: 'identified' });
    await log('changeStatus', { id, status: 'monitoring' });
    await log('changeStatus', { id, status: 'resolved', summary: sentence(context.prose, random, random.int(20, 50)) });
  }
  return { id, events };
}

/** One operation through the API layer; a failure stops the benchmark with the operation's message. */
export async function api<N extends OperationName>(core: Core, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await call(core, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function sentence(chain: Markov, random: Random, words: number): string {
  const tokens: string[] = [];
  let last = '';
  while (tokens.length < words) {
    const next = (random.chance(0.15) ? undefined : chain.after(last)) ?? chain.any();
    last = next.draw(random);
    tokens.push(last);
  }
  const text = tokens.join(' ').replace(/ ([.,:;!?)])/g, '$1');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
