import { z } from 'zod';
import { filePath } from './file-path';
import { isoInstant } from './incidents';
import { LIMITS } from './limits';
import type { ImportReport } from './runbooks';

/**
 * Service level objectives: the shapes every side shares (the CLI's JSON, the
 * screens, the change rules). The arithmetic behind them is in src/main/slos;
 * docs/slos.md explains it with a worked example.
 */

export const BUDGETING_METHODS = ['Occurrences', 'Timeslices', 'RatioTimeslices'] as const;
export type BudgetingMethod = (typeof BUDGETING_METHODS)[number];

/** The OpenSLO v1 kinds Holdfast reads (and keeps, for export, even those it does not use). */
export const OPENSLO_KINDS = ['SLO', 'SLI', 'Service', 'AlertPolicy', 'AlertCondition', 'DataSource', 'AlertNotificationTarget'] as const;
export type OpenSloKind = (typeof OPENSLO_KINDS)[number];

export const THRESHOLD_OPS = ['lt', 'lte', 'gt', 'gte'] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

/**
 * Holdfast's own settings, written under `metadata.annotations` of an OpenSLO
 * object so the file stays valid OpenSLO for every other tool. Values are
 * strings, as the spec requires (quote numbers in YAML: "25").
 */
export const ANNOTATIONS = {
  /** On an SLO: which objective Holdfast budgets when there are several (its displayName, or its 1-based position). */
  objective: 'holdfast.dev/objective',
  /** On a Service or an SLO (the SLO's wins): below this percentage of budget left, the status is `warning` and changes warn. Default 25. */
  warnBelow: 'holdfast.dev/budget-warn-below-percent',
  /** On a Service or an SLO: at or below this percentage left, changes are held back as the change types say. Default 0 (exhausted). */
  blockBelow: 'holdfast.dev/budget-block-below-percent',
  /** What a `normal` change gets when the budget is at or below the block threshold: block (default), warn or pass. */
  normalChanges: 'holdfast.dev/budget-normal-changes',
  /** The same for `standard` (pre-approved) changes: block (default), warn or pass. */
  standardChanges: 'holdfast.dev/budget-standard-changes',
  /** The same for `emergency` changes: warn (default), block or pass. */
  emergencyChanges: 'holdfast.dev/budget-emergency-changes',
  /** Burn-rate guard for Occurrences SLOs: fewer events than this in either window of a pair never fires. Default 10. */
  minEvents: 'holdfast.dev/burn-min-events',
  /** Set by Holdfast on an SLO it made from another format (`sloth`): the file it came from is not OpenSLO. */
  importedFrom: 'holdfast.dev/imported-from',
} as const;

/** Where an SLO's good and bad come from: an imported series (CSV, Prometheus JSON) or Holdfast's own incidents. */
export type SloSource = 'data' | 'incidents';

export const SLO_STATUSES = ['ok', 'warning', 'exhausted', 'no-data'] as const;
export type SloStatus = (typeof SLO_STATUSES)[number];

/** Fractions of the error budget: `total` is the whole budget (1); `remaining` goes below 0 when overspent; null without data. */
export interface BudgetFractions {
  total: number;
  consumed: number | null;
  remaining: number | null;
}

/** The same budget in minutes, for time-based SLOs (Timeslices, RatioTimeslices, or incidents as the SLI). */
export interface BudgetMinutes {
  total: number;
  consumed: number | null;
  remaining: number | null;
}

/** One row of `holdfast slo list --json`. */
export interface SloListItem {
  name: string;
  service: string;
  /** The objective as a fraction: 0.999 for 99.9 %. */
  target: number;
  /** `30d rolling`, `1M calendar`. */
  window: string;
  budgetingMethod: BudgetingMethod;
  source: SloSource;
  status: SloStatus;
  budget: BudgetFractions;
  budgetMinutes: BudgetMinutes | null;
}

export interface BurnRate {
  /** The long and short windows of the pair, as duration shorthand: `1h`, `5m`. */
  long: string;
  short: string;
  factor: number;
  /** How many times faster than "exactly the budget over the window" the budget burns; null without data. */
  longRate: number | null;
  shortRate: number | null;
  firing: boolean;
}

/** `holdfast slo show --json`: the list row and what explains it. */
export interface SloDetail extends SloListItem {
  /** Good over counted in the window (0–1), exclusions removed from both sides; null without data. */
  sli: number | null;
  burnRates: BurnRate[];
  incidents: { id: number | string; title: string; badMinutes: number | null }[];
}

/** `holdfast slo import --json`: the runbook import's report, counted per OpenSLO object (an SLO, an SLI, a Service…). */
export type SloImportReport = Omit<ImportReport, 'groups'>;

/** `holdfast slo data import --json`. `unchanged`: this very file was imported before and nothing since replaced its data. */
export interface SloDataImportResult {
  buckets: number;
  /** UTC ISO-8601: the start of the first bucket and the end of the last. */
  from: string;
  to: string;
  /** Stored buckets in that span that this import replaced. */
  replaced: number;
  unchanged: boolean;
}

/** One point of a burn-down chart: the budget left at that instant, as a fraction (and in minutes when time-based). */
export interface BurnDownPoint {
  at: string;
  remaining: number;
  remainingMinutes: number | null;
}

export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const GATE_VERDICTS = ['pass', 'warn', 'block'] as const;
export type GateVerdict = (typeof GATE_VERDICTS)[number];

