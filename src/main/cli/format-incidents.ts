import type { Incident, IncidentSummary, TimelineEvent } from '../../shared/incidents';

/** Plain-text renderings of incidents. Instants are UTC. */

export function formatIncidents(incidents: IncidentSummary[]): string {
  if (incidents.length === 0) return 'No incidents.\n';
  return incidents
    .map((i) => `${String(i.id).padStart(4)}  ${i.severity}  ${i.status.padEnd(13)}  ${i.startedAt}  ${i.drill ? '[drill] ' : ''}${i.title}\n`)
    .join('');
}

export function formatIncident(incident: Incident, timeline: TimelineEvent[]): string {
  const lines = [
    `#${incident.id} ${incident.title}${incident.drill ? ' [drill]' : ''}`,
    `${incident.severity} · ${incident.status} · services: ${incident.services.join(', ') || 'none'}`,
    `started ${incident.startedAt}, detected ${incident.detectedAt}` +
      (incident.acknowledgedAt ? `, acknowledged ${incident.acknowledgedAt}` : '') +
      (incident.mitigatedAt ? `, mitigated ${incident.mitigatedAt}` : '') +
      (incident.resolvedAt ? `, resolved ${incident.resolvedAt}` : ''),
    ...incident.roles.map((role) => `${role.role}: ${role.person.name}`),
    '',
    ...timeline.map((event) => {
      const marks = `${event.key ? ' ★' : ''}${event.supersededBy ? ` (corrected by #${event.supersededBy})` : ''}`;
      return `${event.at}  ${event.actor.padEnd(12)}  ${event.text.replace(/\n/g, ' / ')}${marks}`;
    }),
    '',
  ];
  return lines.join('\n');
}
