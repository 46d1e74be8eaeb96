import { z } from 'zod';
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
