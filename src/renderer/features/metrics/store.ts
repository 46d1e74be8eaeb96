import { create } from 'zustand';
import type { IncidentMetrics } from '../../../shared/postmortems';
import { api } from '../../api/client';
import { lastDays } from './format';

interface MetricsState {
  from: string;
  to: string;
  metrics: IncidentMetrics | null;
  /** The range the metrics on screen are for. */
  shownRange: { from: string; to: string } | null;
  error: string | null;
  /** Charts shown as tables, by chart id. */
  tables: Record<string, boolean>;
}

export const useMetrics = create<MetricsState>()(() => ({
  ...lastDays(90),
  metrics: null,
  shownRange: null,
  error: null,
  tables: {},
}));

let sequence = 0;

export async function loadMetrics(): Promise<void> {
  const current = ++sequence;
  const { from, to } = useMetrics.getState();
  if (from && to && from > to) {
    useMetrics.setState({ error: 'The range starts after it ends.' });
    return;
  }
  const result = await api.incidentMetrics({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  if (current !== sequence) return;
  if (result.ok) useMetrics.setState({ metrics: result.value, shownRange: { from, to }, error: null });
  else useMetrics.setState({ error: result.error.message });
}

export const toggleTable = (chart: string) =>
  useMetrics.setState((state) => ({ tables: { ...state.tables, [chart]: !state.tables[chart] } }));
