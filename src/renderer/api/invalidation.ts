/**
 * Which cached reads each change event makes stale: one table, read by the one
 * subscription to the core's events (./live.ts). A stale read that is on screen is
 * fetched again at once; one that is not is fetched when it is next shown.
 *
 * A console's own writes are recognised by their request id: the write's answer is
 * already in the cache (./mutations.ts), so its echo only invalidates what that
 * answer does not give. Events from other consoles (another id, or none) invalidate
 * everything the table lists.
 */
import { hashKey, partialMatchKey, type QueryClient } from '@tanstack/react-query';
import type { OperationName } from '../../shared/contract';
import type { DrillRun } from '../../shared/drills';
import type { ChangeEvent } from '../../shared/events';

/** A cached read, or every cached read of an operation when the input is left out (matched as a part of the key). */
export type Target = readonly [OperationName] | readonly [OperationName, Record<string, unknown>];

type EventOf<T extends ChangeEvent['type']> = Extract<ChangeEvent, { type: T }>;

/** Reads the cache where an event names one thing and the reads to refresh hang off another (an incident's drill run). */
export interface CacheView {
  getQueriesData: QueryClient['getQueriesData'];
}

const RUNBOOK_READS: Target[] = [
  ['listRunbooks'],
  ['searchRunbooks'],
  ['getRunbook'],
  ['relatedRunbooks'],
  ['getRunbookAsset'],
  ['listRunbookRevisions'],
  ['getRunbookRevision'],
  ['diffRunbookRevisions'],
  ['previewRunbook'],
  ['suggestRunbooks'],
  // The runbook count, and whether the demo's samples are still there.
  ['getWorkspace'],
  // A change's plan pinned to a revision that is no longer the latest.
  ['getChange'],
  ['checkChange'],
];

/** What a change's verdict, the change lists and the calendar read. */
const CHANGE_READS: Target[] = [['listChanges'], ['getChange'], ['checkChange'], ['listChangeWindows'], ['changeCalendar'], ['changeCalendarIcal'], ['whatChanged']];

const ROSTER_READS: Target[] = [
  ['getRoster'],
  ['exportRoster'],
  ['whoIsOnCall'],
  ['scheduleShifts'],
  ['nowBoard'],
  ['scheduleIcal'],
  ['loadReport'],
  ['suggestResponders'],
  ['getWorkspace'],
];

/** Every SLO read: budgets move with their definitions, their data, their exclusions and the incidents on their services. */
const SLO_READS: Target[] = [['listSlos'], ['getSlo'], ['sloChart'], ['incidentSloBudgets'], ['previewSloImport'], ['listSloExclusions']];

/** Each change event and the reads it makes stale. `everything` for a store replaced under the console. */
export const INVALIDATES: { [T in ChangeEvent['type']]: (event: EventOf<T>, cache: CacheView) => Target[] | 'everything' } = {
  'runbooks.changed': () => RUNBOOK_READS,
  'rosters.changed': () => ROSTER_READS,
  // The author, the severities' meaning and cadence (each incident carries its cadence), the templates.
  'workspace.changed': () => [['getWorkspace'], ['getIncidentSettings'], ['getIncident'], ['draftStatusUpdate']],
  'breakglass.changed': () => [['getWorkspace']],
  'incident.changed': (event, cache) => [
    ['getIncident', { id: event.id }],
    ['getTimeline', { id: event.id }],
    ['listIncidents'],
    ['searchIncidents'],
    ['similarIncidents'],
    ['draftStatusUpdate', { id: event.id }],
    ['incidentMetrics'],
    ['exportPostmortem', { incidentId: event.id }],
    // An incident's impact counts into its services' SLOs (incidents as the SLI; incidents listed on an SLO).
    ...SLO_READS.filter(([name]) => name !== 'previewSloImport'),
    // An open SEV1/SEV2 on a change's service stops the line; its times bound "what changed?".
    ['whatChanged', { incidentId: event.id }],
    ['listChanges'],
    ['getChange'],
    ['checkChange'],
    // A drill's live scorecard counts its incident's steps and updates.
    ...drillRunsOf(event.id, cache).map((id): Target => ['drillScorecard', { id }]),
  ],
  'drill.changed': (event) => [
    ['getDrill', { id: event.id }],
    ['listDrillRuns'],
    ['listDrillScenarios'],
    ['drillScorecard', { id: event.id }],
    ['exportDrillScorecard', { id: event.id }],
    ['drillTrends'],
  ],
  'scenarios.changed': () => [['listDrillScenarios'], ['exportDrillScenario'], ['drillTrends']],
  'changes.changed': () => CHANGE_READS,
  'backups.changed': () => [['listBackups']],
  'sync.changed': () => [['syncStatus'], ['syncConflict']],
  // The draft's "Error budget consumed" is written from the budgets when it is (re)generated, not read live.
  'slos.changed': () => SLO_READS,
  'postmortem.changed': (event) => [
    ['getPostmortem', { incidentId: event.incidentId }],
    ['exportPostmortem', { incidentId: event.incidentId }],
    ['listActionItems'],
    // Post-mortems are searched with the incidents; open action items are counted in the metrics.
    ['searchIncidents'],
    ['incidentMetrics'],
  ],
  'store.replaced': () => 'everything',
};

