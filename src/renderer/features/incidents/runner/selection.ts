import { create } from 'zustand';

/**
 * Which step the runner shows large, per incident. UI state only: after a
 * reload the runner picks the step in progress (or the next one pending) from the store.
 */
export const useRunnerSelection = create<{ selected: Record<number, string> }>()(() => ({ selected: {} }));

export const stepKey = (runbookId: number, stepId: string): string => `${runbookId}:${stepId}`;

export function selectStep(incidentId: number, key: string): void {
  useRunnerSelection.setState((state) => ({ selected: { ...state.selected, [incidentId]: key } }));
}
