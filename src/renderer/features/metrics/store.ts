import { create } from 'zustand';
import { lastDays } from './format';

/** The Metrics screen's UI state: the range asked about and which charts show as tables (the metrics are read on screen). */
interface MetricsState {
  from: string;
  to: string;
  /** Charts shown as tables, by chart id. */
  tables: Record<string, boolean>;
}

export const useMetrics = create<MetricsState>()(() => ({
  ...lastDays(90),
  tables: {},
}));

export const toggleTable = (chart: string) =>
  useMetrics.setState((state) => ({ tables: { ...state.tables, [chart]: !state.tables[chart] } }));
