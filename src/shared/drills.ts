import { z } from 'zod';
import { filePath } from './file-path';
import { FILE_LIMITS, formatBytes, LIMITS } from './limits';

export interface DrillInject {
  /** Stable within the scenario: from its position and title. */
  id: string;
  title: string;
  /** Shown to responders when it fires. */
  text: string;
  /** Only the facilitator sees these. */
  facilitatorNotes: string;
  /** Seconds after the start (paused time not counted); null for a manual inject. */
  offsetSeconds: number | null;
}

export interface DrillTargets {
  acknowledgeMinutes: number | null;
  firstUpdateMinutes: number | null;
  mitigateMinutes: number | null;
}

export interface DrillScenario {
  id: number;
  title: string;
  objectives: string;
  services: string[];
  /** Runbook titles or ids the scenario links to. */
  runbooks: string[];
  targets: DrillTargets;
  injects: DrillInject[];
  lastRunAt: string | null;
  runCount: number;
  updatedAt: string;
}

/** A scenario as an import left it; `replaced` when it overwrote a stored scenario of the same title that said something else. */
export type ScenarioImport = DrillScenario & {
  replaced: {
    /** Titles of the stored scenario's injects the file no longer has. */
    removedInjects: string[];
    /** The backup of the store taken before it was overwritten (null for a store kept only in memory). */
    backup: string | null;
  } | null;
};

export type DrillState = 'running' | 'paused' | 'stopped';

export interface PausedSpan {
  from: string;
  to: string | null;
}

export interface InjectStatus {
  injectId: string;
  title: string;
  /** What responders see when it fires. */
  text: string;
  /** For the facilitator's console only; the responders' screens never show it. */
  facilitatorNotes: string;
  offsetSeconds: number | null;
  status: 'pending' | 'fired' | 'held';
  /** Drill-clock seconds when it fired, in whole seconds as the master clock shows them (rounded down). */
  firedAtSeconds: number | null;
  /** Seconds until it fires (drill clock), for pending timed injects. */
  dueInSeconds: number | null;
}

export interface DrillObservation {
  at: string;
  /** Drill-clock seconds, rounded down as the master clock shows them. */
  elapsedSeconds: number;
  text: string;
}

export interface DrillRun {
  id: number;
  scenarioId: number;
  scenarioTitle: string;
  incidentId: number;
  state: DrillState;
  startedAt: string;
  stoppedAt: string | null;
  /** The master clock: seconds since the start, paused time not counted (whole seconds, rounded down). */
  elapsedSeconds: number;
  /** The same to the millisecond, so a console ticking it on shows the seconds turn when the core's do. */
  elapsedMs: number;
  /** When the facilitator paused it (`to` null while it is still paused): step timers of the drill stand still then too. */
  pauses: PausedSpan[];
  injects: InjectStatus[];
  observations: DrillObservation[];
}

export interface ScorecardRow {
  measure: string;
  /** Drill-clock minutes, or null if it never happened. */
  actualMinutes: number | null;
  targetMinutes: number | null;
  met: boolean | null;
}

export interface Scorecard {
  runId: number;
  scenario: string;
  startedAt: string;
  durationMinutes: number;
  rows: ScorecardRow[];
  /** `text`: the step's summary as inline Markdown (src/shared/step-text.ts): render it, or take `plainInline` of it for plain text. */
  steps: { runbook: string; step: number; text: string; state: string; startMinutes: number | null; endMinutes: number | null; durationMinutes: number | null }[];
  injects: { title: string; firedAtMinutes: number | null; status: string }[];
  observations: DrillObservation[];
}

const minutesTarget = z.number().min(0).max(24 * 60).nullable().default(null);
const scenarioId = z.number().int().positive();
const runId = z.number().int().positive();

export const ImportScenarioInput = z.object({ path: filePath('give the scenario file') }).strict();
export const ImportScenarioTextInput = z
  .object({
    markdown: z.string().min(1, 'the file is empty').max(LIMITS.drillBytes, `${FILE_LIMITS.drill.what} may be at most ${formatBytes(LIMITS.drillBytes)}`),
    fileName: z.string().trim().min(1).max(300).default('scenario.md'),
  })
  .strict();
export const ScenarioIdInput = z.object({ id: scenarioId }).strict();
export const SCORECARD_FORMATS = ['markdown', 'csv'] as const;
export const ExportScorecardInput = z.object({ id: runId, format: z.enum(SCORECARD_FORMATS) }).strict();

/** A scorecard as a file to download. */
export interface ScorecardFile {
  fileName: string;
  mimeType: string;
  content: string;
}
export const RunIdInput = z.object({ id: runId }).strict();
export const StopDrillInput = z
  .object({
    id: runId,
    /**
     * The drill clock the facilitator saw when they confirmed (whole seconds): the stop is recorded at that
     * reading, so the scorecard says what the Stop dialog said. Without it, or when it is not a reading of
     * the last few seconds, the drill stops now.
     */
    atSeconds: z.number().int().min(0).max(366 * 86_400).optional(),
  })
  .strict();
export const StartDrillInput = z.object({ scenarioId, actor: z.string().trim().min(1).max(100).optional() }).strict();
export const InjectActionInput = z
  .object({ id: runId, injectId: z.string().min(1).max(200), action: z.enum(['fire', 'hold', 'release']) })
  .strict();
export const ObservationInput = z.object({ id: runId, text: z.string().trim().min(1, 'cannot be empty').max(LIMITS.noteChars) }).strict();
export const SaveScenarioInput = z
  .object({
    id: scenarioId.optional(),
    title: z.string().trim().min(1, 'a scenario needs a title').max(300),
    objectives: z.string().max(20_000).default(''),
    services: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    runbooks: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
    targets: z
      .object({ acknowledgeMinutes: minutesTarget, firstUpdateMinutes: minutesTarget, mitigateMinutes: minutesTarget })
      .strict()
      .default({ acknowledgeMinutes: null, firstUpdateMinutes: null, mitigateMinutes: null }),
    injects: z
      .array(
        z
          .object({
            title: z.string().trim().min(1).max(300),
            text: z.string().max(10_000),
            facilitatorNotes: z.string().max(10_000).default(''),
            offsetSeconds: z.number().int().min(0).max(7 * 86_400).nullable(),
          })
          .strict(),
      )
      .max(200)
      .default([]),
  })
  .strict();
