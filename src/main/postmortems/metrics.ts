import type { IncidentMetrics } from '../../shared/postmortems';
import type { StartedIncident } from '../incidents/service';

const minutesBetween = (from: string, to: string | null): number | null => (to ? (Date.parse(to) - Date.parse(from)) / 60_000 : null);

const mean = (values: (number | null)[]): number | null => {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : Math.round((known.reduce((sum, value) => sum + value, 0) / known.length) * 10) / 10;
};

/** The Monday (UTC) of the week an instant falls in, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const date = new Date(iso);
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day);
  return date.toISOString().slice(0, 10);
}

/**
 * Incident metrics over real incidents (never drills) that started in a range
 * (IncidentService.startedIn):
 * MTTA is the mean of acknowledged − detected, MTTR of resolved − started, in
 * minutes, over the incidents that have both timestamps. Acknowledged is the
 * time of the incident's acknowledgement event (Acknowledge, or the first status
 * change when nobody pressed it), never the naming of a commander.
 */
export function incidentMetrics(started: StartedIncident[], openActionItems: number): IncidentMetrics {
  const incidents = started.map((incident) => ({
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    services: incident.services,
    startedAt: incident.startedAt,
    ttaMinutes: minutesBetween(incident.detectedAt, incident.acknowledgedAt),
    ttrMinutes: minutesBetween(incident.startedAt, incident.resolvedAt),
  }));
  const weeks = new Map<string, IncidentMetrics['perWeek'][number]>();
  for (const incident of incidents) {
    const week = weekOf(incident.startedAt);
    const entry = weeks.get(week) ?? { week, SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 };
    entry[incident.severity as 'SEV1'] += 1;
    weeks.set(week, entry);
  }
  const services = [...new Set(incidents.flatMap((incident) => incident.services))].sort();
  return {
    perWeek: [...weeks.values()],
    incidents,
    mtta: mean(incidents.map((incident) => incident.ttaMinutes)),
    mttr: mean(incidents.map((incident) => incident.ttrMinutes)),
    perService: services.map((service) => {
      const mine = incidents.filter((incident) => incident.services.includes(service));
      return { service, incidents: mine.length, mtta: mean(mine.map((i) => i.ttaMinutes)), mttr: mean(mine.map((i) => i.ttrMinutes)) };
    }),
    openActionItems,
  };
}
