import { round } from './budget';
import type { EvaluatedSlo } from './evaluate';
import { affects, impactOf, incidentBadMinutes, type SloIncident } from './incidents';
import { sumRange } from './series';

/**
 * "Error budget consumed" in a post-mortem: for each SLO of the incident's
 * services, how much of the window's budget this one incident used. Incident
 * SLIs: the incident's own bad minutes (its impact, less exclusions, times its
 * fraction); data SLIs: the bad the data shows during its impact (minutes for
 * time-based SLOs, events for Occurrences, which have no minutes). Evaluate
 * each SLO at the end of the incident's impact so the window is the one the
 * budget was spent in.
 */

export interface BudgetUse {
  slo: string;
  service: string;
  /** Null for Occurrences. */
  badMinutes: number | null;
  /** Of the window's whole budget: 0.694 is 69.4 %. Null when the SLO has no budget figure (no data). */
  fraction: number | null;
}

export function incidentBudgetUse(incident: SloIncident, slos: readonly EvaluatedSlo[]): BudgetUse[] {
  const out: BudgetUse[] = [];
  for (const evaluated of slos) {
    const { definition, series, measure: m, exclusions } = evaluated;
    if (!affects(incident, definition.service)) continue;
    const impact = impactOf(incident, m.at);
    if (!impact) continue;
    let bad: number;
    if (definition.source === 'incidents') {
      bad = incidentBadMinutes([incident], definition.service, { start: impact.start, end: impact.end }, m.at, exclusions)[0]?.badMinutes ?? 0;
    } else {
      bad = sumRange(series, impact.start, impact.end).bad;
    }
    out.push({
      slo: definition.name,
      service: definition.service,
      badMinutes: series.unit === 'minutes' ? round(bad, 3) : null,
      fraction: m.budget > 0 ? round(bad / m.budget, 6) : null,
    });
  }
  return out;
}
