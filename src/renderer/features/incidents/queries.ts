/** The incidents' reads, cached by operation and input (src/renderer/api/queries.ts). */
import { useMemo } from 'react';
import type { Incident, IncidentSummary } from '../../../shared/incidents';
import { useOp, useOps } from '../../api/queries';

/** Every incident, drills included (marked), open ones first. */
export const useIncidentList = () => useOp('listIncidents', { includeDrills: true });

export const useIncident = (id: number) => useOp('getIncident', { id });

/** The whole timeline, oldest first. */
export const useTimeline = (id: number) => useOp('getTimeline', { id });

export const useIncidentSettings = () => useOp('getIncidentSettings', {});

export const openIncidents = (list: IncidentSummary[] | undefined): IncidentSummary[] =>
  (list ?? []).filter((incident) => incident.status !== 'resolved');

/** The full state of every open incident: their step timers run on every screen. */
export function useOpenIncidentDetails(): Incident[] {
  const open = openIncidents(useIncidentList().data);
  return useOps(
    'getIncident',
    open.map((incident) => ({ id: incident.id })),
  ).flatMap((query) => (query.data ? [query.data] : []));
}

/** Who is on call now for the incident's services (asked only when it names some). */
export const useSuggestedResponders = (id: number, enabled: boolean) => useOp('suggestResponders', { id }, { enabled });

export const useSimilarIncidents = (id: number) => useOp('similarIncidents', { id });

export const useSuggestedRunbooks = (id: number, query: string) => useOp('suggestRunbooks', { id, query }, { keepPrevious: true });

/** The roster's people, for naming who takes a role. */
export const useRosterPeople = () => useOp('getRoster', {}).data?.people;

/** Every service the roster's teams or the runbooks name, for declaring an incident on them. */
export function useKnownServices(): string[] {
  const roster = useOp('getRoster', {}).data;
  const runbooks = useOp('listRunbooks', { archived: false }).data;
  return useMemo(() => {
    const names = new Set<string>();
    for (const team of roster?.teams ?? []) for (const service of team.services) names.add(service);
    for (const facet of runbooks?.services ?? []) names.add(facet.name);
    return [...names].sort((a, b) => a.localeCompare(b));
  }, [roster, runbooks]);
}
