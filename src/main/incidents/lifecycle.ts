import type { IncidentStatus } from '../../shared/incidents';
import type { IncidentRow } from './repo';

type Timestamps = Pick<IncidentRow, 'mitigated_at' | 'resolved_at'>;

/**
 * The lifecycle's timestamps after a status change. Each is set the first time
 * it applies and never moved afterwards, so reopening and resolving again keeps
 * the first answers for time to mitigate and resolve:
 * - mitigated: the first time the incident reaches monitoring or resolved;
 * - resolved: the first time it is resolved.
 * Acknowledged is set by the acknowledgement event alone (IncidentService.acknowledge).
 */
export function nextStatusTimestamps(current: Timestamps, to: IncidentStatus, at: string): Timestamps {
  return {
    mitigated_at: current.mitigated_at ?? (to === 'monitoring' || to === 'resolved' ? at : null),
    resolved_at: current.resolved_at ?? (to === 'resolved' ? at : null),
  };
}
