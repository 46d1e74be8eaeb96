/** Drills' operations: scenarios, runs and scorecards (see src/main/operations/op.ts for what a declaration holds). */
import path from 'node:path';
import { z } from 'zod';
import {
  ExportScorecardInput,
  ImportScenarioInput,
  ImportScenarioTextInput,
  InjectActionInput,
  ObservationInput,
  RunIdInput,
  SaveScenarioInput,
  ScenarioIdInput,
  StartDrillInput,
  StopDrillInput,
  type DrillRun,
  type ScenarioImport,
} from '../../shared/drills';
import type { ChangeEventBody } from '../../shared/events';
import { EmptyInput } from '../../shared/workspace';
import { op, type OpContext } from '../operations/context';
import { backupBeforeRemoval } from '../store/backup';
import { exportScorecard } from './scorecard-export';
import { runFor, scorecardFor } from './viewer';

/** The run changed, and so did its DRILL incident (the clock, an inject on its timeline, the stop resolving it). */
const runChanged = (_input: unknown, run: DrillRun): ChangeEventBody[] => [
  { type: 'drill.changed', id: run.id },
  { type: 'incident.changed', id: run.incidentId },
];
const scenariosChanged = (): ChangeEventBody[] => [{ type: 'scenarios.changed' }];

/** Imports a drill scenario; one that overwrites a stored scenario of the same title is preceded by a backup of the store. */
async function importScenario({ drills, store, options, clock }: OpContext, markdown: string, fileName: string): Promise<ScenarioImport> {
  const plan = drills.planScenarioImport(markdown, fileName);
  const backup = plan.overwrites ? await backupBeforeRemoval(store, options.dataDir, clock.now(), 'drill-import') : null;
  const scenario = drills.saveScenario({ ...plan.document, id: plan.replaces?.id });
  return { ...scenario, replaced: plan.overwrites ? { removedInjects: plan.removedInjects, backup: backup?.file ?? null } : null };
}

export const drillOps = {
  listDrillScenarios: op({
    input: EmptyInput,
    summary: 'Drill scenarios, with when each was last run.',
    access: 'script',
    handler: (_input, { drills }) => drills.scenarios(),
  }),
  saveDrillScenario: op({
    input: SaveScenarioInput,
    summary: 'Create or change a drill scenario.',
    access: 'write',
    handler: (input, { drills }) => drills.saveScenario(input),
    emits: scenariosChanged,
  }),
  importDrillScenario: op({
    input: ImportScenarioInput,
    summary: 'Import a scenario from Markdown (docs/drill-format.md); same title updates it, after a backup.',
    access: 'write',
    handler: (input, context) => importScenario(context, context.drills.readScenarioFile(input.path), path.basename(input.path)),
    emits: scenariosChanged,
  }),
  importDrillScenarioText: op({
    input: ImportScenarioTextInput,
    summary: 'Import a scenario from Markdown text (a file chosen in the app); same title updates it, after a backup.',
    access: 'write',
    handler: (input, context) => importScenario(context, input.markdown, input.fileName),
    emits: scenariosChanged,
  }),
  exportDrillScenario: op({
    input: ScenarioIdInput,
    summary: 'A scenario as Markdown with front matter.',
    access: 'script',
    handler: (input, { drills }) => ({ markdown: drills.exportScenario(input.id) }),
  }),
  pickDrillScenario: op({
    input: EmptyInput,
    summary: 'Wheel of misfortune: a random scenario, favouring the least recently drilled.',
    // A random pick; nothing is recorded until the drill starts.
    access: 'script',
    handler: (_input, { drills }) => drills.pickScenario(),
  }),
  startDrill: op({
    input: StartDrillInput,
    summary: 'Start a drill: opens a DRILL incident and starts the drill clock.',
    access: 'write',
    handler: (input, { drills }) => drills.start(input.scenarioId, input.actor),
    emits: runChanged,
  }),
  getDrill: op({
    input: RunIdInput,
    summary: 'A drill run: clock, injects, observations.',
    /**
     * Fires injects that the drill clock has already made due, exactly as the
     * scheduler does on its next tick (announced as the clock's); it never starts,
     * stops or changes a drill. A viewer gets it without the script: no
     * facilitator notes, no text of an inject that has not fired.
     */
    access: 'read',
    handler: (input, { drills }, session) => runFor(session, drills.tick(input.id)),
  }),
  listDrillRuns: op({
    input: z.object({ scenarioId: z.number().int().positive().optional() }).strict(),
    summary: 'Drills running now, or every run of one scenario.',
    access: 'read',
    handler: (input, { drills }, session) => drills.runs(input.scenarioId).map((run) => runFor(session, run)),
  }),
  pauseDrill: op({
    input: RunIdInput,
    summary: 'Pause the drill clock.',
    access: 'write',
    handler: (input, { drills }) => drills.pause(input.id),
    emits: runChanged,
  }),
  resumeDrill: op({
    input: RunIdInput,
    summary: 'Resume the drill clock.',
    access: 'write',
    handler: (input, { drills }) => drills.resume(input.id),
    emits: runChanged,
  }),
  stopDrill: op({
    input: StopDrillInput,
    summary: 'Stop the drill (at the clock reading the facilitator confirmed, if given).',
    access: 'write',
    handler: (input, { drills }) => drills.stop(input.id, input.atSeconds),
    emits: runChanged,
  }),
  drillInject: op({
    input: InjectActionInput,
    summary: 'Fire an inject now, hold it, or release a held one.',
    access: 'write',
    handler: (input, { drills }) => drills.injectAction(input),
    emits: runChanged,
  }),
  drillObservation: op({
    input: ObservationInput,
    summary: 'A timestamped facilitator observation.',
    access: 'write',
    handler: (input, { drills }) => drills.observe(input.id, input.text),
    emits: runChanged,
  }),
  drillScorecard: op({
    input: RunIdInput,
    summary: 'Times against the scenario’s targets, steps, injects and observations.',
    access: 'read',
    handler: (input, { drills }, session) => scorecardFor(session, drills.scorecard(input.id)),
  }),
  drillTrends: op({
    input: ScenarioIdInput,
    summary: 'Every run of a scenario’s scorecard, oldest first.',
    access: 'read',
    handler: (input, { drills }, session) =>
      drills
        .runs(input.id)
        .filter((run) => run.state === 'stopped')
        .map((run) => scorecardFor(session, drills.scorecard(run.id))),
  }),
  exportDrillScorecard: op({
    input: ExportScorecardInput,
    summary: 'A drill’s scorecard as a Markdown or CSV file.',
    access: 'read',
    handler: (input, { drills }, session) => exportScorecard(scorecardFor(session, drills.scorecard(input.id)), input.format),
  }),
};
