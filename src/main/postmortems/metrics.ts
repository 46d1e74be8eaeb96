import type { IncidentMetrics } from '../../shared/postmortems';
import type { Store } from '../store/open';

interface Row {
  id: number;
  title: string;
  severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  services: string;
  started_at: string;
  detected_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
}

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
 * Incident metrics over real incidents (never drills) that started in the range:
 * MTTA is the mean of acknowledged − detected, MTTR of resolved − started, in
 * minutes, over the incidents that have both timestamps. Acknowledged is the
 * time of the incident's acknowledgement event (Acknowledge, or the first status
 * change when nobody pressed it), never the naming of a commander.
 */
export function incidentMetrics(db: Store, range: { from?: string | undefined; to?: string | undefined }, openActionItems: number): IncidentMetrics {
  const rows = db
    .prepare<{ from: string | null; to: string | null }, Row>(`
      SELECT id, title, severity, services, started_at, detected_at, acknowledged_at, resolved_at FROM incidents
      WHERE drill = 0 AND (@from IS NULL OR started_at >= @from) AND (@to IS NULL OR started_at < date(@to, '+1 day'))
      ORDER BY started_at`)
    .all({ from: range.from ?? null, to: range.to ?? null });
  const incidents = rows.map((row) => ({
    id: row.id,
    title: row.title,
    severity: row.severity,
    services: JSON.parse(row.services) as string[],
    startedAt: row.started_at,
    ttaMinutes: minutesBetween(row.detected_at, row.acknowledged_at),
    ttrMinutes: minutesBetween(row.started_at, row.resolved_at),
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
