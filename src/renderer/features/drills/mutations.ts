/** The drills' writes (src/renderer/api/mutations.ts): the run each answers with is shown at once. */
import type { InputOf } from '../../../shared/contract';
import type { DrillRun } from '../../../shared/drills';
import { runWrite } from '../../api/mutations';
import { setOp } from '../../api/queries';

type RunAction = 'pauseDrill' | 'resumeDrill' | 'stopDrill' | 'drillInject' | 'drillObservation';

/** Puts a run the core answered with into the cache: its console restarts the clock from it. */
const showRun = (run: DrillRun) => setOp('getDrill', { id: run.id }, run);

/** Runs a facilitator action on a run. Returns an error message, if any. */
export async function drillAction<N extends RunAction>(name: N, input: InputOf<N> & { id: number }): Promise<string | null> {
  const result = await runWrite(name, input, { apply: (run) => showRun(run as DrillRun), gives: [['getDrill', { id: input.id }]] });
  return result.ok ? null : result.error.message;
}

/** Starts a drill; its run is cached before its console opens. */
export const startDrillRun = (scenarioId: number) => runWrite('startDrill', { scenarioId }, { apply: showRun });

export const saveScenario = (input: InputOf<'saveDrillScenario'>) => runWrite('saveDrillScenario', input, { refresh: [['listDrillScenarios']] });

export const importScenarioText = (input: InputOf<'importDrillScenarioText'>) =>
  runWrite('importDrillScenarioText', input, { refresh: [['listDrillScenarios']] });

export const importScenarioFile = (input: InputOf<'importDrillScenario'>) => runWrite('importDrillScenario', input, { refresh: [['listDrillScenarios']] });
