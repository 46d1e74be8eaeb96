import type { BudgetPolicy, SloDetail, SloListItem } from '../../shared/slos';
import { burnRates, DEFAULT_MIN_EVENTS, LONGEST_BURN_WINDOW_MS, measure, round, sliOf, sloListItem, type SloMeasure } from './budget';
import type { SloDefinition } from './definition';
import { affects, impactOf, impactsOn, incidentBadMinutes, type SloIncident } from './incidents';
import { mergeRanges } from './intervals';
import { dataSeries, incidentSeries, sumRange, type Bucket, type JudgedSpan, type Series } from './series';
import { windowAt, type TimeRange } from './window';

/**
 * One SLO at one instant, from everything it is computed from: its definition,
 * its data (buckets, for data SLIs), the incidents (for incident SLIs, and to
 * list them), and its exclusions. The caller loads what `spanToLoad` says.
 */

export interface SloInputs {
  definition: SloDefinition;
  /** Sorted by start, not overlapping; at least those in `spanToLoad`. Ignored for incident SLIs. */
  buckets: readonly Bucket[];
  /** Whole hours read from roll-ups, between the buckets (rollup.ts); sums asked of the series never cut one. */
  judged?: readonly JudgedSpan[];
  incidents: readonly SloIncident[];
  /** Maintenance windows and data gaps: time taken out of both sides of the ratio. */
  exclusions: readonly TimeRange[];
}

export interface EvaluatedSlo {
  definition: SloDefinition;
  window: TimeRange;
  /** Covers `spanToLoad`. */
  series: Series;
  measure: SloMeasure;
  /** Merged. */
  exclusions: TimeRange[];
}

/** The time an evaluation at `at` reads: the SLO window up to `at`, and the longest burn-rate window before it. */
export function spanToLoad(definition: SloDefinition, at: number): TimeRange {
  const window = windowAt(definition.window, at);
  return { start: Math.min(window.start, at - LONGEST_BURN_WINDOW_MS), end: at };
}

export function evaluateSlo(inputs: SloInputs, at: number): EvaluatedSlo {
  const { definition } = inputs;
  const window = windowAt(definition.window, at);
  const exclusions = mergeRanges(inputs.exclusions);
  const series =
    definition.source === 'incidents'
      ? incidentSeries(impactsOn(inputs.incidents, definition.service, at), spanToLoad(definition, at), exclusions)
      : dataSeries(definition, inputs.buckets, exclusions, inputs.judged);
  return { definition, window, series, measure: measure(definition, series, window, at, exclusions), exclusions };
}

export const listItem = (evaluated: EvaluatedSlo, policy: BudgetPolicy): SloListItem => sloListItem(evaluated.definition, evaluated.measure, policy);

/** `slo list` sorted as the screen shows it: the least budget left first, SLOs without data last, then by name. */
export function sortByRemaining(items: SloListItem[]): SloListItem[] {
  const key = (item: SloListItem) => item.budget.remaining ?? Infinity;
  return items.sort((a, b) => key(a) - key(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `slo show`: the list row, the SLI, the burn-rate pairs and the incidents on
 * the service in the window with the bad minutes each put into this SLO (for
 * data SLIs, the bad minutes the data shows during its impact; null for
 * Occurrences, whose budget is events).
 */
export function sloDetail(evaluated: EvaluatedSlo, incidents: readonly SloIncident[], policy: BudgetPolicy, minEvents = DEFAULT_MIN_EVENTS): SloDetail {
  const { definition, window, series, measure: m, exclusions } = evaluated;
  const sli = sliOf(m);
  return {
    ...listItem(evaluated, policy),
    sli: sli === null ? null : round(sli, 6),
    burnRates: burnRates(definition, series, m.at, minEvents),
    incidents: incidentsInWindow(definition, series, window, incidents, exclusions, m.at),
  };
}

function incidentsInWindow(
  definition: SloDefinition,
  series: Series,
  window: TimeRange,
  incidents: readonly SloIncident[],
  exclusions: readonly TimeRange[],
  at: number,
): SloDetail['incidents'] {
  const range = { start: window.start, end: Math.min(window.end, at) };
  if (definition.source === 'incidents') {
    return incidentBadMinutes(incidents, definition.service, range, at, exclusions).map((row) => ({ ...row, badMinutes: round(row.badMinutes, 3) }));
  }
  return incidents.flatMap((incident) => {
    const impact = affects(incident, definition.service) ? impactOf(incident, at) : null;
    if (!impact || impact.end <= range.start || impact.start >= range.end) return [];
    const bad = series.unit === 'minutes' ? round(sumRange(series, Math.max(impact.start, range.start), Math.min(impact.end, range.end)).bad, 3) : null;
    return [{ id: incident.id, title: incident.title, badMinutes: bad }];
  });
}
