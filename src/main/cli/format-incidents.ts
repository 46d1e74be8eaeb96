import { concurrentSentence } from '../../shared/concurrent';
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
    // Changed on two machines at once: for the commander to choose (holdfast web, or a new status or severity).
    ...incident.concurrent.map((change) => `${concurrentSentence(change, (at) => at)} — choose one`),
    ...incident.roles.map((role) => `${role.role}: ${role.person.name}`),
    '',
    ...timeline.map((event) => {
      // Numbers count within the incident (#1 is its declaration), as the console shows them.
      const correction = event.supersededBy === null ? undefined : timeline.find((other) => other.id === event.supersededBy);
      const marks = `${event.key ? ' ★' : ''}${correction ? ` (corrected by #${correction.seq})` : ''}`;
      return `#${String(event.seq).padEnd(4)} ${event.at}  ${event.actor.padEnd(12)}  ${event.text.replace(/\n/g, ' / ')}${marks}`;
    }),
    '',
  ];
  return lines.join('\n');
}