const action = z.enum(GATE_VERDICTS);

/**
 * What a service's remaining budget means for changes on it. Thresholds are
 * fractions of the budget left: below `warnBelow` warns; at or below
 * `blockBelow` each change type gets its action.
 */
export const BudgetPolicy = z
  .object({
    warnBelow: z.number().min(0).max(1).default(0.25),
    blockBelow: z.number().min(-10).max(1).default(0),
    normal: action.default('block'),
    standard: action.default('block'),
    emergency: action.default('warn'),
  })
  .strict();
export type BudgetPolicy = z.output<typeof BudgetPolicy>;

export const DEFAULT_BUDGET_POLICY: BudgetPolicy = BudgetPolicy.parse({});

/** What `budgetGate` answers the change rule `peak-windows`: the worst of the service's SLOs, named. */
export interface BudgetGateResult {
  verdict: GateVerdict;
  reason: string;
  /** The SLO behind the verdict; null when the service has no SLO that holds a change back. */
  slo: string | null;
}

// ——— The operations' inputs (src/main/slos/ops.ts) and what the screens read. ———

const sloName = z.string().trim().min(1, 'give the SLO’s name (metadata.name)').max(LIMITS.sloNameChars);
const at = isoInstant.optional();
/** A file chosen in the console: its name and its text, as the browser read it. */
const chosenFile = z.object({ name: z.string().trim().min(1).max(LIMITS.pathChars), text: z.string().max(LIMITS.sliDataBytes) }).strict();

export const ListSlosInput = z.object({ at }).strict();
export const SloInput = z.object({ name: sloName, at }).strict();
export const SloChartInput = z
  .object({
    name: sloName,
    at,
    /** "What if": a full outage of this many minutes now, drawn over the burn-down. */
    whatIfMinutes: z.number({ error: 'give the outage in minutes' }).int('give whole minutes').min(0).max(60 * 24 * 90, 'at most 90 days').optional(),
  })
  .strict();
export const ImportSlosInput = z.object({ paths: z.array(filePath('a path cannot be empty')).min(1, 'give at least one file or folder') }).strict();
export const ImportSloTextInput = z.object({ files: z.array(chosenFile).min(1, 'choose at least one file').max(200) }).strict();
export const ExportSlosInput = z.object({ dir: filePath('give the folder to export into') }).strict();
export const ImportSloDataInput = z
  .object({
    name: sloName,
    path: filePath('give the data file (CSV or Prometheus JSON)'),
    /** A Prometheus answer of the total events, when `path` holds the good (or bad) ones. */
    total: filePath('give the file of the total events').optional(),
  })
  .strict();
export const ImportSloDataTextInput = z.object({ name: sloName, file: chosenFile, total: chosenFile.optional() }).strict();
export const ExcludeSloTimeInput = z
  .object({ name: sloName, from: isoInstant, to: isoInstant, reason: z.string().trim().min(1, 'say why (maintenance, a data gap…)').max(500), actor: z.string().trim().min(1).max(100).optional() })
  .strict()
  // Judged only when both are instants: a bad one is said once, by itself.
  .refine((input) => Number.isNaN(Date.parse(input.from)) || Number.isNaN(Date.parse(input.to)) || Date.parse(input.to) > Date.parse(input.from), {
    message: 'must be after from',
    path: ['to'],
  });
export const IncidentBudgetsInput = z.object({ id: z.number().int().positive() }).strict();
export const SloExclusionsInput = z.object({ name: sloName }).strict();
export const RemoveSloExclusionInput = z.object({ name: sloName, id: z.string().trim().min(1, 'give the exclusion’s id (from the list of exclusions)').max(64) }).strict();

/** `previewSloImport`: the report an import would give, and each object it would store. */
export interface SloImportPreview extends SloImportReport {
  objects: { path: string; kind: OpenSloKind; name: string; change: 'imported' | 'updated' | 'unchanged' }[];
}

/** An exclusion as the screens and `slo show` give it. */
export interface SloExclusion {
  /** Its ULID, stable across machines: what removing it names. */
  id: string;
  from: string;
  to: string;
  reason: string;
  createdBy: string;
}

/** What an SLO page draws: the burn-down, the policy thresholds, incidents and exclusions in the window, and a "what if". */
export interface SloChart {
  name: string;
  window: { from: string; to: string };
  points: BurnDownPoint[];
  /** Fractions of the budget left. */
  policy: { warnBelow: number; blockBelow: number };
  incidents: { id: number | string; title: string; from: string; to: string; fraction: number }[];
  exclusions: SloExclusion[];
  /** The budget after a full outage of `minutes` now; null when none was asked. */
  whatIf: { minutes: number; status: SloStatus; budget: BudgetFractions; budgetMinutes: BudgetMinutes | null } | null;
}

/** One SLO of an incident's services: its budget now, and what this incident used of it. */
export interface IncidentSloBudget extends SloListItem {
  /** This incident's bad minutes in it (null for Occurrences, whose budget is events). */
  badMinutes: number | null;
  /** Of the window's whole budget: 0.694 is 69.4 %; null without a budget figure. */
  consumedByIncident: number | null;
}

/** A service's SLO budget as the change rules read it (structurally the changes domain's `BudgetStatus`). */
export interface SloBudgetStatus {
  slo: string;
  status: SloStatus;
  remaining: number | null;
}
