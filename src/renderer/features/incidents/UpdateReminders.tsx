import { useEffect } from 'react';
import { useNow } from './clock';
import { openIncidents, useIncidentList, useIncidentSettings } from './queries';
import { notifyOnce } from './timers';

/**
 * A system notification when an open incident's status update is overdue for its
 * severity's cadence; once per missed update, clickable to the incident. The
 * incident's header shows "Update due" on the page as well.
 */
export function UpdateReminders() {
  const open = openIncidents(useIncidentList().data).length > 0;
  // Only tick while some incident is open.
  return open ? <OverdueUpdates /> : null;
}

function OverdueUpdates() {
  const list = useIncidentList().data;
  const severities = useIncidentSettings().data?.severities;
  const now = useNow();

  const overdue = openIncidents(list).flatMap((incident) => {
    const cadence = severities?.find((level) => level.severity === incident.severity)?.updateEveryMinutes;
    if (cadence === undefined) return [];
    const since = incident.lastUpdateAt ?? incident.startedAt;
    if (now - Date.parse(since) < cadence * 60_000) return [];
    return [{ incident, cadence, key: `update:${incident.id}:${since}` }];
  });
  const keys = overdue.map((item) => item.key).join(' ');

  useEffect(() => {
    for (const { incident, cadence, key } of overdue) {
      notifyOnce(key, {
        title: `Status update due: #${incident.id}`,
        body: `${incident.drill ? 'DRILL · ' : ''}${incident.severity} ${incident.title}\nPost an update at least every ${cadence} min.`,
        incidentId: incident.id,
      });
    }
    // The keys say everything that matters; `overdue` is a new array every tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys]);

  return null;
}
