/** The wall display's reads, through the console's data layer: change events keep them current. */
import type { Incident, TimelineEvent } from '../../../shared/incidents';
import { useOps } from '../../api/queries';
import { useIncident, useIncidentList, useOpenIncidentDetails } from '../incidents/queries';

export interface WallData {
  incidents: Incident[];
  /** Each shown incident's timeline (for its last notes), by incident id; missing while it loads. */
  timelines: Map<number, TimelineEvent[]>;
  /** Still waiting for the first answer. */
  loading: boolean;
  problem: string | null;
}

function useTimelines(ids: number[]): Map<number, TimelineEvent[]> {
  const queries = useOps(
    'getTimeline',
    ids.map((id) => ({ id })),
  );
  const byId = new Map<number, TimelineEvent[]>();
  ids.forEach((id, index) => {
    const data = queries[index]?.data;
    if (data) byId.set(id, data);
  });
  return byId;
}

/** Every open incident (drills included, tagged), with their timelines. */
export function useOpenWall(): WallData {
  const list = useIncidentList();
  const incidents = useOpenIncidentDetails();
  const timelines = useTimelines(incidents.map((incident) => incident.id));
  return { incidents, timelines, loading: list.data === undefined && !list.error, problem: list.error?.message ?? null };
}

/** One incident, open or resolved, with its timeline. */
export function useIncidentWall(id: number): WallData {
  const query = useIncident(id);
  const incidents = query.data ? [query.data] : [];
  const timelines = useTimelines(query.data ? [id] : []);
  return { incidents, timelines, loading: query.data === undefined && !query.error, problem: query.error?.message ?? null };
}
