/** The History screen's reads, cached by operation and input (src/renderer/api/queries.ts). */
import { useMemo } from 'react';
import { useOp } from '../../api/queries';
import { useIncidentList } from '../incidents/queries';
import { useIncidentHistory } from './store';

export const RESULT_LIMIT = 200;

/** Past incidents for the filters as they are; the last answer stays while the next one comes. */
export function useIncidentSearch() {
  const filters = useIncidentHistory((state) => state.filters);
  const searched = useIncidentHistory((state) => state.searched);
  return useOp(
    'searchIncidents',
    {
      query: searched,
      ...(filters.service ? { service: filters.service } : {}),
      ...(filters.severity ? { severity: filters.severity } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      includeDrills: filters.includeDrills,
      limit: RESULT_LIMIT,
    },
    { keepPrevious: true },
  );
}

/** The services to filter by: every service named on any incident, drills included. */
export function useIncidentServices(): string[] {
  const list = useIncidentList().data;
  return useMemo(() => [...new Set((list ?? []).flatMap((incident) => incident.services))].sort((a, b) => a.localeCompare(b)), [list]);
}

/** Action items across incidents (every owner's: the owner filter is applied on screen, so the owner list stays whole). */
export const useActionItems = (openOnly: boolean) => useOp('listActionItems', { open: openOnly }, { keepPrevious: true });
