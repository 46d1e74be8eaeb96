import { ANNOTATIONS, type BudgetingMethod, type SloSource, type ThresholdOp } from '../../shared/slos';
import { parseDuration, timeSliceMs, type Duration } from './duration';
import type { OpenSloSlo, SliSpec } from './openslo-schema';

/**
 * An SLO as Holdfast computes with it: one objective (the first, or the one
 * `holdfast.dev/objective` names), its window, its indicator's shape and where
 * its good and bad come from. Made from a checked OpenSLO SLO and its SLI.
 */

export type SloWindow =
  | { kind: 'rolling'; duration: Duration; text: string }
  | { kind: 'calendar'; duration: Duration; text: string; startTime: string; timeZone: string };

/**
 * How data points are judged: `good`/`bad` count events (good or bad, and total);
 * `raw-success`/`raw-failure` are ratios already computed; `threshold` compares
 * each value with the objective's op and value.
 */
export type IndicatorShape = 'good' | 'bad' | 'raw-success' | 'raw-failure' | 'threshold';

export interface SloDefinition {
  name: string;
  displayName: string | null;
  service: string;
  budgetingMethod: BudgetingMethod;
  window: SloWindow;
  /** The objective as a fraction: 0.999. */
  target: number;
  objectiveName: string | null;
  op: ThresholdOp | null;
  value: number | null;
  /** Timeslices: the share of good in a slice that makes the slice good. */
  timeSliceTarget: number | null;
  /** Timeslices and RatioTimeslices: the slice length. */
  timeSliceMs: number | null;
  indicator: IndicatorShape;
  source: SloSource;
  annotations: Record<string, string>;
}

/** The window an SLO without `timeWindow` gets (the spec makes it optional): 30 days, rolling, as Sloth's default. */
export const DEFAULT_WINDOW = '30d';

/** `metricSource.type: Holdfast` with `spec.source: incidents` anywhere in the indicator makes incidents the SLI. */
export function isIncidentSource(spec: SliSpec): boolean {
  const sources = [spec.thresholdMetric, spec.ratioMetric?.good, spec.ratioMetric?.bad, spec.ratioMetric?.total, spec.ratioMetric?.raw];
  return sources.some((metric) => metric?.metricSource.type === 'Holdfast' && metric.metricSource.spec.source === 'incidents');
}

function indicatorShape(spec: SliSpec): IndicatorShape {
  if (spec.thresholdMetric) return 'threshold';
  const ratio = spec.ratioMetric;
  if (ratio?.raw) return ratio.rawType === 'failure' ? 'raw-failure' : 'raw-success';
  return ratio?.bad ? 'bad' : 'good';
}

/**
 * Picks the objective Holdfast budgets. Throws when `holdfast.dev/objective`
 * names none (the import reports it against the file).
 */
function chooseObjective(slo: OpenSloSlo, annotations: Record<string, string>) {
  const objectives = slo.spec.objectives;
  const wanted = annotations[ANNOTATIONS.objective];
  if (wanted === undefined) return objectives[0];
  const byName = objectives.find((objective) => objective.displayName === wanted);
  const byPosition = /^[1-9][0-9]*$/.test(wanted) ? objectives[Number(wanted) - 1] : undefined;
  const found = byName ?? byPosition;
  if (!found) throw new Error(`metadata.annotations["${ANNOTATIONS.objective}"] is "${wanted}", which names no objective (give its displayName or its position, 1 to ${objectives.length})`);
  return found;
}

export function sloDefinition(slo: OpenSloSlo, indicator: SliSpec): SloDefinition {
  const annotations = slo.metadata.annotations ?? {};
  const objective = chooseObjective(slo, annotations);
  if (!objective) throw new Error('spec.objectives is empty');
  const window = slo.spec.timeWindow?.[0];
  const durationText = window?.duration ?? DEFAULT_WINDOW;
  const duration = parseDuration(durationText);
  return {
    name: slo.metadata.name,
    displayName: slo.metadata.displayName ?? null,
    service: slo.spec.service,
    budgetingMethod: slo.spec.budgetingMethod,
    window: window?.calendar
      ? { kind: 'calendar', duration, text: `${durationText} calendar`, startTime: window.calendar.startTime, timeZone: window.calendar.timeZone }
      : { kind: 'rolling', duration, text: `${durationText} rolling` },
    // 99.9 / 100 is 0.9990000000000001 in floating point: 12 significant digits are plenty for an objective.
    target: objective.target ?? Number(((objective.targetPercent ?? 0) / 100).toPrecision(12)),
    objectiveName: objective.displayName ?? null,
    op: objective.op ?? null,
    value: objective.value ?? null,
    timeSliceTarget: objective.timeSliceTarget ?? null,
    timeSliceMs: objective.timeSliceWindow === undefined ? null : timeSliceMs(objective.timeSliceWindow),
    indicator: indicatorShape(indicator),
    source: isIncidentSource(indicator) ? 'incidents' : 'data',
    annotations,
  };
}

/** Whether budgets of this SLO are time: slices, or incidents (whose bad is time). Occurrences of data count events. */
export const isTimeBased = (definition: SloDefinition): boolean => definition.source === 'incidents' || definition.budgetingMethod !== 'Occurrences';
