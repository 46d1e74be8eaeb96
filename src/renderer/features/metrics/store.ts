import { create } from 'zustand';
import { lastDays } from './format';

/** The Metrics screen's UI state: the range asked about (the metrics are read on screen). */
interface MetricsState {
  from: string;
  to: string;
}

export const useMetrics = create<MetricsState>()(() => lastDays(90));
