import type { BudgetStatus, IncidentRef, RunbookRef } from '../../shared/changes';
import type { IncidentService } from '../incidents/service';
import type { RosterService } from '../rosters/service';
import type { RunbookLibrary } from '../runbooks/library';
import { parseRunbookFile } from '../runbooks/format/markdown';
import type { Settings } from '../workspace/settings';
import { rulesConfig } from './config';
import type { PinnedRunbook } from './rules';

/**
 * What the rules read besides the change, from the other domains' services:
 * runbooks at a pinned revision, the roster's handles, open incidents, the
 * rules' settings, and the SLO budgets (through an injectable source).
 */

/**
 * The error budgets of a service's SLOs, as issue #18's budget policy reports
 * them. The changes domain does not know where they come from: the composition
 * root passes the source (src/main/core/core.ts).
 */
export type BudgetSource = (service: string) => readonly BudgetStatus[];

/** Until SLOs are kept (issue #18), every service answers "no SLO data", which the peak-windows rule passes. */
export const noSloData: BudgetSource = (service) => [{ slo: `${service} (no SLOs yet)`, status: 'no-data', remaining: null }];

/** The settings key of the rules' configuration (JSON laid over the documented defaults; docs/changes.md). */
export const CHANGE_RULES_SETTING = 'changes.rules';

export interface Neighbours {
  settings: Settings;
  runbooks: RunbookLibrary;
  rosters: RosterService;
  incidents: IncidentService;
  budgets: BudgetSource;
}

/** Reads runbooks at a pinned revision, each once per resolver (one check, one list). */
export function pinnedRunbooks(neighbours: Pick<Neighbours, 'runbooks' | 'settings'>): (ref: RunbookRef) => PinnedRunbook | null {
  const seen = new Map<string, PinnedRunbook | null>();
  return (ref) => {
    const key = `${ref.runbookId}@${ref.revision}`;
    if (!seen.has(key)) seen.set(key, readPinned(neighbours, ref));
    return seen.get(key) ?? null;
  };
}

function readPinned({ runbooks, settings }: Pick<Neighbours, 'runbooks' | 'settings'>, ref: RunbookRef): PinnedRunbook | null {
  let latest;
  try {
    latest = runbooks.get(ref.runbookId);
  } catch {
    return null;
  }
  if (ref.revision > latest.revision) return null;
  const common = { id: latest.id, revision: ref.revision, latestRevision: latest.revision };
  if (ref.revision === latest.revision) return { ...common, title: latest.title, body: latest.body, steps: latest.steps, sections: latest.sections };
  let revision;
  try {
    revision = runbooks.revision(latest.id, ref.revision);
  } catch {
    return null;
  }
  // A stored revision was read once already when it was saved: its shape is within the parser's bounds.
  const parsed = parseRunbookFile(revision.source, `${latest.title}.md`, settings.procedureHeadings());
  return { ...common, title: parsed.metadata.title || revision.title, body: parsed.body, steps: parsed.structure.steps, sections: parsed.structure.sections };
}

/** Open incidents as the stop-the-line check reads them (drills left out). */
export function openIncidents(incidents: IncidentService): IncidentRef[] {
  return incidents
    .list(true, false)
    .map((incident) => ({ id: incident.id, title: incident.title, severity: incident.severity, services: incident.services, startedAt: incident.startedAt, resolvedAt: incident.resolvedAt, drill: incident.drill }));
}

export function configuredRules(settings: Settings) {
  const stored = settings.get(CHANGE_RULES_SETTING);
  return rulesConfig(stored ? (JSON.parse(stored) as unknown) : {});
}

/** The roster's people by handle, for owners, approvers and overrides. */
export const rosterPeople = (rosters: RosterService): { people: { handle: string; name: string }[] } => ({
  people: rosters.roster().people.map((person) => ({ handle: person.handle, name: person.name })),
});

/** Every service Holdfast knows: from runbooks, teams and incidents; undefined (no check) while it knows none. */
export function knownServices({ runbooks, rosters, incidents }: Pick<Neighbours, 'runbooks' | 'rosters' | 'incidents'>): Set<string> | undefined {
  const services = new Set<string>();
  for (const facet of runbooks.list({ archived: false }).services) services.add(facet.name);
  for (const team of rosters.roster().teams) for (const service of team.services) services.add(service);
  for (const incident of incidents.list(false, true)) for (const service of incident.services) services.add(service);
  return services.size > 0 ? services : undefined;
}
