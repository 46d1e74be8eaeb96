import { create } from 'zustand';
import type { Severity } from '../../../shared/incidents';
import { typingGate } from '../../components/typing-gate';

export interface HistoryFilters {
  query: string;
  service: string;
  severity: Severity | '';
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
  includeDrills: boolean;
}

/** The History screen's UI state: its filters (the incidents and action items are read through ./queries.ts). */
interface HistoryState {
  filters: HistoryFilters;
  /** The words searched for: the box's text once the typing pauses (components/typing-gate.ts). */
  searched: string;
  openOnly: boolean;
  overdueOnly: boolean;
  owner: string;
}

export const useIncidentHistory = create<HistoryState>()(() => ({
  filters: { query: '', service: '', severity: '', from: '', to: '', includeDrills: false },
  searched: '',
  openOnly: true,
  overdueOnly: false,
  owner: '',
}));

const typed = typingGate<string>((searched) => useIncidentHistory.setState({ searched }));

export function setFilters(patch: Partial<HistoryFilters>): void {
  useIncidentHistory.setState({ filters: { ...useIncidentHistory.getState().filters, ...patch } });
  if (patch.query !== undefined) typed(patch.query);
}
