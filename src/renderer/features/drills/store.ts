import { useEffect } from 'react';
import { create } from 'zustand';
import type { DrillRun, DrillScenario, Scorecard } from '../../../shared/drills';
import type { ChangeEvent } from '../../../shared/events';
import { api, onChange } from '../../api/client';
import { coalesce } from '../../api/coalesce';
import { canWrite } from '../session/store';

/** A run as the core last sent it, and when it arrived: the master clock ticks on from there. */
export interface LiveRun {
  run: DrillRun;
  receivedAt: number;
}

interface DrillsState {
  scenarios: DrillScenario[] | null;
  /** Drills running or paused now, on any console. */
  active: DrillRun[] | null;
  runs: Record<number, LiveRun>;
  /** A running drill's progress against its targets, or a stopped one's result. */
  scorecards: Record<number, Scorecard>;
  /** Every stopped run of a scenario, oldest first, by scenario id. */
  trends: Record<number, Scorecard[]>;
  /** Why something could not be loaded, by what it is (`run:3`, `trends:2`, `scenarios`). */
  problems: Record<string, string>;
}

export const useDrills = create<DrillsState>()(() => ({
  scenarios: null,
  active: null,
  runs: {},
  scorecards: {},
  trends: {},
  problems: {},
}));

function settle(key: string, message: string | null): void {
  const { [key]: _gone, ...rest } = useDrills.getState().problems;
  useDrills.setState({ problems: message === null ? rest : { ...rest, [key]: message } });
}

/** The scenarios (a drill's script): a viewer's console (the read-only link) never asks for them. */
export function loadScenarios(): Promise<void> {
  if (!canWrite()) return Promise.resolve();
  return coalesce('drills:scenarios', async () => {
    const result = await api.listDrillScenarios({});
    if (result.ok) useDrills.setState({ scenarios: result.value });
    settle('scenarios', result.ok ? null : result.error.message);
  });
}

export function loadActive(): Promise<void> {
  return coalesce('drills:active', async () => {
    const result = await api.listDrillRuns({});
    if (result.ok) useDrills.setState({ active: result.value });
    settle('active', result.ok ? null : result.error.message);
  });
}

export function loadRun(id: number): Promise<void> {
  return coalesce(`drills:run:${id}`, async () => {
    const result = await api.getDrill({ id });
    if (result.ok) receiveRun(result.value);
    settle(`run:${id}`, result.ok ? null : result.error.message);
  });
}

export function loadScorecard(id: number): Promise<void> {
  return coalesce(`drills:scorecard:${id}`, async () => {
    const result = await api.drillScorecard({ id });
    if (result.ok) useDrills.setState((state) => ({ scorecards: { ...state.scorecards, [id]: result.value } }));
    settle(`scorecard:${id}`, result.ok ? null : result.error.message);
  });
}

export function loadTrends(scenarioId: number): Promise<void> {
  return coalesce(`drills:trends:${scenarioId}`, async () => {
    const result = await api.drillTrends({ id: scenarioId });
    if (result.ok) useDrills.setState((state) => ({ trends: { ...state.trends, [scenarioId]: result.value } }));
    settle(`trends:${scenarioId}`, result.ok ? null : result.error.message);
  });
}

/** A run the core answered with (after start, pause, an inject…): shown at once, the clock restarting from it. */
export function receiveRun(run: DrillRun): void {
  useDrills.setState((state) => ({ runs: { ...state.runs, [run.id]: { run, receivedAt: Date.now() } } }));
}

/** A drill changing (on this console or another) reloads what is shown of it; a change in its incident reloads its live scorecard. */
function onDrillChange(event: ChangeEvent): void {
  const { runs, scorecards } = useDrills.getState();
  if (event.type === 'drill.changed') {
    void loadActive();
    void loadScenarios();
    if (event.id in runs) void loadRun(event.id);
    if (event.id in scorecards) void loadScorecard(event.id);
  } else if (event.type === 'incident.changed') {
    for (const { run } of Object.values(runs)) if (run.incidentId === event.id && run.id in scorecards) void loadScorecard(run.id);
  }
}

let watchers = 0;
let unsubscribe: (() => void) | null = null;

/** Keeps drill data current while any component using it is shown (one subscription however many use it). */
export function useDrillUpdates(): void {
  useEffect(() => {
    watchers += 1;
    unsubscribe ??= onChange(onDrillChange);
    return () => {
      watchers -= 1;
      if (watchers === 0) {
        unsubscribe?.();
        unsubscribe = null;
      }
    };
  }, []);
}
