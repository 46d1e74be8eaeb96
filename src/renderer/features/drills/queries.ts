/** The drills' reads, cached by operation and input (src/renderer/api/queries.ts). */
import type { DrillRun } from '../../../shared/drills';
import { opKey, queryClient, useOp } from '../../api/queries';
import { useCanWrite } from '../session/queries';

/** A run as the core last sent it, and when it arrived: the master clock ticks on from there. */
export interface LiveRun {
  run: DrillRun;
  receivedAt: number;
}

/** The scenarios (a drill's script): a viewer's console (the read-only link) never asks for them. */
export const useScenarios = () => useOp('listDrillScenarios', {}, { enabled: useCanWrite() });

/** Drills running or paused now, on any console. */
export const useActiveDrills = () => useOp('listDrillRuns', {});

/** One run, with the moment its answer arrived (the drill clock ticks on from it). */
export function useDrillRun(id: number): { live: LiveRun | undefined; problem: string | undefined } {
  const query = useOp('getDrill', { id });
  return { live: query.data ? { run: query.data, receivedAt: query.dataUpdatedAt } : undefined, problem: query.error?.message };
}

/** The same, read outside React (what the clocks on screen show when Stop is pressed). */
export function liveRun(id: number): LiveRun | undefined {
  const state = queryClient.getQueryState<DrillRun>(opKey('getDrill', { id }));
  return state?.data ? { run: state.data, receivedAt: state.dataUpdatedAt } : undefined;
}

/** A running drill's progress against its targets, or a stopped one's result. */
export const useScorecard = (id: number) => useOp('drillScorecard', { id });

/** Every stopped run of a scenario, oldest first. */
export const useTrends = (scenarioId: number) => useOp('drillTrends', { id: scenarioId });