/** The drill runs (in the cache) whose incident is this one. */
function drillRunsOf(incidentId: number, cache: CacheView): number[] {
  const runs = new Set<number>();
  for (const [, data] of cache.getQueriesData<DrillRun | DrillRun[]>({ queryKey: ['getDrill'] })) {
    if (data && !Array.isArray(data) && data.incidentId === incidentId) runs.add(data.id);
  }
  for (const [, data] of cache.getQueriesData<DrillRun[]>({ queryKey: ['listDrillRuns'] })) {
    for (const run of data ?? []) if (run.incidentId === incidentId) runs.add(run.id);
  }
  return [...runs];
}

export function targetsOf(event: ChangeEvent, cache: CacheView): Target[] | 'everything' {
  const rule = INVALIDATES[event.type] as (event: ChangeEvent, cache: CacheView) => Target[] | 'everything';
  return rule(event, cache);
}

/** Whether `target` is one of `given`: a given read without input covers every input of its operation. */
export const covers = (given: readonly Target[], target: Target): boolean =>
  given.some((key) => partialMatchKey(target, key) && (key.length === 1 || target.length === 2));

/**
 * This console's writes still expected to echo, by request id, with the reads each
 * one's answer already gave. Bounded: an echo that never comes (a write the core
 * announces with no event) does not keep its entry forever.
 */
export class EchoLedger {
  private readonly given = new Map<string, readonly Target[]>();

  constructor(private readonly capacity = 200) {}

  expect(requestId: string, given: readonly Target[]): void {
    this.given.set(requestId, given);
    while (this.given.size > this.capacity) {
      const oldest = this.given.keys().next().value;
      if (oldest === undefined) break;
      this.given.delete(oldest);
    }
  }

  /** What a write of this console already gave, if the event is its echo; null for another console's change. */
  givenBy(event: ChangeEvent): readonly Target[] | null {
    return event.requestId === undefined ? null : (this.given.get(event.requestId) ?? null);
  }
}

/** The reads one event makes stale, less those its own write already gave. */
export function staleAfter(event: ChangeEvent, cache: CacheView, ledger: EchoLedger): Target[] | 'everything' {
  const targets = targetsOf(event, cache);
  const given = ledger.givenBy(event);
  if (targets === 'everything' || given === null) return targets;
  return targets.filter((target) => !covers(given, target));
}

/**
 * Invalidates what events made stale, a burst at a time: the events one write
 * causes (a drill's change and its incident's, the demo's runbooks and roster)
 * arrive together, and each stale read is fetched once for all of them. (A
 * microtask, not a timer: no clock, paused or not, holds a change back.)
 */
export class StaleBatch {
  private targets = new Map<string, Target>();
  private everything = false;
  private scheduled = false;

  constructor(private readonly client: Pick<QueryClient, 'invalidateQueries'>) {}

  add(stale: Target[] | 'everything'): void {
    if (stale === 'everything') this.everything = true;
    else for (const target of stale) this.targets.set(hashKey(target), target);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  flush(): void {
    const { everything, targets } = this;
    this.targets = new Map();
    this.everything = false;
    this.scheduled = false;
    if (everything) void this.client.invalidateQueries();
    else for (const target of targets.values()) void this.client.invalidateQueries({ queryKey: target });
  }
}
