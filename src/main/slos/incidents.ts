import { coveredMs } from './intervals';
import type { TimeRange } from './window';

/**
 * Incidents as the SLI (`metricSource.type: Holdfast`, `spec.source: incidents`).
 * Each incident on the SLO's service counts its impact window as bad time:
 * from its start (or the recorded impact start) to its mitigation (or, without
 * one, its resolution; an open incident counts up to now), clipped to the SLO
 * window, less exclusions, times its impact fraction (a full outage is 1; a
 * partial impact is the percentage recorded on the incident). Drills never
 * count. Where incidents overlap, an instant is as bad as the worst of them, so
 * time is never counted bad twice.
 */

export interface SloIncident {
  /** The incident's id as the store gives it. */
  id: number | string;
  title: string;
  services: readonly string[];
  /** ISO-8601 instants. */
  startedAt: string;
  impactStartedAt?: string | null;
  mitigatedAt?: string | null;
  resolvedAt?: string | null;
  /** 0–100; absent or null is a full outage (100). */
  impactPercent?: number | null;
  drill: boolean;
}

/** An incident's impact as time and a fraction, unclipped. */
export interface ImpactInterval extends TimeRange {
  fraction: number;
}

const MINUTE = 60_000;

/** Service names match whatever their case and surrounding spaces. */
const sameService = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export const affects = (incident: SloIncident, service: string): boolean =>
  !incident.drill && incident.services.some((name) => sameService(name, service));

/** The impact window of an incident, up to `now` while it is open; null for a drill or an impact that never began. */
export function impactOf(incident: SloIncident, now: number): ImpactInterval | null {
  if (incident.drill) return null;
  const start = Date.parse(incident.impactStartedAt ?? incident.startedAt);
  const endText = incident.mitigatedAt ?? incident.resolvedAt ?? null;
  const end = Math.min(endText === null ? now : Date.parse(endText), now);
  const percent = incident.impactPercent ?? 100;
  const fraction = Math.min(Math.max(percent, 0), 100) / 100;
  if (!(end > start) || Number.isNaN(start) || fraction === 0) return null;
  return { start, end, fraction };
}

/** Bad minutes of each incident on `service` in `range` (clipped, exclusions removed, times its fraction), in the order given. */
export function incidentBadMinutes(
  incidents: readonly SloIncident[],
  service: string,
  range: TimeRange,
  now: number,
  /** Merged (see mergeRanges). */
  exclusions: readonly TimeRange[] = [],
): { id: number | string; title: string; badMinutes: number }[] {
  const out: { id: number | string; title: string; badMinutes: number }[] = [];
  for (const incident of incidents) {
    if (!affects(incident, service)) continue;
    const impact = impactOf(incident, now);
    if (!impact) continue;
    const from = Math.max(impact.start, range.start);
    const to = Math.min(impact.end, range.end);
    if (to <= from) continue;
    const counted = to - from - coveredMs(exclusions, from, to);
    out.push({ id: incident.id, title: incident.title, badMinutes: (counted / MINUTE) * impact.fraction });
  }
  return out;
}

/** The impact intervals of the incidents on `service`, for the SLO's series. */
export const impactsOn = (incidents: readonly SloIncident[], service: string, now: number): ImpactInterval[] =>
  incidents.flatMap((incident) => {
    const impact = affects(incident, service) ? impactOf(incident, now) : null;
    return impact ? [impact] : [];
  });
