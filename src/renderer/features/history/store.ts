import { create } from 'zustand';
import type { IncidentSummary, Severity } from '../../../shared/incidents';
import type { ActionItem } from '../../../shared/postmortems';
import { api } from '../../api/client';

export interface HistoryFilters {
  query: string;
  service: string;
  severity: Severity | '';
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
  includeDrills: boolean;
}

export interface HistoryHit {
  incident: IncidentSummary;
  snippet: string;
}

interface HistoryState {
  filters: HistoryFilters;
  hits: HistoryHit[] | null;
  /** Every service seen on an incident, for the service filter. */
  services: string[];
  error: string | null;
  /** Action items across incidents. */
  actionItems: ActionItem[] | null;
  openOnly: boolean;
  overdueOnly: boolean;
  owner: string;
  actionError: string | null;
}

export const useIncidentHistory = create<HistoryState>()(() => ({
  filters: { query: '', service: '', severity: '', from: '', to: '', includeDrills: false },
  hits: null,
  services: [],
  error: null,
  actionItems: null,
  openOnly: true,
  overdueOnly: false,
  owner: '',
  actionError: null,
}));

export const RESULT_LIMIT = 200;
let searchSequence = 0;

/** Runs the search for the filters as they are; an answer overtaken by a newer search is dropped. */
export async function search(): Promise<void> {
  const sequence = ++searchSequence;
  const { filters } = useIncidentHistory.getState();
  const result = await api.searchIncidents({
    query: filters.query,
    ...(filters.service ? { service: filters.service } : {}),
    ...(filters.severity ? { severity: filters.severity } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    includeDrills: filters.includeDrills,
    limit: RESULT_LIMIT,
  });
  if (sequence !== searchSequence) return;
  if (result.ok) useIncidentHistory.setState({ hits: result.value, error: null });
  else useIncidentHistory.setState({ error: result.error.message });
}

export function setFilters(patch: Partial<HistoryFilters>): void {
  useIncidentHistory.setState({ filters: { ...useIncidentHistory.getState().filters, ...patch } });
}

/** The services to filter by: every service named on any incident, drills included. */
export async function loadServices(): Promise<void> {
  const result = await api.listIncidents({ includeDrills: true });
  if (!result.ok) return;
  const services = [...new Set(result.value.flatMap((incident) => incident.services))].sort((a, b) => a.localeCompare(b));
  useIncidentHistory.setState({ services });
}

let actionSequence = 0;

export async function loadActionItems(): Promise<void> {
  const sequence = ++actionSequence;
  const { openOnly } = useIncidentHistory.getState();
  // Every owner's items come back, so the owner list stays whole; the owner filter is applied on screen.
  const result = await api.listActionItems({ open: openOnly });
  if (sequence !== actionSequence) return;
  if (result.ok) useIncidentHistory.setState({ actionItems: result.value, actionError: null });
  else useIncidentHistory.setState({ actionError: result.error.message });
}
